/// White-space rules shared by every stage that compares or cleans text.
///
/// NB: works on UTF-8 bytes with a fixed table of the Unicode white-space characters rather than asking
/// `Unicode.Scalar.Properties` per scalar, which made folding the most expensive step of ingest.
public enum Whitespace {
    /// Whether a scalar is white space for our purposes: Unicode `White_Space`, plus the zero-width space
    /// and the byte-order mark that news pages are full of, and NUL (never text; SQLite's readers end a
    /// string at it, so text after one was lost once stored).
    @inlinable
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00, 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
            0xFEFF:
            true
        default: false
        }
    }

    /// The text with every run of white space turned into one space and both ends trimmed.
    public static func folded(_ text: some StringProtocol) -> String {
        String(decoding: normalizedUTF8(text, keepParagraphs: false), as: UTF8.self)
    }

    /// Paragraphs of `text` (split at blank lines), each folded, empty ones dropped, joined by one blank line.
    ///
    /// Single line breaks inside a paragraph become spaces, as in the plain-text articles we ingest. `\r\n`
    /// and a lone `\r` count as line breaks.
    public static func normalizedParagraphs(_ text: some StringProtocol) -> String {
        String(decoding: normalizedUTF8(text, keepParagraphs: true), as: UTF8.self)
    }

    /// The folded, non-empty paragraphs of `text`.
    public static func paragraphs(_ text: some StringProtocol) -> [String] {
        normalizedParagraphs(text).split(separator: "\n\n").map(String.init)
    }

    /// The text without leading and trailing white space.
    public static func trimmed(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, let width = spaceWidth(bytes, at: start) { start += width }
        while end > start {
            guard let width = spaceWidthEnding(bytes, at: end), end - width >= start else { break }
            end -= width
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `text` is empty or white space only: `trimmed(text).isEmpty` without copying a page to learn it.
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        func blank(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
            var offset = 0
            while offset < bytes.count {
                guard let width = spaceWidth(bytes, at: offset) else { return false }
                offset += width
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable(blank) ?? blank(Array(text.utf8))
    }

    /// The UTF-8 of `text` with white-space runs replaced: by `\n\n` when the run holds a blank line and
    /// `keepParagraphs`, else by one space; leading and trailing runs dropped.
    public static func normalizedUTF8(_ text: some StringProtocol, keepParagraphs: Bool) -> [UInt8] {
        // Native strings are contiguous UTF-8 already; only bridged or sliced ones need a copy.
        if let folded = text.utf8.withContiguousStorageIfAvailable({ normalize($0, keepParagraphs: keepParagraphs) }) {
            return folded
        }
        return Array(text.utf8).withUnsafeBufferPointer { normalize($0, keepParagraphs: keepParagraphs) }
    }

    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, keepParagraphs: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var newlines = 0
        var inRun = false
        var previousWasCarriageReturn = false
        var index = 0
        while index < bytes.count {
            if let width = spaceWidth(bytes, at: index) {
                let byte = bytes[index]
                if byte == 0x0A {
                    if !previousWasCarriageReturn { newlines += 1 }
                } else if byte == 0x0D {
                    newlines += 1
                }
                previousWasCarriageReturn = byte == 0x0D
                inRun = true
                index += width
                continue
            }
            if inRun, !output.isEmpty {
                if keepParagraphs, newlines >= 2 {
                    output.append(0x0A)
                    output.append(0x0A)
                } else {
                    output.append(0x20)
                }
            }
            inRun = false
            newlines = 0
            previousWasCarriageReturn = false
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    /// The length in bytes of the white-space character starting at `index`, or `nil` if none starts there.
    @inline(__always)
    static func spaceWidth(_ bytes: some RandomAccessCollection<UInt8>, at offset: Int) -> Int? {
        let start = bytes.index(bytes.startIndex, offsetBy: offset)
        let b0 = bytes[start]
        if b0 < 0x80 { return b0 == 0x20 || (0x09...0x0D).contains(b0) || b0 == 0x00 ? 1 : nil }
        guard b0 == 0xC2 || b0 == 0xE1 || b0 == 0xE2 || b0 == 0xE3 || b0 == 0xEF else { return nil }
        let count = bytes.count - offset
        guard count >= 2 else { return nil }
        let b1 = bytes[bytes.index(after: start)]
        if b0 == 0xC2 { return b1 == 0x85 || b1 == 0xA0 ? 2 : nil }
        guard count >= 3 else { return nil }
        let b2 = bytes[bytes.index(start, offsetBy: 2)]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : nil  // U+1680
        case (0xE2, 0x80): return (0x80...0x8B).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : nil
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : nil  // U+205F
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : nil  // U+3000
        case (0xEF, 0xBB): return b2 == 0xBF ? 3 : nil  // U+FEFF
        default: return nil
        }
    }

    /// The length of the white-space character ending just before `end`, or `nil`.
    private static func spaceWidthEnding(_ bytes: [UInt8], at end: Int) -> Int? {
        for width in 1...3 where end - width >= 0 {
            if spaceWidth(bytes, at: end - width) == width { return width }
        }
        return nil
    }
}
