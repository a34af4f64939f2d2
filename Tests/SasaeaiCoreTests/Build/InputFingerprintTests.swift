import Foundation
@testable import SasaeaiCore
import XCTest

/// The fingerprint that lets a rebuild keep the whole site changes with every input: a content
/// byte, and a Leaflet file rewritten (Leaflet is known by identity, not read).
final class InputFingerprintTests: XCTestCase {
    func testFingerprintFollowsContentAndLeafletFiles() throws {
        let scratch = try TemporaryContent(["site.yml": TemporaryContent.siteYML, "districts/minami.md": TemporaryContent.district])
        defer { scratch.remove() }
        let leaflet = scratch.folder.appendingPathComponent("leaflet")
        try FileManager.default.createDirectory(at: leaflet, withIntermediateDirectories: true)
        try Data("L.version = '1';".utf8).write(to: leaflet.appendingPathComponent("leaflet.js"))
        try Data(".leaflet {}".utf8).write(to: leaflet.appendingPathComponent("leaflet.css"))
        var options = scratch.options()
        options.leaflet = leaflet
        func fingerprint() -> String? { InputFingerprint.of(options, leaflet: LeafletAssets.files(in: leaflet))?.all }

        let first = try XCTUnwrap(fingerprint())
        XCTAssertEqual(fingerprint(), first)
        try Data("L.version = '2';".utf8).write(to: leaflet.appendingPathComponent("leaflet.js"))
        let second = try XCTUnwrap(fingerprint())
        XCTAssertNotEqual(second, first, "a rewritten Leaflet file")
        try Data("title: 別の町\n".utf8).write(to: scratch.content.appendingPathComponent("site.yml"))
        XCTAssertNotEqual(fingerprint(), second, "a content file")
    }
}
