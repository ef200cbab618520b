/// Everything the text analysis finds in one article; offsets index the analysed text's UTF-8 bytes.
public struct ArticleAnalysis: Sendable, Hashable, Codable {
    /// The algorithm that produced it; a behaviour change takes a new identifier, so stored analyses made
    /// by an older one can be found and redone.
    public var algorithm: String
    /// The language of the whole text.
    public var language: LanguageGuess
    /// Paragraphs in text order, each with its role and language.
    public var paragraphs: [Paragraph]
    /// Sentences in text order.
    public var sentences: [Sentence]
    /// Named entities, each with all its mentions.
    public var entities: [Entity]
    /// Direct, partial and indirect quotes in text order.
    public var quotes: [Quote]
    /// Numeric claims in text order.
    public var numbers: [NumericClaim]
    /// Dates and periods in text order.
    public var dates: [DateMention]

    /// Creates an analysis.
    public init(
        algorithm: String, language: LanguageGuess, paragraphs: [Paragraph], sentences: [Sentence], entities: [Entity],
        quotes: [Quote],
        numbers: [NumericClaim], dates: [DateMention]
    ) {
        self.algorithm = algorithm
        self.language = language
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.entities = entities
        self.quotes = quotes
        self.numbers = numbers
        self.dates = dates
    }
}
