import Foundation
import NewsCluster
import Testing

@Suite("Stories are values: one read out keeps what it held")
struct StoryValueTests {
    static let articles: [ArticleFeatures] = [
        ArticleFeatures(
            id: "a1", published: nil, terms: ["quake": 3, "rescue": 2, "coast": 2, "toll": 1],
            names: ["Chile", "Valparaiso"]),
        ArticleFeatures(
            id: "a2", published: nil, terms: ["quake": 3, "rescue": 2, "coast": 1, "toll": 2],
            names: ["Chile", "Red Cross"]),
    ]

    @Test("a story taken out before a join is not changed by it, nor the clusterer's by a change to the copy")
    func copiesAreIndependent() throws {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.articles[0])
        let before = try #require(clusterer.stories.first)
        let bytes = before.encodedProfile()
        _ = clusterer.add(Self.articles[1])
        let after = try #require(clusterer.stories.first)
        #expect(after.articles == ["a1", "a2"] && after.size == 2)
        #expect(before.articles == ["a1"] && before.size == 1)
        #expect(before.encodedProfile() == bytes && after.encodedProfile() != bytes)

        var copy = after
        copy.isClosed = true
        copy.articles.append("elsewhere")
        #expect(copy != after)
        let again = try #require(clusterer.stories.first)
        #expect(again == after && !again.isClosed && again.articles == ["a1", "a2"])
    }

    @Test("a story read back from its profile scores an article as the one that wrote it (names included)")
    func decodedStoryScoresTheSame() throws {
        var whole = StoryClusterer()
        _ = whole.add(Self.articles[0])
        let story = try #require(whole.stories.first)
        let read = try StoryClusterer.Story(
            seq: story.seq, id: story.id, size: story.size, firstSeen: nil, lastSeen: nil, isClosed: false,
            mergedInto: nil, isPinned: false, profile: story.encodedProfile())
        #expect(read.encodedProfile() == story.encodedProfile())
        let actions = whole.add(Self.articles[1])
        guard case .assigned(_, _, let reason) = try #require(actions.first) else {
            Issue.record("the second article should join the first's story: \(actions)")
            return
        }
        // The names the two share are found through the story's name keys.
        #expect(reason.sharedNames == ["Chile"])
        #expect(reason.nameOverlap == 0.5)
    }
}
