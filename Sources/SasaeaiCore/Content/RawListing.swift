import SasaeaiInput

/// A value as read from a cell or front-matter key, with where it was written.
struct RawValue: Sendable {
    let text: String
    let location: SourceLocation
}

/// A listing before checking: text values by column, from a table row or a Markdown file.
/// Private columns are dropped by the readers, so they can never be rendered.
struct RawListing: Sendable {
    var values: [ListingColumn: RawValue] = [:]
    var extras: [(label: String, value: RawValue)] = []
    var body: String?
    var source: SourceLocation

    func text(_ column: ListingColumn) -> String? {
        guard let value = values[column]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// Front matter from `listings/<id>.md` overrides the table's columns.
    mutating func overlay(_ other: RawListing) {
        for (column, value) in other.values { values[column] = value }
        for extra in other.extras {
            extras.removeAll { $0.label == extra.label }
            extras.append(extra)
        }
        if let body = other.body { self.body = body }
    }
}
