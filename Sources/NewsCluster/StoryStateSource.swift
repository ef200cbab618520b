public import Foundation

/// Where a clusterer finds the state it did not build itself: the stories, terms and postings a store saved.
///
/// A clusterer over a source loads only what a decision needs (the terms of the article at hand, the postings
/// of its heaviest terms, the candidate stories) and hands back what it changed (`takeChanges()`), so the cost
/// of adding articles follows the articles added, not the archive. The source is read while the clusterer
/// works and must not change meanwhile (a store reads it inside the transaction that saves the changes).
public protocol StoryStateSource: AnyObject {
    /// The saved terms among `words`, by word.
    func terms(named words: [String]) -> [TermEntry]
    /// The saved terms with these ids.
    func terms(withIDs ids: [Int32]) -> [TermEntry]
    /// The stories indexed under `term`, by creation number, in the order they were indexed.
    func postings(of term: Int32) -> [Int]
    /// The story created `seq`-th, if saved.
    func story(seq: Int) -> StoryClusterer.Story?
    /// The creation number of the story with this id, if saved.
    func seq(ofStory id: String) -> Int?
    /// The creation number of the story that holds the article, if saved.
    func seq(holding article: String) -> Int?
    /// Open, unpinned stories last seen at or before `date` (a superset of those due to close is fine).
    func quietStories(lastSeenBefore date: Date) -> [Int]
    /// Whether a person split the two stories of this pair key apart.
    func keptApart(_ pair: String) -> Bool
    /// The postings of several terms at once, by term (a term without postings may be left out).
    func postings(of terms: [Int32]) -> [Int32: [Int]]
    /// The saved stories among these creation numbers, by number (one question for a decision's candidates).
    func stories(seqs: [Int]) -> [Int: StoryClusterer.Story]
    /// The pair keys among `pairs` that a person kept apart (one question for a merge's candidates).
    func keptApart(pairs: [String]) -> Set<String>
}

extension StoryStateSource {
    /// One question per term, for a source where a question costs no round trip.
    public func postings(of terms: [Int32]) -> [Int32: [Int]] {
        var lists: [Int32: [Int]] = [:]
        for term in terms { lists[term] = postings(of: term) }
        return lists
    }

    /// One question per story, for a source where a question costs no round trip.
    public func stories(seqs: [Int]) -> [Int: StoryClusterer.Story] {
        var found: [Int: StoryClusterer.Story] = [:]
        for seq in seqs { found[seq] = story(seq: seq) }
        return found
    }

    /// One question per pair, for a source where a question costs no round trip.
    public func keptApart(pairs: [String]) -> Set<String> { Set(pairs.filter { keptApart($0) }) }
}

/// A term as saved: its id, its word and how many articles have used it.
public struct TermEntry: Sendable, Hashable {
    /// Its id: dense, in order of first use.
    public var id: Int32
    /// The stemmed word.
    public var word: String
    /// The number of articles that used it.
    public var frequency: Int32

    /// Creates an entry.
    public init(id: Int32, word: String, frequency: Int32) {
        self.id = id
        self.word = word
        self.frequency = frequency
    }
}

/// The clusterer's scalars: how many articles it has seen, the next ids, and the clock it runs on.
public struct ClustererCounters: Sendable, Hashable, Codable {
    /// Articles weighed so far.
    public var documentCount = 0
    /// The id the next new term gets.
    public var nextTerm: Int32 = 0
    /// The creation number the next story gets.
    public var nextStory = 0
    /// The position the next posting gets (postings of a term are read in this order).
    public var nextPosting: Int64 = 0
    /// The latest publication time seen.
    public var latest: Date?
    /// When quiet stories were last looked for.
    public var lastSweep: Date?

    /// Counters of a clusterer that has seen nothing.
    public init() {}
}

/// A change to the postings (the term → story index), in the order it was made.
public enum PostingChange: Sendable, Hashable {
    /// The story was indexed under the term, at this position.
    case add(term: Int32, story: Int, position: Int64)
    /// The story was taken out of the term's postings.
    case remove(term: Int32, story: Int)
}

/// Everything a clusterer changed since it was made or last asked: what a store writes back.
public struct StoryStateChanges: Sendable {
    /// Stories created or changed, by creation number.
    public var stories: [StoryClusterer.Story] = []
    /// Terms created or whose frequency changed.
    public var terms: [TermEntry] = []
    /// Posting changes, oldest first.
    public var postings: [PostingChange] = []
    /// Pairs of stories kept apart (`true`) or no longer (`false`), by pair key.
    public var keptApart: [(pair: String, kept: Bool)] = []
    /// The scalars after the changes.
    public var counters = ClustererCounters()

    /// No changes.
    public init() {}

    /// Whether nothing changed but, perhaps, the counters.
    public var isEmpty: Bool { stories.isEmpty && terms.isEmpty && postings.isEmpty && keptApart.isEmpty }
}
