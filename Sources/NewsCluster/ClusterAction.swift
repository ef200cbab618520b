/// What the clusterer decided for an article, with why; the caller carries it out (stores it, prints it).
public enum ClusterAction: Sendable, Hashable {
    /// The article starts a new story, named after it.
    case created(story: String, article: String, reason: ClusterReason)
    /// The article joins an existing story.
    case assigned(story: String, article: String, reason: ClusterReason)
    /// A story went quiet for longer than the window and takes no more articles.
    case closed(story: String)
    /// Two stories converged: `story`'s articles now belong to `into`, and `story` takes no more.
    case merged(story: String, into: String, similarity: Double)

    /// The story the action is about.
    public var story: String {
        switch self {
        case .created(let story, _, _), .assigned(let story, _, _), .closed(let story), .merged(let story, _, _):
            story
        }
    }
}

/// Why an article went where it went: the best score found and what it shared with that story.
public struct ClusterReason: Sendable, Hashable, Codable {
    /// The score with the chosen story (or with the best candidate, for a new story); 0 when there was none.
    public var score: Double
    /// The cosine of the term vectors.
    public var termSimilarity: Double
    /// The share of names in common.
    public var nameOverlap: Double
    /// The time factor (1 for no time, falling with the gap).
    public var timeFactor: Double
    /// The heaviest terms both share, heaviest first.
    public var sharedTerms: [String]
    /// Names both mention.
    public var sharedNames: [String]
    /// The best other story considered, if any.
    public var bestCandidate: String?
    /// When the article started a story although it scored the threshold with `bestCandidate`: the term
    /// similarity that story needed (a share of its loosest member's), which the article fell short of.
    public var spreadFloor: Double?
    /// The score this article needed to join a story, when its length raised it above the options' threshold.
    public var requiredScore: Double?
    /// How distinctive the terms shared with the story are: their summed IDF in units of the largest IDF (a word
    /// no other article used counts 1, a word every article uses 0).
    public var sharedEvidence: Double?
    /// When the article started a story although it scored the threshold with `bestCandidate`: the shared
    /// evidence a join at its low term similarity needed (`ClusterOptions.looseJoinEvidence`).
    public var evidenceNeeded: Double?
    /// The score of the second-best story considered, if there was one.
    public var runnerUpScore: Double?
    /// The part of `sharedEvidence` from terms that are not names the article mentions: what the two say
    /// happened, not who was in it.
    public var sharedEventEvidence: Double?
    /// When the article started a story although it scored the threshold with `bestCandidate`: the event evidence
    /// a join at its low term similarity needed (`ClusterOptions.eventEvidence`).
    public var eventEvidenceNeeded: Double?

    /// Creates a reason.
    public init(
        score: Double, termSimilarity: Double, nameOverlap: Double, timeFactor: Double, sharedTerms: [String],
        sharedNames: [String], bestCandidate: String?
    ) {
        self.score = score
        self.termSimilarity = termSimilarity
        self.nameOverlap = nameOverlap
        self.timeFactor = timeFactor
        self.sharedTerms = sharedTerms
        self.sharedNames = sharedNames
        self.bestCandidate = bestCandidate
    }
}
