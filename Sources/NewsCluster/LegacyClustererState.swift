public import Foundation

/// The clusterer's state as schema 7 saved it, one JSON document of everything, read once to move it into a
/// store's tables: `StoryClusterer(legacyState:)` gives a clusterer whose changes are all of it.
struct LegacyClustererState: Decodable {
    struct Story: Decodable {
        var id: String
        var articles: [String]
        var firstSeen: Date?
        var lastSeen: Date?
        var isClosed: Bool
        var mergedInto: String?
        var isPinned = false
        var centroid: SparseVector
        var names: [String: Int]
        var indexed: Set<Int32>
    }

    var options: ClusterOptions
    var stories: [Story]
    var words: [String]
    var documentFrequency: [Int32]
    var documentCount: Int
    var postings: [Int32: [Int]]
    var latest: Date?
    var lastSweep: Date?
    var keptApart: Set<String>
}

extension StoryClusterer {
    /// The clusterer a schema-7 state (its JSON) describes, every part of it pending in `takeChanges()`, so a
    /// store can write it out once; its options are the ones it was saved with.
    public init(legacyState json: Data) throws(Story.ProfileError) {
        let state: LegacyClustererState
        do {
            state = try JSONDecoder().decode(LegacyClustererState.self, from: json)
        } catch {
            throw Story.ProfileError(reason: "the saved clustering state (schema 7) does not decode: \(error)")
        }
        self.init(options: state.options)
        changeLog = ChangeLog()
        for (seq, old) in state.stories.enumerated() {
            var story = Story(seq: seq, id: old.id, article: old.id, published: nil)
            story.articles = []
            story.size = old.articles.count
            story.firstSeen = old.firstSeen
            story.lastSeen = old.lastSeen
            story.isClosed = old.isClosed
            story.mergedInto = old.mergedInto
            story.isPinned = old.isPinned
            story.centroid = old.centroid
            story.replaceNames(old.names)
            story.indexed = old.indexed
            working[seq] = story
            storyIndex[old.id] = seq
            if !old.isClosed { openStories.append(seq) }
            changed(seq)
        }
        guard state.documentFrequency.count == state.words.count else {
            throw Story.ProfileError(reason: "the saved clustering state (schema 7) has terms without counts")
        }
        for (id, word) in state.words.enumerated() {
            terms.set(TermEntry(id: Int32(id), word: word, frequency: state.documentFrequency[id]))
            changeLog?.terms.insert(Int32(id))
        }
        counters.documentCount = state.documentCount
        counters.nextTerm = Int32(state.words.count)
        counters.nextStory = state.stories.count
        counters.latest = state.latest
        counters.lastSweep = state.lastSweep
        logCount = state.documentCount > 0 ? log(Double(state.documentCount) + options.idfPrior) : 0
        for (term, list) in state.postings.sorted(by: { $0.key < $1.key }) {
            for seq in list where working[seq] != nil { addPosting(term, seq) }
        }
        for pair in state.keptApart.sorted() { setKeptApart(pair, true) }
    }
}
