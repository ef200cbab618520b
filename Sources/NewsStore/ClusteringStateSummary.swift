/// The saved clustering state laid out for `check`: the scalars and what the tables hold that they make promises
/// about (`ArticleStore.clusteringStateSummary()`). The store cannot read the clusterer's bytes; the clustering
/// compares them.
public struct ClusteringStateSummary: Sendable, Hashable {
    /// The saved scalars, `nil` before clustering first ran.
    public var meta: ClusteringMeta?
    /// The open stories (not closed, not merged away) with their saved profiles.
    public var openStories: [StoryStateRecord] = []
    /// The terms each open story is indexed under (by its creation number), as the postings hold them.
    public var postings: [Int64: Set<Int32>] = [:]
    /// Postings under a term that was never saved, by story creation number.
    public var postingsWithoutTerm: [Int64: Set<Int32>] = [:]
    /// The highest saved term id, story creation number and posting position (the counters must be past them).
    public var highestTerm: Int32?
    /// See `highestTerm`.
    public var highestStory: Int64?
    /// See `highestTerm`.
    public var highestPosting: Int64?
    /// The near-duplicate entries saved, and the highest position among them.
    public var duplicateEntries = 0
    /// See `duplicateEntries`.
    public var highestDuplicatePosition: Int32?

    /// An empty summary.
    public init() {}
}
