import Foundation
@testable import SasaeaiCore
import XCTest

/// The snapshot reader gives what reading the file with Foundation's JSONSerialization gave
/// (the reader it replaced, kept here as the reference), for snapshots as written and as a
/// hand or an editor may leave them. (Booleans, which no snapshot holds, are left out: the new
/// reader shows nothing for them.)
final class SnapshotJSONTests: XCTestCase {
    private enum Outcome: Equatable {
        case read([ListingSnapshot.Entry])
        case failed(String)
    }

    private func reference(_ text: String) -> Outcome {
        func display(_ value: Any) -> String? {
            switch value {
            case let text as String: text
            case let list as [Any]: list.compactMap(display).joined(separator: "、")
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return .failed("JSON として読めません") }
        guard let records = object as? [[String: Any]] else { return .failed("掲載の一覧（JSON の配列）ではありません") }
        var entries: [ListingSnapshot.Entry] = []
        for (n, record) in records.enumerated() {
            guard let id = record["id"] as? String, !id.isEmpty else { return .failed("\(n + 1) 件目に id がありません") }
            var fields: [String: String] = [:]
            for (key, value) in record {
                if let text = display(value), !text.isEmpty { fields[key] = text }
            }
            entries.append(ListingSnapshot.Entry(id: id, fields: fields))
        }
        return .read(entries)
    }

    private func read(_ text: String) -> Outcome {
        do {
            return .read(try ListingSnapshot(json: text).entries)
        } catch {
            return .failed((error as? ListingSnapshot.Malformed)?.description ?? "\(error)")
        }
    }

    func testReadsWhatFoundationRead() {
        let texts = [
            #"[]"#, #" [ ] "#, "\u{FEFF}[{\"id\": \"a\"}]",
            #"[{"id": "a", "name": "あさひサロン", "lat": 36.4051, "lon": 139, "categories": ["ibasho", "undo"], "url": null}]"#,
            #"[{"id": "a", "extras": {"備考2": "x"}, "capacity": "", "list": [], "nested": [["a", "b"], 1.5, null, {"x": 1}]}]"#,
            #"[{"id":"a","esc":"\"\\\/\b\f\n\r\t\u3042\ud842\udfb7"}]"#,
            #"[{"id": "a", "n": -0, "e": 1e5, "f": 2.50, "g": -12.25e-1, "big": 12345678901234}]"#,
            #"[{"id": "a", "id": "b"}]"#,
            #"[{"id": "a"}, {"name": "no id"}]"#, #"[{"id": ""}]"#, #"[{"id": 5}]"#,
            #"[{"id": "a"}, 3]"#, #"{"id": "a"}"#, #""text""#,
            #"[{"id": "a"}"#, #"[{"id": "a",}]"#, #"[{"id": 'a'}]"#, #"[{"id": "a"}] x"#, "[{\"id\": \"a\nb\"}]",
            #"[{"id": "a", "x": 01}]"#, #"[{"id": "a", "x": 1.}]"#, #"[{"id": "a", "x": "\ud842"}]"#, #"[{"id": "a", "x": "\q"}]"#,
            #"[{"id": "a", "x": tru}]"#, "", #"[{"id": "a", "l": [1, 2,]},]"#, #"[{"id": "a", "l": [,]}]"#, #"[,]"#,
        ]
        for text in texts {
            XCTAssertEqual(read(text), reference(text), text)
        }
    }

    /// A file nested a hundred thousand deep is refused, not read until the stack runs out.
    func testDeepNestingIsRefusedNotACrash() {
        let deep = "[{\"id\": \"a\", \"x\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}]"
        XCTAssertEqual(read(deep), .failed("JSON として読めません"))
        let fine = "[{\"id\": \"a\", \"x\": " + String(repeating: "[", count: 100) + "\"y\"" + String(repeating: "]", count: 100) + "}]"
        XCTAssertEqual(read(fine), reference(fine))
    }

    func testReadsTheExampleTownsOpenDataAsFoundationDid() throws {
        let content = try XCTUnwrap(Builder.check({ var o = BuildOptions(); o.content = Folder(Repository.content.path); return o }()).content)
        let json = ListingSnapshot.json(of: content)
        XCTAssertEqual(read(json), reference(json))
    }
}

extension ListingSnapshot.Entry: CustomStringConvertible {
    public var description: String { "\(id) \(fields.sorted { $0.key < $1.key })" }
}
