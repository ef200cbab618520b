public import Foundation
public import NewsCore

/// An input, or a record of one, that did not become an article, kept with its reason (and its bytes when
/// they were read) so it can be inspected and retried.
public struct RejectedInput: Sendable, Hashable {
    /// The file it came from, or `-` for standard input.
    public var inputName: String
    /// Where in the input (`line 17`, `element 3`), empty for the whole input.
    public var location: String
    /// The stable code of the reason (`too-short`, `input.too-large`, …).
    public var code: String
    /// The reason, for a person.
    public var reason: String
    /// The input's format, when known.
    public var format: InputFormat?
    /// The bytes that were rejected, when they were read (not for missing or oversized files): at most the
    /// first `maxKeptBytes`.
    public var raw: [UInt8]?
    /// How many bytes the rejected input had, when they were read (more than `raw` holds when it was cut).
    public var rawSize: Int?
    /// When it was rejected; the shell reads the clock.
    public var rejectedAt: Date

    /// The most bytes of a rejected input kept: enough to see what it was and retry a record, while a rejected
    /// 300 MB file no longer grows the database by 300 MB (nor a 2 GiB one crash the write).
    public static let maxKeptBytes = 1 << 20

    /// Creates a rejected input, keeping at most `maxKeptBytes` of `raw`; `rawSize` defaults to its length.
    public init(
        inputName: String, location: String, code: String, reason: String, format: InputFormat?, raw: [UInt8]?,
        rawSize: Int? = nil, rejectedAt: Date
    ) {
        self.inputName = inputName
        self.location = location
        self.code = code
        self.reason = reason
        self.format = format
        self.raw = raw.map { $0.count > Self.maxKeptBytes ? Array($0.prefix(Self.maxKeptBytes)) : $0 }
        self.rawSize = rawSize ?? raw?.count
        self.rejectedAt = rejectedAt
    }
}
