/// The stable identifier of a stored article: its row number in the store, never reused.
public struct ArticleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The store's integer key.
    public let rawValue: Int64

    /// Wraps a store key.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a store key.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// `#12`, as the CLI shows it.
    public var description: String { "#\(rawValue)" }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
