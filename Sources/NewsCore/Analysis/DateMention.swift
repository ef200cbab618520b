/// A date or period the text names, resolved against the publication date where it is relative.
public struct DateMention: Sendable, Hashable, Codable {
    /// The words ("on Tuesday", "Dec. 28, 2015", "last week").
    public var range: TextRange
    /// The resolved value in ISO 8601 at its granularity: `2015-12-29`, `2015-12`, `2015`, or a week's
    /// first and last day as `2015-12-21/2015-12-27`; `nil` when it cannot be resolved (no publication date).
    public var value: String?
    /// How precise the value is.
    public var granularity: DateGranularity
    /// Whether it was resolved against the publication date ("Tuesday", "last week", "January 25").
    public var isRelative: Bool
    /// The sentence it is in.
    public var sentence: Int

    /// Creates a date mention.
    public init(range: TextRange, value: String?, granularity: DateGranularity, isRelative: Bool, sentence: Int) {
        self.range = range
        self.value = value
        self.granularity = granularity
        self.isRelative = isRelative
        self.sentence = sentence
    }
}

/// How precise a date is.
public enum DateGranularity: String, Sendable, Hashable, Codable, CaseIterable {
    /// One day.
    case day
    /// A week.
    case week
    /// A month.
    case month
    /// A year.
    case year
}
