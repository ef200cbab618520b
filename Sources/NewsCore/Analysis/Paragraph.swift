/// One paragraph of article text (text between blank lines), with its role and its own language.
public struct Paragraph: Sendable, Hashable, Codable {
    /// Its span, trimmed of surrounding white space.
    public var range: TextRange
    /// Body, caption or credit.
    public var role: BlockRole
    /// Its language, detected on its own text (short paragraphs are rarely reliable).
    public var language: LanguageGuess

    /// Creates a paragraph.
    public init(range: TextRange, role: BlockRole, language: LanguageGuess) {
        self.range = range
        self.role = role
        self.language = language
    }
}
