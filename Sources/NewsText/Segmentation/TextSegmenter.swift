internal import CICU
public import NewsCore

/// Cuts text into paragraphs, sentences (ICU plus news abbreviations) and tokens (ICU words).
public struct TextSegmenter: Sendable {
    /// The language whose break rules and abbreviations apply.
    public var language: LanguageCode?
    private let resources: LanguageResources

    /// A segmenter for `language` (English rules when `nil`).
    public init(language: LanguageCode?) {
        self.language = language
        self.resources = LanguageResources.forLanguage(language)
    }

    /// Paragraphs, sentences and tokens of `text`. Linear in the text's length.
    public func segment(_ text: String) -> SegmentedText {
        let bytes = Array(text.utf8)
        let paragraphs = Self.paragraphs(bytes)
        guard !paragraphs.isEmpty else {
            return SegmentedText(
                text: text, bytes: bytes, paragraphs: [], sentences: [], sentenceParagraphs: [], tokens: [],
                sentenceTokens: [])
        }
        let utf16 = UTF16Text(text.utf8[...], base: 0)
        let tokens = Self.tokens(bytes, utf16, locale: language?.rawValue ?? "en")
        let locale = (language?.rawValue ?? "en") + "@ss=standard"
        var sentences: [TextRange] = []
        var previousEnd = 0
        for boundary in TextBreaks.boundaries(kind: Int32(CICU_SENTENCES), locale: locale, in: utf16).dropFirst() {
            let range = Self.trimmed(TextRange(previousEnd, boundary.utf8Offset), in: bytes)
            previousEnd = boundary.utf8Offset
            guard range.length > 0 else { continue }
            if let last = sentences.last, shouldJoin(last, range, bytes) {
                sentences[sentences.count - 1] = last.union(range)
            } else {
                sentences.append(range)
            }
        }
        // Sentences never cross paragraphs (ICU already breaks at a newline; this keeps it true).
        var sentenceParagraphs: [Int] = []
        var paragraph = 0
        for sentence in sentences {
            while paragraph + 1 < paragraphs.count, paragraphs[paragraph].end <= sentence.start { paragraph += 1 }
            sentenceParagraphs.append(paragraph)
        }
        var sentenceTokens: [Range<Int>] = []
        var token = 0
        for sentence in sentences {
            while token < tokens.count, tokens[token].range.start < sentence.start { token += 1 }
            let first = token
            while token < tokens.count, tokens[token].range.end <= sentence.end { token += 1 }
            sentenceTokens.append(first..<token)
        }
        return SegmentedText(
            text: text, bytes: bytes, paragraphs: paragraphs, sentences: sentences,
            sentenceParagraphs: sentenceParagraphs, tokens: tokens, sentenceTokens: sentenceTokens)
    }

    /// Whether ICU's break between `first` and `second` falls after an abbreviation and should go.
    private func shouldJoin(_ first: TextRange, _ second: TextRange, _ bytes: [UInt8]) -> Bool {
        guard bytes[first.end - 1] == UInt8(ascii: "."), !bytes[first.end..<second.start].contains(0x0A) else {
            return false
        }
        var start = first.end - 1
        while start > first.start, Self.isASCIILetter(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") {
            start -= 1
        }
        // The abbreviation must be a whole word, not the tail of "etc.)" or a number.
        guard start < first.end - 1, start == first.start || !Self.isASCIILetter(bytes[start - 1]) else { return false }
        let word = String(decoding: bytes[start..<(first.end - 1)], as: UTF8.self)
        let next = bytes[second.start]
        let nextIsDigit = next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
        let nextIsLower = next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")
        let nextIsUpper = next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z")
        // An initial ("John F. Kennedy") before a capitalised word.
        if word.utf8.count == 1, let letter = word.utf8.first, letter >= UInt8(ascii: "A"), letter <= UInt8(ascii: "Z")
        {
            return nextIsUpper
        }
        switch resources.abbreviations[word.lowercased()] {
        case .title?: return nextIsUpper || nextIsDigit || nextIsLower
        case .month?: return nextIsDigit
        case .other?: return nextIsDigit || nextIsLower
        case nil: return false
        }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }

    /// `range` without leading and trailing ASCII white space.
    static func trimmed(_ range: TextRange, in bytes: [UInt8]) -> TextRange {
        var start = range.start
        var end = range.end
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return TextRange(start, end)
    }

    /// Spans between blank lines (a line holding only white space counts as blank), trimmed.
    /// Spans between blank lines of `text`, trimmed: its paragraphs.
    public static func paragraphs(in text: String) -> [TextRange] { paragraphs(Array(text.utf8)) }

    static func paragraphs(_ bytes: [UInt8]) -> [TextRange] {
        var result: [TextRange] = []
        var start = 0
        var index = 0
        func close(_ end: Int) {
            let range = trimmed(TextRange(start, end), in: bytes)
            if range.length > 0 { result.append(range) }
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var probe = index + 1
                while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 || bytes[probe] == 0x0D {
                    probe += 1
                }
                if probe < bytes.count, bytes[probe] == 0x0A {
                    close(index)
                    while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                    start = probe
                    index = probe
                    continue
                }
            }
            index += 1
        }
        close(bytes.count)
        return result
    }

    /// ICU word segments as tokens, white space dropped.
    static func tokens(_ bytes: [UInt8], _ utf16: UTF16Text, locale: String) -> [Token] {
        let boundaries = TextBreaks.boundaries(kind: Int32(CICU_WORDS), locale: locale, in: utf16)
        var tokens: [Token] = []
        tokens.reserveCapacity(boundaries.count / 2)
        var spaceBefore = true
        for index in boundaries.indices.dropFirst() {
            let start = boundaries[index - 1].utf8Offset
            let end = boundaries[index].utf8Offset
            guard end > start else { continue }
            let status = boundaries[index].status
            let kind: TokenKind
            switch status {
            case 100..<200: kind = .number
            case 200..<300: kind = .word
            case 300..<500: kind = .ideographic
            default:
                if isWhiteSpace(bytes, at: start) {
                    spaceBefore = true
                    continue
                }
                kind = .punctuation
            }
            tokens.append(Token(range: TextRange(start, end), kind: kind, spaceBefore: spaceBefore))
            spaceBefore = false
        }
        return tokens
    }

    /// Whether the character at `offset` is white space (ASCII, no-break space and the Unicode spaces).
    static func isWhiteSpace(_ bytes: [UInt8], at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return isSpace(byte) }
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.properties.isWhitespace }
        return false
    }
}
