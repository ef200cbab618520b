/// The knobs of the comparison, each with the reason for its value.
public struct ComparisonOptions: Sendable, Hashable, Codable {
    /// Two claims align when the cosine of their weighted features reaches this. Chosen on the seeds: up to
    /// 0.24 two different facts sharing only their setting align ("The US State Department on Tuesday said
    /// ... civilian deaths" / "State Department spokesman Mark Toner said Tuesday ... peace talks"); from
    /// 0.35 the "extremely disturbing" reports and Russia's denial no longer do. On BASIL, 0.2 / 0.26 / 0.35
    /// corroborate 24.4% / 16.4% / 9.6% of claim groups (`corroborate-eval comparison --align-threshold`).
    public var alignThreshold = 0.26
    /// ...and share at least this many features, so two short sentences sharing one name do not align.
    public var minimumShared = 2
    /// A claim needs this many content words; shorter sentences ("He said.") carry no checkable fact.
    public var minimumTerms = 3
    /// The weight of a shared entity relative to a shared word: names anchor facts.
    public var entityWeight = 1.5
    /// The weight of a shared number: the same figure is strong evidence of the same fact.
    public var numberWeight = 2.0
    /// The weight of a word of `synonyms.txt` (an event: "denied", "killed"), a shared word that says what
    /// happened; without it "Russia rejected the report" and "Russia has denied the allegations" share only
    /// the story's main country.
    public var conceptWeight = 2.0
    /// The weight of a shared resolved date.
    public var dateWeight = 1.5
    /// Pseudo-claims added to the IDF's document count, so a short story does not make every word rare.
    public var idfPrior = 10.0
    /// How many sentences the summary has at most.
    public var summaryLength = 5
    /// A summary candidate this similar (cosine) to a chosen sentence repeats it and is skipped.
    public var summaryRedundancy = 0.5
    /// How many first-named entities framing lists per article.
    public var firstNamedCount = 5

    /// The defaults.
    public init() {}
}
