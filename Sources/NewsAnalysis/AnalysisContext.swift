internal import NewsCore
internal import NewsText

/// The segmented text with what every analysis step looks up per token, computed once.
struct AnalysisContext {
    let text: SegmentedText
    let resources: LanguageResources
    /// Each token's text, lower-cased.
    let lower: [String]
    /// Each token's sentence.
    let sentenceOf: [Int]
    /// Each sentence's paragraph role.
    let sentenceRoles: [BlockRole]

    init(text: SegmentedText, resources: LanguageResources, paragraphRoles: [BlockRole]) {
        self.text = text
        self.resources = resources
        lower = text.tokens.indices.map { text.string(of: $0).lowercased() }
        var sentenceOf = [Int](repeating: 0, count: text.tokens.count)
        for (sentence, tokens) in text.sentenceTokens.enumerated() {
            for token in tokens { sentenceOf[token] = sentence }
        }
        self.sentenceOf = sentenceOf
        sentenceRoles = text.sentenceParagraphs.map { paragraphRoles[$0] }
    }

    var tokens: [Token] { text.tokens }

    /// Whether a token is a word starting with an upper-case letter.
    func isCapitalized(_ index: Int) -> Bool {
        let token = text.tokens[index]
        guard token.kind == .word else { return false }
        let byte = text.bytes[token.range.start]
        if byte < 0x80 { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let first = text.string(TextRange(token.range.start, min(token.range.end, token.range.start + 4)))
            .unicodeScalars.first
        return first?.properties.isUppercase ?? false
    }

    /// Whether a token is the single punctuation character `character`.
    func isPunctuation(_ index: Int, _ character: Unicode.Scalar) -> Bool {
        guard index >= 0, index < text.tokens.count, text.tokens[index].kind == .punctuation else { return false }
        return lower[index].unicodeScalars.first == character
    }

    /// Whether a token ends a clause: a full stop, question or exclamation mark, colon or semicolon.
    func isClauseEnd(_ index: Int) -> Bool {
        guard text.tokens[index].kind == .punctuation else { return false }
        return [".", "!", "?", ";", ":"].contains(lower[index])
    }

    /// The first word token of a sentence, if any.
    func firstWord(of sentence: Int) -> Int? {
        text.sentenceTokens[sentence].first { text.tokens[$0].kind != .punctuation }
    }

    /// The span from the first token to the last, inclusive.
    func range(_ first: Int, _ last: Int) -> TextRange {
        TextRange(text.tokens[first].range.start, text.tokens[last].range.end)
    }

    /// The words of tokens `first...last` joined as written.
    func string(_ first: Int, _ last: Int) -> String { text.string(range(first, last)) }
}
