/// Turns the bytes of a text input into a `String`: byte-order mark, then UTF-8, then the fallback charset;
/// binary data is a rejection.
public struct TextDecoding: Sendable {
    /// The charset for bytes that are not valid UTF-8.
    public var fallback: FallbackCharset
    /// How many leading bytes are inspected for binary data.
    public var sniffLength: Int

    /// Creates a decoder.
    public init(fallback: FallbackCharset = .windows1252, sniffLength: Int = 8192) {
        self.fallback = fallback
        self.sniffLength = sniffLength
    }

    /// Decodes `bytes`, or says why they are not text.
    public func decode(_ bytes: [UInt8]) -> Result<DecodedText, ExtractionRejection> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes.dropFirst(3))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return .success(decodeUTF16(bytes.dropFirst(2), bigEndian: false)) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .success(decodeUTF16(bytes.dropFirst(2), bigEndian: true)) }
        if let offset = binaryOffset(bytes) { return .failure(.binary(offset: offset)) }
        return decodeUTF8(bytes[...])
    }

    private func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> Result<DecodedText, ExtractionRejection> {
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(DecodedText(text: text, charset: "UTF-8", usedFallback: false))
        }
        return .success(DecodedText(text: fallback.decode(bytes), charset: fallback.rawValue, usedFallback: true))
    }

    private func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        // NB: unpaired surrogates become U+FFFD rather than a rejection: the BOM made the charset explicit.
        return DecodedText(
            text: String(decoding: units, as: UTF16.self), charset: bigEndian ? "UTF-16BE" : "UTF-16LE",
            usedFallback: false)
    }

    /// The offset of the first sign of binary data in the sniffed prefix: a NUL byte, or a control byte
    /// once more than 1 in 100 bytes are controls other than tab, line feed, form feed and carriage return.
    private func binaryOffset(_ bytes: [UInt8]) -> Int? {
        let prefix = bytes.prefix(sniffLength)
        var controls = 0
        var firstControl: Int?
        for (offset, byte) in prefix.enumerated() {
            if byte == 0 { return offset }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D, byte != 0x1B {
                controls += 1
                if firstControl == nil { firstControl = offset }
            }
        }
        return controls * 100 > max(prefix.count, 1) ? firstControl : nil
    }
}
