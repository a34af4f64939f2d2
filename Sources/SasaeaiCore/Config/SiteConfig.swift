import Foundation
import SasaeaiInput

/// A term of a controlled vocabulary (categories, audiences): an ASCII id for URLs and a
/// Japanese name for people.
public struct Term: Hashable, Sendable {
    public let id: String
    public let name: String
}

public struct Publisher: Sendable, Hashable {
    public var name: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var url: String?
}

public struct MapSettings: Sendable, Hashable {
    public var tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    public var attribution = "© OpenStreetMap contributors"
    public var center: Coordinate?
    public var zoom = 13
}

/// `content/site.yml`, checked. Only `title` and `base_url` are required.
public struct SiteConfig: Sendable {
    public var title: String
    public var baseURL: BaseURL
    public var language = "ja"
    public var publisher = Publisher()
    public var bulletinName = "支え合い情報誌"
    public var bulletinMonths = [5, 8, 11, 2]
    public var categories: [Term] = []
    public var audiences: [Term] = []
    public var map = MapSettings()
    public var unsafeHTML = false
    /// Show listing names with their reading as <ruby> (display.ruby), for readers who
    /// cannot read every kanji.
    public var rubyNames = true
}

/// The site's public address. Kept as its parts because the path prefix is what makes
/// hosting below the host's root work.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// Always ends with "/".
    public let absolute: String
    /// The path part, "/" or "/sasaeai/".
    public let path: String

    public init?(_ text: String) {
        var text = text.trimmingCharacters(in: .whitespaces)
        // Every page's links start with it: no query or fragment, nothing a browser reads otherwise.
        guard SafeURL.problem(text) == nil, let components = SafeURL.components(text),
              components.query == nil, components.fragment == nil else { return nil }
        if !text.hasSuffix("/") { text += "/" }
        absolute = text
        var path = components.path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
    }

    public var description: String { absolute }

    /// The absolute URL of a site-relative path such as "listings/x/".
    public func resolve(_ relative: String) -> String { absolute + relative }
}

extension SiteConfig {
    static let knownKeys: Set<String> = ["title", "base_url", "language", "publisher", "bulletin", "categories", "audiences", "map", "markdown", "display"]

