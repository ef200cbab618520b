/// The identity of an article's content: SHA-256 over its outlet, title and text after whitespace folding.
///
/// Two inputs with the same hash are the same article, so re-adding one is a no-op. The outlet is part of
/// the identity because the same wire text run by five outlets is five articles (of one origin), while the
/// URL is not: the same story fetched through a tracking link is still the same article.
public struct ContentHash: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The algorithm tag stored beside hashes; a change in what is hashed takes a new tag.
    public static let algorithm = "sha256-source-title-text.v1"

    /// 64 lower-case hex digits.
    public let rawValue: String

    /// Accepts 64 hex digits.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 64, rawValue.utf8.allSatisfy({ Self.isHexDigit($0) }) else { return nil }
        self.rawValue = rawValue.lowercased()
    }

    /// Hashes an article's identity.
    public init(source: String?, title: String, text: String) {
        var hasher = SHA256()
        for (index, part) in [source ?? "", title, text].enumerated() {
            if index > 0 { hasher.update(CollectionOfOne(0)) }
            hasher.update(Whitespace.normalizedUTF8(part, keepParagraphs: false))
        }
        rawValue = SHA256.hex(hasher.finalize())
    }

    /// The 32 bytes the hex digits spell, for compact storage.
    public var digest: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8?
        for byte in rawValue.utf8 {
            let nibble = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "a") + 10
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The hash whose 32 bytes are `digest`, or `nil` if it is not 32 bytes long.
    public init?(digest: some Collection<UInt8>) {
        guard digest.count == 32 else { return nil }
        rawValue = SHA256.hex(digest)
    }

    /// The first 12 digits, enough to tell hashes apart in a listing.
    public var description: String { String(rawValue.prefix(12)) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let hash = ContentHash(rawValue: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a content hash")
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
