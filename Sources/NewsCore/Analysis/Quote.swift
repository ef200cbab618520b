/// Something a speaker is reported to have said, directly or in reported speech.
public struct Quote: Sendable, Hashable, Codable {
    /// How it is reported.
    public var kind: QuoteKind
    /// The quoted words: inside the quote marks for direct and partial quotes, the reported clause for
    /// indirect ones. A direct quote continued across paragraphs spans all of them.
    public var range: TextRange
    /// The attribution verb ("said", "according to"), when there is one.
    public var cue: TextRange?
    /// The words that name the speaker ("Toner", "he", "The report"), when found.
    public var speakerMention: TextRange?
    /// The entity the speaker resolves to, an index into the analysis's entities.
    public var speaker: Int?
    /// The sentence holding the quote's start.
    public var sentence: Int
    /// For words told in pieces around their attribution (`"We will stop," she said. "When we win."`), each
    /// piece in text order; `range` then runs from the first to the last, attribution included. `nil` for one piece.
    public var pieces: [TextRange]?
    /// For reported speech holding words in quote marks (`said the group was "deeply alarmed" by it`), the
    /// phrases in marks; `nil` otherwise.
    public var quotedWords: [TextRange]?

    /// The quoted words' spans: the pieces, or the whole range.
    public var spans: [TextRange] { pieces ?? [range] }

    /// The words the speaker is quoted as saying word for word: the phrases in marks inside reported speech,
    /// else the spans; none for reported speech without marks.
    public var verbatimSpans: [TextRange] { kind == .indirect ? [] : quotedWords ?? spans }

    /// Creates a quote.
    public init(
        kind: QuoteKind, range: TextRange, cue: TextRange?, speakerMention: TextRange?, speaker: Int?,
        sentence: Int
    ) {
        self.kind = kind
        self.range = range
        self.cue = cue
        self.speakerMention = speakerMention
        self.speaker = speaker
        self.sentence = sentence
    }
}

/// How a quote is reported.
public enum QuoteKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Whole sentences in quote marks: `"We've seen ...," Toner said.`
    case direct
    /// A quoted phrase inside the reporter's own sentence: `called them "extremely disturbing"`.
    case partial
    /// Reported speech without quote marks: `Toner said Kerry highlighted ...`.
    case indirect
}
