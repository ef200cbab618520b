/// A half-open span of an article's text, in UTF-8 byte offsets: `text.utf8[start..<end]` is the span.
public struct TextRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The first byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// Creates a range; `end` is clamped to be no less than `start`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The number of bytes covered.
    public var length: Int { end - start }

    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    /// Whether `other` lies wholly inside this range.
    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    /// The smallest range covering both.
    public func union(_ other: TextRange) -> TextRange { TextRange(min(start, other.start), max(end, other.end)) }

    /// The covered text of `text`, whose UTF-8 view these offsets index.
    public func slice(of text: String) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: min(start, utf8.count))
        let upper = utf8.index(utf8.startIndex, offsetBy: min(end, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// `start..<end`.
    public var description: String { "\(start)..<\(end)" }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
