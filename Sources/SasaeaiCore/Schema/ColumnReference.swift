/// `docs/columns.md`, the coordinators' column reference, written from the schema so the two
/// cannot drift. A test compares it with the committed file; `SASAEAI_WRITE_DOCS=1 swift test
/// --filter ColumnReferenceTests` writes it again after the schema changes.
enum ColumnReference {
    static func markdown() -> String {
        var out = """
        # 掲載の表の列（Column reference）

        <!-- このファイルは Sources/SasaeaiCore/Schema/ListingSchema.swift から作られます。直接書き換えず、
             `SASAEAI_WRITE_DOCS=1 swift test --filter ColumnReferenceTests` で作り直してください。 -->

        `content/listings/` の表（.csv / .tsv）の 1 行目には、次の列名のどれかを書きます。列の順番は自由です。
        列名は、空白・全角半角・大文字小文字の違いを無視して比べます（`ﾌﾘｶﾞﾅ` も `フリガナ` です）。

        - `_` か `非公開` で始まる列（`非 公開メモ` `＿メモ` も同じ）は**非公開**です。値はどのページ・データにも出ません。
        - ここにない列は、掲載のページに「追加の欄」としてそのまま表示されます。ここにある列名に近い列名（`開催日程` など）には警告が出ます。
        - 同じ項目を指す列が二つある（`名称` と `団体名`）とエラーになります。
        - 表と同じ名前の `.yml`（`kodomo-shokudo.csv` なら `kodomo-shokudo.yml`）に、表にない値（`defaults:`）、ここにない列名の読み方（`columns:`）、表の ID の前に付ける語（`id_prefix:`。市区町村ごとの表で番号が重なるとき）を書けます。
        - Excel のブック（.xlsx）は、1 行目にここの列名があるシートを読みます。

        ```yaml
        defaults: { kind: place, categories: [kodomo-shokudo] }
        columns: { 活動場所: venue }
        id_prefix: taito
        ```

        「出力」は、その値がどこに出るかです（ページ = 掲載のページ、検索 = サイト内検索、データ = data/listings.json・.csv・.geojson、HSDS = data/hsds/）。
        「全国の様式」は、自治体が公開している子ども食堂・居場所のオープンデータの様式の列名です。data/listings.csv はこの様式の列の順で書き出され、そのあとに Sasaeai の列が続きます。

        | 項目（キー） | 列名 | 全国の様式 | 必須 | 値 | 出力 | 説明 |
        |---|---|---|---|---|---|---|

        """
        for field in ListingSchema.fields {
            let headers = field.headers.filter { $0 != field.national }.map { "`\($0)`" }.joined(separator: " ")
            let outputs = [(FieldOutputs.page, "ページ"), (.search, "検索"), (.data, "データ"), (.hsds, "HSDS")]
                .filter { field.outputs.contains($0.0) }.map(\.1).joined(separator: "・")
            let required = field.required ? "○" : ""
            let cells = ["\(field.label)（`\(field.key.rawValue)`）", headers, field.national.map { "`\($0)`" } ?? "",
                         required, field.kind.description, outputs.isEmpty ? "出さない" : outputs, field.note]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        out += """

        ## 開催日時の列の組み合わせ

        全国の様式では、開催日時が 6 つの列に分かれています。Sasaeai はこれを一つの開催日時の文にして読み取ります。

        | 開催曜日 | 開催日 | 開催開始時間・開催終了時間 | 読み取る文 |
        |---|---|---|---|

        """
        let examples: [(String?, String?, String?, String?, String?)] = [
            ("土", "第３", "13:30", "15:30", nil), ("木日", "第2・4水曜日 15時～19時", nil, nil, nil),
            ("月火水木金", nil, "13:00", "20:00", "1"), ("金", nil, "17:30", "18:30", "5"), (nil, nil, nil, nil, "8"),
        ]
        for (weekdays, days, start, end, frequency) in examples {
            let text = ScheduleComposer.compose(.init(frequency: frequency, weekdays: weekdays, days: days, start: start, end: end, note: nil)) ?? ""
            let time = [start, end].compactMap { $0 }.joined(separator: "・")
            out += "| \(weekdays ?? "") | \(days ?? "") | \(time)\(frequency.map { "（開催頻度 \($0)）" } ?? "") | \(text) |\n"
        }
        out += """

        - 開催日に曜日がなければ開催曜日を続けます（`第３` + `土` → `第３土曜`）。開催日がなければ開催頻度で「毎週」「隔週」などを補います。
        - 開催日時特記事項は、読み取れるもの（`祝日は休み` `8月は休み` など）だけを開催日時に加え、それ以外は「開催日時について」としてページに添えます。
        - 開催日がなく、開催日時特記事項に「毎月第2水曜日」のような開催日が書かれていれば、それを開催日として読みます。
        - 開催日時の列があれば、そちらを使います。

        ## 開催頻度のコード

        | コード | 意味 |
        |---|---|

        """
        for (code, label) in ListingSchema.frequencies {
            out += "| \(code) | \(label) |\n"
        }
        out += """

        1〜5 は開催曜日・開催日とあわせて開催日を計算します（`5` で開催日がなければ何週目かがわからないため、日付は出さず警告します）。
        6〜8 は決まった開催日がないものとして扱い、ページには意味を表示します。

        ## 自動で決まる値

        - **ID が空の行**: 表の通し番号の列（`NO` `番号`）があれば「表のファイル名-番号」（`sakai-3`）、なければ「表のファイル名-読みから作った8桁」。毎回同じになりますが、番号や読みを変えると URL も変わるため、表ごとに警告が一つ出ます。
        - **地区が空の行**: 住所に、地区のファイルの `areas:`（町名）のどれかが含まれていれば、その地区になります（長い町名を優先）。どれにも当たらなければエラーです。
        - **読みが空の行**: 名称をそのまま読みとして使い、表ごとに警告が一つ出ます（並びは正しくなりません）。
        - **追加情報の表**（全国の様式の「追加情報」: 名称がなく、ID か NO と開催・場所の列だけがある表やシート）: 各行は、同じ ID・NO の掲載のもう一つの開催として、その掲載の開催日時に加わります。会場が違えば「ほかの会場」としてページに出ます。当たる掲載がない行は警告です。
        - **緯度に「36.395, 139.33」**（地図からのコピー）: 緯度と経度の両方として読みます。`緯度経度` の列も同じです。

        """
        return out
    }
}
