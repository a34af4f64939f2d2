import Foundation

/// A page's text as read, for tests that look for a name: ruby readings (<rt>) and their
/// fallback brackets (<rp>) removed, then every tag, so 「<ruby>子<rt>こ</rt></ruby>ども食堂」 reads
/// 子ども食堂 as it does on screen.
func shownText(_ html: String) -> String {
    html.replacingOccurrences(of: "<rt>[^<]*</rt>|<rp>[^<]*</rp>", with: "", options: .regularExpression)
        .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
}
