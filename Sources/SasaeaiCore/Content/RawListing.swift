import SasaeaiInput

/// A value as read from a cell or front-matter key, with where it was written.
struct RawValue: Sendable {
    let text: String
    let location: SourceLocation
}

/// A listing before checking: text values by field, from a table row or a Markdown file.
/// Private columns are dropped by the readers, so they can never be rendered.
struct RawListing: Sendable {
    var values: [ListingColumn: RawValue] = [:]
    var extras: [(label: String, value: RawValue)] = []
    var body: String?
    var source: SourceLocation
    /// A row of the layout's 追加情報 table: another session (day, time, place) of the listing
    /// with the same ID or NO, merged into it rather than a listing of its own.
    var isAdditional = false
    /// A row of a table refused as a whole (a required column is missing, already reported):
    /// kept only so that what names it is not reported a second time.
    var withheld = false
    /// The 追加情報 rows merged into this listing.
    var sessions: [RawListing] = []

    func text(_ column: ListingColumn) -> String? {
        guard let value = values[column]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// Front matter from `listings/<id>.md` overrides the table's values (SPEC 3.3). A value
    /// that differs from the table's is a warning naming both places, so an edit made in the
    /// table is never lost without a word.
    mutating func overlay(_ other: RawListing, into diagnostics: inout [Diagnostic]) {
        for (column, value) in other.values.sorted(by: { $0.value.location < $1.value.location }) {
            if let old = values[column], !old.text.isEmpty, column != .id,
               TextNormalization.matchKey(old.text) != TextNormalization.matchKey(value.text) {
                diagnostics.append(Diagnostic(.overlayDiffers, "「\(column.label)」が表（\(old.location)）では「\(Self.short(old.text))」、ここでは「\(Self.short(value.text))」です。こちらの値を使います。表を直したのなら、この行を消してください", at: value.location))
            }
            values[column] = value
        }
        for extra in other.extras {
            if let old = extras.first(where: { $0.label == extra.label }), old.value.text != extra.value.text {
                diagnostics.append(Diagnostic(.overlayDiffers, "「\(extra.label)」が表（\(old.value.location)）では「\(Self.short(old.value.text))」、ここでは「\(Self.short(extra.value.text))」です。こちらの値を使います。表を直したのなら、この行を消してください", at: extra.value.location))
            }
            extras.removeAll { $0.label == extra.label }
            extras.append(extra)
        }
        if let body = other.body { self.body = body }
    }

    private static func short(_ text: String) -> String {
        text.count > 30 ? String(text.prefix(30)) + "…" : text
    }
}
