import Yams

/// A YAML syntax error as a coordinator can act on it: where the mistake is and what to change,
/// in Japanese. libyaml reports where it gave up (often the next line, or the end of the file for
/// a quote left open); the context mark ("while scanning a quoted scalar") is where the mistake
/// starts, so that is the place reported when libyaml gives one.
struct YAMLProblem {
    /// 1-based, within the YAML text.
    let line: Int
    let column: Int
    let message: String

    init?(_ error: YamlError) {
        let context: YamlError.Context?, problem: String, mark: Mark
        switch error {
        case let .scanner(c, p, m, _), let .parser(c, p, m, _), let .composer(c, p, m, _):
            (context, problem, mark) = (c, p, m)
        default:
            return nil
        }
        let at = Self.startsAtContext(problem) ? (context?.mark ?? mark) : mark
        line = at.line
        column = at.column
        message = Self.advice(problem: problem, context: context?.text ?? "")
    }

    /// Problems whose cause is where the construct began, not where libyaml noticed.
    private static func startsAtContext(_ problem: String) -> Bool {
        ["unexpected end of stream", "could not find expected ':'", "did not find expected ',' or",
         "did not find expected key", "unexpected end of"].contains { problem.contains($0) }
    }

    private static func advice(problem: String, context: String) -> String {
        let rules: [(String, String)] = [
            ("mapping values are not allowed",
             "値の中にコロン（:）があります。値を \"…\" で囲んでください（例: title: \"お知らせ: 12月\"）"),
            ("unexpected end of stream",
             context.contains("quoted") ? "引用符（\" または '）が閉じていません。値の終わりにも同じ引用符を書いてください"
                                        : "途中で終わっています。閉じていない引用符や [ ] がないか確かめてください"),
            ("could not find expected ':'",
             "「キー: 値」のコロンが見つかりません。キーの後に半角の「: 」（コロンと空白）を書いてください"),
            ("did not find expected ',' or ']'",
             "[ ] の並びが閉じていないか、区切りが違います。[a, b] のように半角のカンマで区切り、] で閉じてください"),
            ("did not find expected ',' or '}'",
             "{ } が閉じていないか、区切りが違います。{ id: a, name: b } のように書いてください"),
            ("did not find expected key",
             "前の行までの引用符（\" '）や [ ] が閉じていないか、字下げがそろっていません。引用符を閉じ、同じ深さのキーは行の同じ位置から書いてください"),
            ("tab",
             "字下げにタブが使われています。タブを半角の空白にしてください"),
            ("cannot start any token",
             "値が YAML で特別な文字（@ ` % など）で始まっています。値を \"…\" で囲んでください"),
            ("block sequence entries are not allowed",
             "「- 」で始まる並びは、キーの次の行から字下げして書いてください"),
            ("did not find expected node content",
             "値があるはずの所に何もありません。「キー: 値」の値を書くか、行を消してください"),
            ("found duplicate", "同じキーが二度書かれています。一つにまとめてください"),
        ]
        let what = rules.first { problem.contains($0.0) }?.1
            ?? "書き方に誤りがあります。コロンの後の空白、引用符の閉じ忘れ、字下げを確かめてください"
        return "YAML: " + what
    }
}