    /// Reads site.yml's fields; every problem becomes a diagnostic and nil means "cannot build".
    static func read(_ fields: YAMLFields, into diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let file = fields.file
        for key in fields.keys where !knownKeys.contains(key) {
            diagnostics.append(Diagnostic(.unknownSetting, "site.yml の「\(key)」は使われません。綴りを確かめてください（使える項目: \(knownKeys.sorted().joined(separator: ", "))）", at: fields[key]!.location))
        }
        let title = fields.string("title")
        if title == nil {
            diagnostics.append(Diagnostic(.missingSetting, "site.yml に title（サイトの名前）を書いてください", at: SourceLocation(file: file)))
        }
        var baseURL: BaseURL?
        if let text = fields.string("base_url") {
            baseURL = BaseURL(text)
            if baseURL == nil {
                diagnostics.append(Diagnostic(.badSetting, "base_url「\(text)」は URL ではありません。https://example.org/sasaeai/ のように書いてください", at: fields["base_url"]!.location))
            }
        } else {
            diagnostics.append(Diagnostic(.missingSetting, "site.yml に base_url（公開する URL。例: https://example.org/sasaeai/）を書いてください", at: SourceLocation(file: file)))
        }
        guard let title, let baseURL else { return nil }
        var config = SiteConfig(title: title, baseURL: baseURL)
        if let language = fields.string("language") {
            let location = fields["language"]!.location
            if !LanguageTag.isWellFormed(language) {
                diagnostics.append(Diagnostic(.badLanguage, "language「\(language)」は言語を表す記号（BCP 47）の形ではありません。日本語のサイトなら ja と書いてください", at: location))
            } else {
                config.language = language
                if language.lowercased().split(separator: "-").first != "ja" {
                    diagnostics.append(Diagnostic(.languageNotJapanese, "language が「\(language)」ですが、ページの見出しや案内は日本語です。読み上げソフトが違う言語として読むので、ja にしてください", at: location))
                }
            }
        }
        if let node = fields["publisher"]?.node.mapping {
            func value(_ key: String) -> String? { node[key]?.scalar?.string }
            config.publisher = Publisher(name: value("name"), address: value("address"), phone: value("phone"), email: value("email"), url: value("url"))
            let location = fields["publisher"]!.location
            if let url = config.publisher.url, let problem = SafeURL.problem(url) {
                diagnostics.append(Diagnostic(.badPublisherURL, "publisher.url「\(url)」はリンクにできません（\(problem)）。https://example.jp/ のように書いてください", at: location))
                config.publisher.url = nil
            }
            if let email = config.publisher.email, !SafeURL.isMailAddress(email) {
                diagnostics.append(Diagnostic(.badPublisherEmail, "publisher.email「\(email)」はメールアドレスの形ではありません。info@example.jp のように一つだけ書いてください", at: location))
                config.publisher.email = nil
            }
        }
        if let bulletin = fields["bulletin"]?.node.mapping {
            if let name = bulletin["name"]?.scalar?.string { config.bulletinName = name }
            if let months = bulletin["months"]?.sequence {
                let values = months.compactMap { $0.int }
                if values.count == months.count, values.allSatisfy({ (1...12).contains($0) }) {
                    config.bulletinMonths = values
                } else {
                    diagnostics.append(Diagnostic(.badSetting, "bulletin.months は 1〜12 の月の一覧で書いてください（例: [5, 8, 11, 2]）", at: fields["bulletin"]!.location))
                }
            }
        }
        config.categories = readTerms("categories", fields, &diagnostics)
        config.audiences = readTerms("audiences", fields, &diagnostics)
        if let map = fields["map"]?.node.mapping {
            if let tiles = map["tiles"]?.scalar?.string {
                // The template's placeholders are not URL characters; check the address around them.
                let probe = tiles.replacingOccurrences(of: "{s}", with: "a").replacingOccurrences(of: "{z}", with: "1")
                    .replacingOccurrences(of: "{x}", with: "1").replacingOccurrences(of: "{y}", with: "1").replacingOccurrences(of: "{r}", with: "")
                if let problem = SafeURL.problem(probe) {
                    diagnostics.append(Diagnostic(.badTileURL, "map.tiles「\(tiles)」は地図の画像の URL にできません（\(problem)）。https://tile.openstreetmap.org/{z}/{x}/{y}.png のように書いてください", at: fields["map"]!.location))
                } else if !(tiles.contains("{z}") && tiles.contains("{x}") && tiles.contains("{y}")) {
                    diagnostics.append(Diagnostic(.badTileURL, "map.tiles「\(tiles)」に {z}、{x}、{y} が入っていません。https://tile.openstreetmap.org/{z}/{x}/{y}.png のように書いてください", at: fields["map"]!.location))
                } else {
                    config.map.tiles = tiles
                }
            }
            if let attribution = map["attribution"]?.scalar?.string { config.map.attribution = attribution }
            if let zoom = map["zoom"]?.int { config.map.zoom = zoom }
            if let center = map["center"]?.sequence, center.count == 2, let lat = center[0].float, let lon = center[1].float {
                config.map.center = Coordinate(latitude: lat, longitude: lon)
            }
        }
        if let markdown = fields["markdown"]?.node.mapping, let unsafe = markdown["unsafe_html"]?.bool {
            config.unsafeHTML = unsafe
        }
        if let display = fields["display"]?.node.mapping, let ruby = display["ruby"]?.bool {
            config.rubyNames = ruby
        }
        return config
    }

    private static func readTerms(_ key: String, _ fields: YAMLFields, _ diagnostics: inout [Diagnostic]) -> [Term] {
        guard let field = fields[key] else { return [] }
        var terms: [Term] = []
        for item in field.node.sequence ?? [] {
            guard let mapping = item.mapping, let id = mapping["id"]?.scalar?.string, let name = mapping["name"]?.scalar?.string,
                  Slug.isValid(id) else {
                let line = fields[key]!.location.line + (item.mark.map { $0.line - (field.node.mark?.line ?? $0.line) } ?? 0)
                diagnostics.append(Diagnostic(.badSetting, "\(key) の項目は { id: 英小文字の ID, name: 名前 } の形で書いてください", at: SourceLocation(file: fields.file, line: line)))
                continue
            }
            terms.append(Term(id: id, name: name))
        }
        return terms
    }
}
