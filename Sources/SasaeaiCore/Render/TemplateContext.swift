/// Mustache looks a missing key up in the enclosing contexts, so a nil written into a context
/// would show a parent's value instead of nothing. Contexts are built without nil entries.
func compact(_ pairs: [String: Any?]) -> [String: Any] {
    pairs.compactMapValues { $0 }
}
