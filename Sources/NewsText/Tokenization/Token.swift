public import NewsCore

/// A word, number or punctuation mark of a text, with its place.
public struct Token: Sendable, Hashable {
    /// Where it is (UTF-8 offsets into the whole text).
    public var range: TextRange
    /// What it is.
    public var kind: TokenKind
    /// Whether white space (or the start of the text) comes right before it.
    public var spaceBefore: Bool

    /// Creates a token.
    public init(range: TextRange, kind: TokenKind, spaceBefore: Bool) {
        self.range = range
        self.kind = kind
        self.spaceBefore = spaceBefore
    }
}

/// The kinds of token, from ICU's word-break rule status.
public enum TokenKind: UInt8, Sendable, Hashable {
    /// Letters (ICU status 200-299), including words with inner apostrophes or full stops ("U.S", "Russia's").
    case word
    /// Digits, with inner separators ("250,000", "1.5").
    case number
    /// Kana or ideographs (one dictionary word of Chinese, Japanese or Thai).
    case ideographic
    /// Punctuation or a symbol, one character.
    case punctuation
}
