import Foundation
import NewsCluster
import Testing

@Suite("A story's spread keeps related events apart")
struct SpreadTests {
    /// Three tellings of one event, then the next event of the same saga: undated, so time cannot tell them apart.
    static let saga: [ArticleFeatures] = [
        ArticleFeatures(
            id: "a1", published: nil,
            terms: ["shutdown": 3, "deal": 3, "reopen": 3, "weeks": 2, "wall": 1, "signs": 2, "bill": 2], names: []),
        ArticleFeatures(
            id: "a2", published: nil,
            terms: ["shutdown": 3, "deal": 3, "reopen": 3, "weeks": 2, "wall": 1, "bill": 2, "retreat": 1], names: []),
        ArticleFeatures(
            id: "a3", published: nil,
            terms: ["shutdown": 3, "deal": 2, "reopen": 3, "weeks": 2, "wall": 1, "signs": 1, "caves": 1], names: []),
        ArticleFeatures(
            id: "b1", published: nil,
            terms: ["shutdown": 2, "wall": 3, "emergency": 3, "declares": 3, "funds": 2, "border": 2], names: []),
    ]

    static func run(_ options: ClusterOptions) -> ClusteredRun { ClusteredRun(saga, options: options) }

    @Test("the next event of a tight story starts its own, and says why")
    func relatedEventStartsItsOwn() throws {
        var off = ClusterOptions()
        off.spreadFactor = 0
        // NB: the loose-join rule would turn it away too (it shares only "shutdown" and "wall"); this is the spread's.
        off.looseJoinEvidence = 0
        let without = Self.run(off)
        // Without the rule the related event joins: the case the rule is for.
        #expect(without.stories["b1"] == "a1")
        let with = Self.run(ClusterOptions())
        #expect(with.stories["a2"] == "a1" && with.stories["a3"] == "a1")
        #expect(with.stories["b1"] == "b1")
        let reason = try #require(with.reasons["b1"])
        #expect(reason.bestCandidate == "a1")
        let floor = try #require(reason.spreadFloor)
        #expect(reason.score >= ClusterOptions().threshold && reason.termSimilarity < floor)
    }

    @Test("a story's spread is saved with its profile; older profiles read as of unknown spread")
    func spreadIsSaved() throws {
        var clusterer = StoryClusterer()
        for article in Self.saga.prefix(3) { _ = clusterer.add(article) }
        let story = try #require(clusterer.stories.first)
        let bytes = story.encodedProfile()
        let read = try StoryClusterer.Story(
            seq: story.seq, id: story.id, size: story.size, firstSeen: nil, lastSeen: nil, isClosed: false,
            mergedInto: nil, isPinned: false, profile: bytes)
        #expect(read.encodedProfile() == bytes)
        // Format 1 had no spread: the same bytes without the last 12 and with the old format byte.
        var older = Array(bytes.dropLast(12))
        older[0] = 1
        let old = try StoryClusterer.Story(
            seq: story.seq, id: story.id, size: story.size, firstSeen: nil, lastSeen: nil, isClosed: false,
            mergedInto: nil, isPinned: false, profile: older)
        #expect(old.encodedProfile() != bytes)
        #expect(Array(old.encodedProfile().dropLast(12).dropFirst()) == Array(older.dropFirst()))
    }

    @Test("options saved by an older build read with the new fields at their defaults")
    func olderOptions() throws {
        var options = ClusterOptions()
        options.threshold = 0.2
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(options)) as? [String: Any])
        object["spreadFactor"] = nil
        object["spreadAfterJoins"] = nil
        let read = try JSONDecoder().decode(ClusterOptions.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(read.threshold == 0.2)
        #expect(read.spreadFactor == ClusterOptions().spreadFactor)
        #expect(read.spreadAfterJoins == ClusterOptions().spreadAfterJoins)
    }
}
