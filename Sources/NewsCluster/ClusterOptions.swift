/// How stories are formed; every default is documented with why it is what it is.
public struct ClusterOptions: Sendable, Hashable, Codable {
    /// The score an article needs with a story to join it (cosine of TF-IDF vectors, blended with name
    /// overlap, times the time factor). Below it, the article starts a story. Chosen on the shared dev sets
    /// (BASIL, GoogleNews-TS) together with `mergeThreshold`; see BENCHMARKS.md.
    public var threshold: Double = 0.12
    /// The cosine two stories' term profiles need to merge into one: an online clusterer splits a story whose
    /// first reports differ, and merging them back as they converge is what recovers it.
    public var mergeThreshold: Double = 0.3
    /// Documents assumed seen before the first one, so that the first articles' IDF is not noise (with three
    /// documents, every shared word looks common).
    public var idfPrior: Double = 20
    /// How much more a headline word counts than a body word: headlines name the event.
    public var titleWeight: Double = 3
    /// How many of an article's heaviest terms represent it: enough for a story's vocabulary, few enough to keep
    /// comparisons cheap.
    public var termsPerArticle: Int = 60
    /// How many of a story's heaviest terms the inverted index keeps for it.
    public var termsPerStory: Int = 120
    /// How many of an article's heaviest terms look up candidate stories.
    public var lookupTerms: Int = 12
    /// How many of the newest stories indexed under a term an article looks at through it.
    public var storiesPerTerm: Int = 256
    /// How many candidate stories (those sharing the most lookup terms) are scored for an article.
    public var maxCandidates: Int = 48
    /// The share of the score that comes from shared names (capitalised words, a cheap stand-in for the
    /// analysis's entities) rather than terms. Kept light: names shared by related events days apart (a saga's
    /// people) join them; on BASIL pairwise F1 is 0.955 at 0.05 (as at 0), 0.944 at 0.1 and 0.933 at 0.25.
    public var nameWeight: Double = 0.05
    /// Seconds after which a story's relevance halves (reports of one event cluster within days).
    public var halfLife: Double = 2 * 86_400
    /// Seconds of silence after which a story closes and takes no more articles.
    public var window: Double = 7 * 86_400

    /// The defaults.
    public init() {}
}
