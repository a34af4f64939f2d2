import SasaeaiInput

/// A Markdown file split into its front matter (parsed, with locations) and its body.
struct MarkdownDocument {
    let file: String
    /// The file name without `.md`: the district id, bulletin month, page slug or listing id.
    let stem: String
    let fields: YAMLFields?
    let body: String
    let bodyFirstLine: Int
    /// The front matter could not be read (already reported, E012): whatever it would have said
    /// is unknown, so nothing else is reported about this file.
    var frontMatterFailed = false

    static func parse(_ text: String, file: String, stem: String, into diagnostics: inout [Diagnostic]) -> MarkdownDocument {
        let (split, controls) = FrontMatter.split(text, file: file)
        diagnostics += controls
        var fields: YAMLFields?
        if let yaml = split.yaml {
            fields = YAMLFields.parse(yaml, file: file, firstLine: split.yamlFirstLine, into: &diagnostics)
        }
        var document = MarkdownDocument(file: file, stem: stem, fields: fields, body: split.body, bodyFirstLine: split.bodyFirstLine)
        document.frontMatterFailed = split.yaml != nil && fields == nil
        return document
    }

    var location: SourceLocation { SourceLocation(file: file) }

    /// Reads front-matter keys as listing columns, so `listings/<id>.md` can override any column.
    func rawListing(into diagnostics: inout [Diagnostic]) -> RawListing {
        var listing = RawListing(source: location)
        listing.withheld = frontMatterFailed
        if let fields {
            for key in fields.keys {
                guard let field = fields[key] else { continue }
                let text: String
                if let list = field.node.sequence {
                    text = list.compactMap { $0.scalar?.string }.joined(separator: "、")
                } else if let scalar = field.node.scalar {
                    text = scalar.string
                } else {
                    diagnostics.append(Diagnostic(.nestedFrontMatter, "前付けの「\(key)」に入れ子の値（「名前: 値」の組）は書けないため、使われません。一つの値か [a, b] の並びにしてください", at: field.location))
                    continue
                }
                let value = RawValue(text: text.trimmingCharacters(in: .whitespacesAndNewlines), location: field.location)
                switch ListingColumn.classify(header: key) {
                case .column(let column):
                    if let first = listing.values[column] {
                        diagnostics.append(Diagnostic(.duplicateFieldColumn, "「\(key)」と \(first.location.line) 行目の項目は、どちらも「\(column.label)」です。一方を消してください", at: field.location))
                        continue
                    }
                    listing.values[column] = value
                case .extra(let label): listing.extras.append((label, value))
                case .private: break
                }
            }
        }
        if listing.values[.id] == nil {
            listing.values[.id] = RawValue(text: stem, location: location)
        }
        let body = self.body.trimmingCharacters(in: .whitespacesAndNewlines)
        listing.body = body.isEmpty ? nil : body
        return listing
    }
}
