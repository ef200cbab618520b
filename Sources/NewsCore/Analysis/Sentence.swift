/// One sentence of an article, with the kind of paragraph it sits in.
public struct Sentence: Sendable, Hashable, Codable {
    /// Its span, trimmed of surrounding white space.
    public var range: TextRange
    /// The index of its paragraph (blocks separated by blank lines), counting from 0.
    public var paragraph: Int
    /// What kind of paragraph holds it.
    public var block: BlockRole

    /// Creates a sentence.
    public init(range: TextRange, paragraph: Int, block: BlockRole) {
        self.range = range
        self.paragraph = paragraph
        self.block = block
    }
}

/// What a paragraph of article text is: body, or one of the furniture kinds that are kept but not body.
public enum BlockRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The article's own running text.
    case body
    /// A photo or video caption ("FILE - Residents inspect ...", "In this photo released by ...").
    case caption
    /// A photo credit or source line ("Photo by: AP", "TRTWorld and agencies").
    case credit
}
