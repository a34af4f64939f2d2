import Foundation
@testable import SasaeaiCore
import SasaeaiInput
import XCTest

/// Addresses that reach a page are what they look like: http(s) with a host, nothing a browser
/// would read differently (spaces, quotes, angle brackets, backslashes, invisible characters).
final class SafeURLTests: XCTestCase {
    func testWebAddresses() {
        for good in ["https://example.org/", "http://example.org", "https://www.town.kami.miyagi.jp/soshiki/a.html?x=1&y=2#top",
                     "https://例え.jp/パス", "https://xn--r8jz45g.jp/", "https://example.org:8443/a", "https://[2001:db8::1]/",
                     "https://192.168.1.10/sasaeai/", "HTTPS://EXAMPLE.ORG/"] {
            XCTAssertNil(SafeURL.problem(good), good)
        }
        let bad: [(String, String)] = [
            ("javascript:alert(1)", "http"), ("data:text/html,x", "http"), ("ftp://example.org/", "http"),
            ("https://example.org/a b", "空白"), ("https://example.org/a\u{3000}b", "空白"), (" https://example.org/", "空白"),
            ("https://example.org/\"onmouseover=\"x", "引用符"), ("https://example.org/'x'", "引用符"),
            ("https://example.org/<script>", "山かっこ"), ("https://example.org\\@evil.example/", "バックスラッシュ"),
            ("https://example.org/\u{0}", "制御文字"), ("https://example.org/\u{202E}gpj.exe", "制御文字"),
            ("https://town.example@evil.example/", "@"), ("https:example.org", "//"), ("https://", "ホスト"),
            ("https:///path", "ホスト"), ("https://-bad-.example/", "ホスト名"), ("https://exa_mple.org/", "ホスト名"),
            ("", "空"), ("example.org", "http"),
        ]
        for (text, reason) in bad {
            let problem = SafeURL.problem(text)
            XCTAssertNotNil(problem, text)
            XCTAssertTrue(problem?.contains(reason) ?? false, "\(text): \(problem ?? "nil")")
        }
    }

    func testMailAndTelephoneLinks() {
        XCTAssertTrue(SafeURL.isMailAddress("info@example.jp"))
        for bad in ["info@example", "a@b@example.jp", "info@example.jp?bcc=x@y.jp", "\"a\"@example.jp", "a b@example.jp", "@example.jp", "a@.jp"] {
            XCTAssertFalse(SafeURL.isMailAddress(bad), bad)
        }
        XCTAssertTrue(SafeURL.isRecordLink("tel:0270-12-3456"))
        XCTAssertFalse(SafeURL.isRecordLink("tel:0270;alert(1)"))
        XCTAssertFalse(SafeURL.isRecordLink("vbscript:msgbox"))
    }

    func testBaseURL() {
        XCTAssertEqual(BaseURL("https://example.org/sasaeai")?.path, "/sasaeai/")
        XCTAssertEqual(BaseURL("https://example.org")?.absolute, "https://example.org/")
        for bad in ["https://example.org/a b/", "https://example.org/?x=1", "https://example.org/#top", "javascript://example.org/", "https://\"x\"/"] {
            XCTAssertNil(BaseURL(bad), bad)
        }
    }

    func testLanguageTags() {
        for good in ["ja", "ja-JP", "ja-Jpan", "ja-Jpan-JP", "ja-JP-u-ca-japanese", "ja-x-kami", "zh-Hant-TW", "es-419", "de-DE-1996", "sgn-ase"] {
            XCTAssertTrue(LanguageTag.isWellFormed(good), good)
        }
        for bad in ["", "日本語", "ja_JP", "j", "ja-", "-ja", "ja JP", "ja-JP-u", "ja-\"x", "ja-JP-toolongsubtag", "ja-JP-x", "123"] {
            XCTAssertFalse(LanguageTag.isWellFormed(bad), bad)
        }
    }
}

/// site.yml values that end up in pages are checked, each problem with its own code and line.
final class SiteConfigCheckTests: XCTestCase {
    private func diagnostics(_ extra: String) throws -> [Diagnostic] {
        let scratch = try TemporaryContent([
            "site.yml": TemporaryContent.siteYML + extra,
            "districts/minami.md": TemporaryContent.district,
        ])
        defer { scratch.remove() }
        return Builder.check(scratch.options()).diagnostics
    }

    func testLanguage() throws {
        let bad = try diagnostics("language: 日本語\n")
        XCTAssertEqual(bad.map(\.code.rawValue), ["E020"])
        XCTAssertEqual(bad.first?.location.line, 9)
        XCTAssertEqual(try diagnostics("language: en\n").map(\.code.rawValue), ["W021"])
        XCTAssertEqual(try diagnostics("language: ja-JP\n").map(\.code.rawValue), [])
    }

    func testPublisherAndTiles() throws {
        XCTAssertEqual(try diagnostics("publisher:\n  url: \"https://example.jp/a b\"\n").map(\.code.rawValue), ["E022"])
        XCTAssertEqual(try diagnostics("publisher:\n  url: \"javascript:alert(1)\"\n").map(\.code.rawValue), ["E022"])
        XCTAssertEqual(try diagnostics("publisher:\n  email: \"a@example.jp, b@example.jp\"\n").map(\.code.rawValue), ["E023"])
        XCTAssertEqual(try diagnostics("publisher:\n  url: https://例え.jp/\n  email: info@example.jp\n").map(\.code.rawValue), [])
        XCTAssertEqual(try diagnostics("map:\n  tiles: \"javascript:alert(1)//{z}/{x}/{y}\"\n").map(\.code.rawValue), ["E024"])
        XCTAssertEqual(try diagnostics("map:\n  tiles: https://tile.example.org/tiles.png\n").map(\.code.rawValue), ["E024"])
        XCTAssertEqual(try diagnostics("map:\n  tiles: \"https://{s}.tile.example.org/{z}/{x}/{y}{r}.png\"\n").map(\.code.rawValue), [])
    }
}
