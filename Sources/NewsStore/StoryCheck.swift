/// What checking the stored stories found, and what repairing them changed (`ArticleStore.checkStories`).
public struct StoryCheck: Sendable, Hashable {
    /// A kind of inconsistency.
    public enum Problem: String, Sendable, Hashable, CaseIterable {
        /// Articles assigned to a story that was merged into another: hidden from every listing.
        case articlesInMergedStories = "articles-in-merged-stories"
        /// Stories merged into each other in a circle: none of them is listed.
        case mergeCycles = "merge-cycles"
        /// Stories merged into a story that does not exist.
        case mergesIntoMissingStories = "merges-into-missing-stories"
        /// Stories whose counts, first or last seen disagree with their articles (the river shows them wrong).
        case staleSummaries = "stale-summaries"
        /// Index entries of stories closed or merged away (they cost lookups and match nothing).
        case stalePostings = "stale-postings"
        /// Articles in no story below the clustering watermark: the clustering would never pick them up.
        case articlesBelowWatermark = "articles-below-watermark"
        /// The clusterer's saved options or counters cannot be read: clustering stops with an error.
        case unreadableClusteringState = "unreadable-clustering-state"
        /// The clusterer's counters are not past the ids the tables hold: the next batch would reuse them.
        case countersBehindTables = "counters-behind-tables"
        /// Open stories whose saved profile cannot be read: clustering stops at the first it meets.
        case unreadableProfiles = "unreadable-profiles"
        /// Open stories indexed under other terms than their profile lists, or under terms never saved.
        case indexMismatch = "index-mismatch"

        /// What it means, for a person.
        public var explanation: String {
            switch self {
            case .articlesInMergedStories: "articles assigned to a story that was merged away (hidden from listings)"
            case .mergeCycles: "stories merged into each other in a circle (none of them listed)"
            case .mergesIntoMissingStories: "stories merged into a story that does not exist"
            case .staleSummaries: "stories whose counts or dates disagree with their articles"
            case .stalePostings: "index entries of closed or merged stories"
            case .articlesBelowWatermark: "articles in no story that the clustering would skip"
            case .unreadableClusteringState: "the clusterer's saved options or counters cannot be read"
            case .countersBehindTables: "clusterer counters not past the ids saved (the next batch would reuse them)"
            case .unreadableProfiles: "open stories whose saved profile cannot be read (clustering stops at them)"
            case .indexMismatch: "open stories indexed under other terms than their profile lists"
            }
        }

        /// What repairing does.
        public var repair: String {
            switch self {
            case .articlesInMergedStories: "moved to the story their story was merged into"
            case .mergeCycles: "the oldest story of each circle listed again (closed), the others merged into it"
            case .mergesIntoMissingStories: "listed again (closed)"
            case .staleSummaries: "recounted"
            case .stalePostings: "removed"
            case .articlesBelowWatermark: "watermark lowered: the next add or fetch clusters them"
            case .unreadableClusteringState: "rewritten: today's options, counters past every saved id"
            case .countersBehindTables: "moved past the highest saved ids"
            case .unreadableProfiles: "closed with an empty profile, out of the index (articles stay in them)"
            case .indexMismatch: "closed and taken out of the index (articles stay; new ones start new stories)"
            }
        }
    }

    /// One kind of problem found.
    public struct Finding: Sendable, Hashable {
        /// The kind.
        public var problem: Problem
        /// How many articles, stories or entries have it.
        public var count: Int
        /// A few of the ids concerned (articles or stories), to look at.
        public var examples: [Int64]

        /// Creates a finding.
        public init(problem: Problem, count: Int, examples: [Int64]) {
            self.problem = problem
            self.count = count
            self.examples = examples
        }
    }

    /// The problems found (before any repair), worst first; empty when the stories are consistent.
    public var findings: [Finding] = []
    /// Whether the problems found were repaired.
    public var repaired = false
    /// Articles stored but not clustered yet (not a problem: `add` and `fetch` cluster them).
    public var waitingArticles = 0
    /// Stories listed (not merged away, with articles).
    public var liveStories = 0
    /// Articles in listed stories.
    public var articlesInLiveStories = 0
    /// Articles stored.
    public var articles = 0
    /// The algorithm that wrote the clustering state, if any was written.
    public var algorithm: String?

    /// Creates an empty report.
    public init() {}

    /// Whether nothing is wrong.
    public var isConsistent: Bool { findings.isEmpty }
}

/// What checking the database below the stories found: the engine's own integrity check, broken references,
/// damaged full-text indexes (`ArticleStore.checkIntegrity`).
public struct IntegrityCheck: Sendable, Hashable {
    /// The engine's complaints (SQLite's `integrity_check`), none when the file is sound.
    public var engine: [String] = []
    /// Rows that point at rows that do not exist.
    public var brokenReferences = 0
    /// The full-text indexes that failed their own check, with why.
    public var fullText: [String] = []
    /// Checks that could not run, with why (FTS5 checks itself through a write, so not on a read-only file).
    public var skipped: [String] = []

    /// Creates an empty report.
    public init() {}

    /// Whether nothing is wrong.
    public var isSound: Bool { engine.isEmpty && brokenReferences == 0 && fullText.isEmpty }
}
