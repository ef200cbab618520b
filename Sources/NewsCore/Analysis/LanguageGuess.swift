/// A detected language with CLD2's confidence in it.
public struct LanguageGuess: Sendable, Hashable, Codable {
    /// The language, or `nil` when undetermined.
    public var language: LanguageCode?
    /// The detector's own code (`en`, `zh-Hant`, `un` when unknown).
    public var code: String
    /// Percent of the letters scored that are in this language.
    public var percent: Int
    /// Whether the detector considers the guess reliable (enough text, a clear margin).
    public var isReliable: Bool

    /// Creates a guess.
    public init(language: LanguageCode?, code: String, percent: Int, isReliable: Bool) {
        self.language = language
        self.code = code
        self.percent = percent
        self.isReliable = isReliable
    }

    /// No language could be told.
    public static let unknown = LanguageGuess(language: nil, code: "un", percent: 0, isReliable: false)
}
