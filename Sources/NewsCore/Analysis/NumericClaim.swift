/// A quantity an article states, with what it counts and who reports it.
public struct NumericClaim: Sendable, Hashable, Codable {
    /// The number as written ("849", "more than 100", "hundreds of", "half").
    public var range: TextRange
    /// Its value (the lower bound of a range or of "hundreds"); fractions for "half" (0.5).
    public var value: Double
    /// The upper bound of a range ("20 to 30"), when one is given.
    public var upperValue: Double?
    /// How the value is hedged.
    public var qualifier: NumberQualifier
    /// What it counts ("civilians", "civilian casualties", "the country's population").
    public var counted: String?
    /// What happened to what it counts ("killed", "displaced"), when the sentence says.
    public var predicate: String?
    /// Who reports it: an index into the analysis's entities.
    public var reporter: Int?
    /// The words naming the reporter ("The Syrian Network for Human Rights", "UN estimates").
    public var reporterMention: TextRange?
    /// The sentence it is in.
    public var sentence: Int
    /// Date mentions in the same sentence that time it (indices into the analysis's dates).
    public var dates: [Int]

    /// Creates a claim.
    public init(
        range: TextRange, value: Double, upperValue: Double?, qualifier: NumberQualifier, counted: String?,
        predicate: String?, reporter: Int?, reporterMention: TextRange?, sentence: Int, dates: [Int]
    ) {
        self.range = range
        self.value = value
        self.upperValue = upperValue
        self.qualifier = qualifier
        self.counted = counted
        self.predicate = predicate
        self.reporter = reporter
        self.reporterMention = reporterMention
        self.sentence = sentence
        self.dates = dates
    }
}

/// How a stated number is hedged.
public enum NumberQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stated plainly.
    case exact
    /// "at least", "more than", "over": the value is a lower bound.
    case atLeast
    /// "at most", "fewer than", "up to": the value is an upper bound.
    case atMost
    /// "nearly", "about", "some", "an estimated": roughly the value.
    case approximately
    /// "hundreds of", "dozens of": an order of magnitude, the value is its lower end.
    case order
    /// "20 to 30", "between 20 and 30".
    case range
}
