import SasaeaiSchedule

/// Starting points for `sasaeai new`: a file with every key a coordinator needs to fill in.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case bulletin, listing, district, page
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// The path under `content/` and the file's text.
    public static func file(_ kind: Kind, name: String) throws -> (path: String, text: String) {
        switch kind {
        case .bulletin:
            guard let month = YearMonth(iso: name) else {
                throw Invalid(description: "会報は 年-月 で指定してください（例: sasaeai new bulletin 2026-05）")
            }
            return ("bulletins/\(month).md", """
            ---
            title: 支え合い情報誌 \(month.year)年\(month.month)月号
            number: 
            date: \(month)-01
            draft: true
            ---
            ## ごあいさつ

            ## 今号の活動紹介

            {{< listing "ここに ID" >}}

            ## 今期の開催日

            {{< calendar >}}

            ## 前号からの変更

            {{< changes >}}

            ## 地区ごとの活動数

            {{< stats >}}

            """)
        case .listing, .district, .page:
            guard Slug.isValid(name) else {
                throw Invalid(description: "「\(name)」は使えません。半角の英小文字・数字・ハイフンで指定してください（例: minami-salon）")
            }
            switch kind {
            case .listing:
                return ("listings/\(name).md", """
                ---
                id: \(name)
                name: 
                kana: 
                kind: サロン
                district: 
                schedule: 
                venue: 
                fee: 
                contact: 
                ---
                活動のくわしい紹介をここに書きます。

                """)
            case .district:
                return ("districts/\(name).md", """
                ---
                name: 
                kana: 
                order: 
                ---
                地区の紹介をここに書きます。

                """)
            default:
                return ("pages/\(name).md", """
                ---
                title: 
                ---
                本文をここに書きます。

                """)
            }
        }
    }
}
