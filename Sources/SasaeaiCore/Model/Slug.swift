/// ASCII slugs become URLs (`listings/<id>/`), so they are restricted to what needs no escaping
/// and reads the same on every server: lowercase letters, digits and inner hyphens.
enum Slug {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              text.unicodeScalars.count <= 64 else { return false }
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        return allowed && first != "-" && last != "-" && first != "_"
    }
}
