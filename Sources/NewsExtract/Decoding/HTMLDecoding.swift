internal import Foundation

/// Decodes an HTML page's bytes: byte-order mark, then the HTTP `Content-Type` charset, then `<meta charset>`
/// or `<meta http-equiv="Content-Type">` in the first 4 KiB, then UTF-8 if the bytes are valid, else the
/// fallback; other charsets are transcoded with iconv.
public struct HTMLDecoding: Sendable {
    /// The charset used when nothing is declared and the bytes are not UTF-8.
    public var fallback: FallbackCharset

    /// Creates a decoder.
    public init(fallback: FallbackCharset = .windows1252) { self.fallback = fallback }

    /// The decoded page and the charset it was read in.
    public func decode(_ bytes: [UInt8], contentType: String? = nil) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(
                text: String(decoding: bytes.dropFirst(3), as: UTF8.self), charset: "UTF-8", usedFallback: false)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if case .success(let text) = TextDecoding().decode(bytes) { return text }
        }
        let declared = contentType.flatMap(Self.charsetParameter) ?? Self.prescan(bytes.prefix(4096))
        if let label = declared.map(Self.canonical) {
            switch label {
            case "UTF-8":
                // NB: a page labelled UTF-8 keeps stray bad bytes as U+FFFD, as browsers do. But when no byte
                // sequence at all is multi-byte UTF-8 and some are invalid, the label is wrong (a Latin-1 page
                // from a misconfigured server): the fallback reads it as written.
                if Self.isMislabelledSingleByte(bytes) {
                    return DecodedText(text: fallback.decode(bytes), charset: fallback.rawValue, usedFallback: true)
                }
                return DecodedText(text: String(decoding: bytes, as: UTF8.self), charset: label, usedFallback: false)
            case FallbackCharset.windows1252.rawValue:
                return DecodedText(text: FallbackCharset.windows1252.decode(bytes), charset: label, usedFallback: false)
            default:
                if let text = Transcoder.decode(bytes, charset: label) {
                    return DecodedText(text: text, charset: label, usedFallback: false)
                }
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, charset: "UTF-8", usedFallback: false)
        }
        return DecodedText(text: fallback.decode(bytes), charset: fallback.rawValue, usedFallback: true)
    }

    /// Whether bytes hold high bytes but not one valid multi-byte UTF-8 sequence.
    static func isMislabelledSingleByte(_ bytes: [UInt8]) -> Bool {
        var index = 0, invalid = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
            {
                return false  // one real multi-byte sequence: the page is UTF-8 with some damage at most
            }
            invalid += 1
            index += 1
        }
        return invalid > 0
    }

    /// `charset=…` in a `Content-Type` value, unquoted.
    static func charsetParameter(_ contentType: String) -> String? {
        let lowered = contentType.lowercased()
        guard let range = lowered.range(of: "charset=") else { return nil }
        let value = lowered[range.upperBound...].drop { "\"' ".contains($0) }.prefix { !"\"'; ".contains($0) }
        return value.isEmpty ? nil : String(value)
    }

    /// The charset a `<meta>` in the first bytes declares, as browsers' prescan finds it.
    static func prescan(_ bytes: ArraySlice<UInt8>) -> String? {
        let head = String(decoding: bytes, as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let end = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<end]
            if let range = tag.range(of: "charset") {
                var rest = tag[range.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let value = rest.prefix { !" \"';/>".contains($0) }
                    if !value.isEmpty { return String(value) }
                }
            }
            searchStart = end
        }
        return nil
    }

    /// WHATWG-style label normalisation for the charsets news pages declare.
    static func canonical(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": "UTF-8"
        case "iso-8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252", "x-cp1252",
            "iso8859-1", "iso_8859-1":
            FallbackCharset.windows1252.rawValue
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312": "GBK"
        case "shift_jis", "sjis", "x-sjis", "ms_kanji", "windows-31j": "SHIFT_JIS"
        case "utf-16", "utf-16le": "UTF-16LE"
        default: label.uppercased()
        }
    }
}
