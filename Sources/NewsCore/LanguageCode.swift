/// An ISO 639-1 (or, failing that, ISO 639-3) language code in lower case, such as `en` or `es`.
public struct LanguageCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The lower-cased code.
    public let rawValue: String

    /// Accepts `en`, `EN`, `en-GB`, `en_US` and keeps the primary subtag; `nil` for anything that is not
    /// two or three ASCII letters, and for the "undetermined" codes `un`, `und`, `xx`.
    public init?(rawValue: String) {
        let primary = rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        let lowered = primary.lowercased()
        guard (2...3).contains(lowered.utf8.count),
            lowered.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
            !["un", "und", "xx", "zxx"].contains(lowered)
        else { return nil }
        self.rawValue = lowered
    }

    /// The code itself.
    public var description: String { rawValue }

    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let code = LanguageCode(rawValue: string) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(string)' is not a language code")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// English.
    public static let english = LanguageCode(rawValue: "en")!
}
