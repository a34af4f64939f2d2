import Foundation

/// One file of the generated site, as bytes or as a copy of a source file.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        case text(String)
        case copy(URL)
    }

    public let path: String
    public let body: Body

    public init(_ path: String, text: String) {
        self.path = path
        body = .text(text)
    }

    public init(_ path: String, copying url: URL) {
        self.path = path
        body = .copy(url)
    }
}
