import ArgumentParser
import Foundation

/// ArgumentParser's messages for a mistyped command line, in Japanese. Its errors are internal
/// types, so the translation works from its English sentences (stable wording since 1.0); a
/// sentence not recognised here is still shown, inside a Japanese one, never alone.
enum UsageError {
    /// The whole message: what is wrong, then where to look.
    static func message(_ english: String, arguments: [String]) -> String {
        let subcommand = arguments.first { subcommandNames.contains($0) }
        // Our own checks (ValidationError from validate()) already speak Japanese.
        let ours = english.unicodeScalars.contains { !$0.isASCII }
        let what = ours ? english : translate(english, arguments: arguments, subcommand: subcommand)
        let help = "sasaeai" + (subcommand.map { " " + $0 } ?? "") + " --help"
        return "\(what)\n使い方は「\(help)」で確かめられます。"
    }

    static let subcommandNames = ["build", "check", "serve", "new", "stats"]

    static func translate(_ english: String, arguments: [String], subcommand: String?) -> String {
        let text = english.trimmingCharacters(in: .whitespacesAndNewlines)
        if let m = text.firstMatch(of: /^Unknown option '([^']+)'(?:\. Did you mean '([^']+)'\?)?/) {
            let hint = m.2.map { "（「\($0)」のことですか？）" } ?? ""
            return "オプション「\(m.1)」はありません\(hint)。綴りを確かめてください"
        }
        if let m = text.firstMatch(of: /^Missing value for '([^' ]+)/) {
            return "「\(m.1)」の後に値を書いてください（例: \(m.1) \(example(for: String(m.1)))）"
        }
        if let m = text.firstMatch(of: /^The option '([^']+)' does not take any value, but '([^']*)' was specified/) {
            return "「\(m.1)」には値を付けません。「=\(m.2)」を消してください"
        }
        if let m = text.firstMatch(of: /^Unexpected argument '([^']*)'/) {
            if subcommand == nil {
                return "「\(m.1)」というコマンドはありません。\(subcommandNames.joined(separator: "、")) のどれかを書いてください"
            }
            return "「\(m.1)」は余分です。値に空白があるなら引用符で囲んでください"
        }
        if let m = text.firstMatch(of: /^\d+ unexpected arguments: (.*)$/) {
            return "余分な引数があります（\(m.1)）。値に空白があるなら引用符で囲んでください"
        }
        if let m = text.firstMatch(of: /^Missing expected argument '([^']+)'/) {
            return "\(argumentName(String(m.1)))を書いてください"
        }
        if let m = text.firstMatch(of: /^Missing one of: (.*)$/) {
            return "次のどれかを書いてください: \(m.1)"
        }
        if let m = text.firstMatch(of: /^The value '([^']*)' is invalid for '([^']+)'(?:\. Please provide one of (.*)\.|: (.*))?/) {
            let option = String(m.2).replacingOccurrences(of: #" <[^>]+>"#, with: "", options: .regularExpression)
            var message = "「\(m.1)」は\(argumentName(option))に使えません"
            if let choices = m.3 {
                let values = choices.matches(of: /'([^']+)'/).map { String($0.1) }
                message += "。\(values.joined(separator: "、")) のどれかにしてください"
            } else if let option = m.2.firstMatch(of: /^--([a-z-]+)/), option.1 == "port" {
                message += "。1〜65535 の数にしてください"
            } else {
                message += "。書き方を確かめてください"
            }
            return message
        }
        if text.hasPrefix("Missing required subcommand") {
            return "コマンドを書いてください（\(subcommandNames.joined(separator: "、")) のどれか）"
        }
        if text.hasPrefix("Value to be set with") {
            return "同じオプションが二度書かれています。一つにしてください"
        }
        if let m = text.firstMatch(of: /^Invalid option: (.*)$/) {
            return "オプション「\(m.1)」の書き方が正しくありません。--content のように - を二つ付けて書いてください"
        }
        return "コマンドの書き方が正しくありません（\(text)）"
    }

    /// What a positional argument or option is, in words.
    private static func argumentName(_ synopsis: String) -> String {
        switch synopsis {
        case "<kind>": "作るもの（bulletin、listing、district、page のどれか）"
        case "<name>": "名前（会報は YYYY-MM、ほかは半角英小文字の ID）"
        default: "「\(synopsis)」"
        }
    }

    private static func example(for option: String) -> String {
        switch option {
        case "--as-of": "2026-11-25"
        case "--content": "content"
        case "--templates": "templates"
        case "--output": "site"
        case "--base-url": "https://example.org/sasaeai/"
        case "--port": "8080"
        case "--format": "json"
        default: "…"
        }
    }
}
