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
    /// The bytes that were rejected, when they were read (not for missing or oversized files).
    public var raw: [UInt8]?
    /// When it was rejected; the shell reads the clock.
    public var rejectedAt: Date

    /// Creates a rejected input.
    public init(
        inputName: String, location: String, code: String, reason: String, format: InputFormat?, raw: [UInt8]?,
        rejectedAt: Date
    ) {
        self.inputName = inputName
        self.location = location
        self.code = code
        self.reason = reason
        self.format = format
        self.raw = raw
        self.rejectedAt = rejectedAt
    }
}
