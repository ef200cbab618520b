/// Text decoded from bytes, with the charset it was read in.
public struct DecodedText: Sendable, Hashable {
    /// The text, in Swift's native UTF-8.
    public var text: String
    /// The charset's IANA name: `UTF-8`, `UTF-16LE`, `UTF-16BE` or the fallback's.
    public var charset: String
    /// Whether the bytes were not valid in any charset they declared and the fallback was used.
    public var usedFallback: Bool

    /// Creates a decoded text.
    public init(text: String, charset: String, usedFallback: Bool) {
        self.text = text
        self.charset = charset
        self.usedFallback = usedFallback
    }
}
