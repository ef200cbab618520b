public import NewsCore

/// A text cut into paragraphs, sentences and tokens, all with UTF-8 offsets into it.
public struct SegmentedText: Sendable {
    /// The text itself.
    public let text: String
    /// Its UTF-8 bytes, which every offset indexes.
    public let bytes: [UInt8]
    /// Paragraphs: text between blank lines, trimmed.
    public let paragraphs: [TextRange]
    /// Sentences in text order, trimmed, never crossing a paragraph.
    public let sentences: [TextRange]
    /// For each sentence, the index of its paragraph.
    public let sentenceParagraphs: [Int]
    /// Tokens in text order; white space is not a token.
    public let tokens: [Token]
    /// For each sentence, the range of its tokens in `tokens`.
    public let sentenceTokens: [Range<Int>]

    init(
        text: String, bytes: [UInt8], paragraphs: [TextRange], sentences: [TextRange], sentenceParagraphs: [Int],
        tokens: [Token], sentenceTokens: [Range<Int>]
    ) {
        self.text = text
        self.bytes = bytes
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.sentenceParagraphs = sentenceParagraphs
        self.tokens = tokens
        self.sentenceTokens = sentenceTokens
    }

    /// The text of a span.
    public func string(_ range: TextRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The text of a token.
    public func string(of token: Int) -> String { string(tokens[token].range) }

    /// The first byte of a token.
    public func firstByte(of token: Int) -> UInt8 { bytes[tokens[token].range.start] }
}
