import SasaeaiSchedule

/// Starting points for `sasaeai new`: a file with every key a coordinator needs to fill in.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case bulletin, listing, district, page
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// What a new issue takes from the content already there.
    public struct BulletinDefaults: Sendable {
        /// site.yml's `bulletin.name`.
        public var name = "支え合い情報誌"
        /// The number of the newest earlier issue; the new one is the next.
        public var previousNumber: Int?
        /// A real listing, so the commented-out card example works once uncommented.
        public var exampleListingID: String?

        public init(name: String = "支え合い情報誌", previousNumber: Int? = nil, exampleListingID: String? = nil) {
            self.name = name
            self.previousNumber = previousNumber
            self.exampleListingID = exampleListingID
        }

        /// From checked content (drafts included): the issues before `month` and the first listed activity.
        public init(_ content: SiteContent?, before month: YearMonth) {
            guard let content else { return }
            name = content.config.bulletinName
            previousNumber = content.bulletins.filter { $0.month < month }.compactMap(\.number).max()
            exampleListingID = content.listings.first { $0.isListed }?.id
        }
    }

    /// The path under `content/` and the file's text.
    /// - Parameter listingInTable: the listing is already a row of a table: its file only adds a
    ///   description, since any field written here (even empty) would override the row's.
    public static func file(_ kind: Kind, name: String, bulletin: BulletinDefaults = BulletinDefaults(),
                            listingInTable: Bool = false) throws -> (path: String, text: String) {
        switch kind {
        case .bulletin:
            guard let month = YearMonth(iso: name) else {
                throw Invalid(description: "会報は 年-月 で指定してください（例: sasaeai new bulletin 2026-05）")
            }
            let number = (bulletin.previousNumber ?? 0) + 1
            let example = bulletin.exampleListingID ?? "掲載のID"
            return ("bulletins/\(month).md", """
            ---
            title: \(bulletin.name) 第\(number)号（\(month.year)年\(month.month)月）
            number: \(number)
            date: \(month)-01
            draft: true
            ---
            ## ごあいさつ

            ここに季節のあいさつを書きます。

            ## 今号の活動紹介

            ここで紹介する活動のことを書きます。

            <!--
            活動のカードを入れるときは、次の行の ID を紹介する活動の ID に書きかえ、
            その行をこの囲みの外（最後の行より下）に移してください。
            {{< listing "\(example)" >}}
            -->

            ## 今期の開催日

            {{< calendar >}}

            ## 前号からの変更

            {{< changes >}}

            ## 数字で見る支え合い

            {{< stats >}}

            ## お問い合わせ

            ここに問い合わせ先を書きます。

            """)
        case .listing, .district, .page:
            guard Slug.isValid(name) else {
                throw Invalid(description: "「\(name)」は使えません。半角の英小文字・数字・ハイフンで指定してください（例: minami-salon）")
            }
            switch kind {
            case .listing where listingInTable:
                return ("listings/\(name).md", """
                ---
                id: \(name)
                ---
                活動のくわしい紹介をここに書きます（名称や開催日時などは表のままです。ここに書いた項目は表の値より優先されます）。

                """)
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
