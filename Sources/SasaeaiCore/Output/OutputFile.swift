import Foundation

/// One file of the generated site: bytes, a copy of a source file, or work that makes the
/// bytes when the writer gets to the file, so that pages are rendered on the writer's threads
/// and dropped once written instead of being held all together.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        case text(String)
        case copy(URL)
        case produced(@Sendable () -> String)
        /// UTF-8 made by `produce`: a page as the template engine writes it, never turned
        /// into a String (validating and copying 200 MB of pages cost more than writing them).
        case producedBytes(@Sendable () -> [UInt8])
        /// UTF-8 handed to the writer piece by piece (`emit`), written as it comes: an export
        /// of every listing is never held whole (at 100,000 listings one file is 200 MB).
        case streamed(@Sendable (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void)
    }

    public let path: String
    public let body: Body
    /// The digest of what a produced file is made from (`PageKeys`): when the previous site
    /// recorded the same key for this path, its file is kept and `produce` is not called.
    public var key: String?

    public init(_ path: String, text: String) {
        self.path = path
        body = .text(text)
    }

    public init(_ path: String, copying url: URL) {
        self.path = path
        body = .copy(url)
    }

    /// The text is made by `produce`, on whichever thread writes the file; it must be a pure
    /// function of values the closure holds, so the site is the same whatever the threads.
    public init(_ path: String, key: String? = nil, producing produce: @escaping @Sendable () -> String) {
        self.path = path
        self.key = key
        body = .produced(produce)
    }

    /// The UTF-8 bytes are made by `produce`, as for `init(_:key:producing:)`.
    public init(_ path: String, key: String? = nil, producingBytes produce: @escaping @Sendable () -> [UInt8]) {
        self.path = path
        self.key = key
        body = .producedBytes(produce)
    }

    /// The UTF-8 bytes are made by `produce`, which hands them to `emit` in order, in pieces of
    /// any size. Same rules as `init(_:key:producing:)`; a streamed file has no key.
    public init(_ path: String, streaming produce: @escaping @Sendable (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        self.path = path
        body = .streamed(produce)
    }

    /// What a streaming producer hands out, as one buffer (tests, and files read back whole).
    static func collect(_ produce: (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        produce { bytes.append(contentsOf: $0) }
        return bytes
    }
}
