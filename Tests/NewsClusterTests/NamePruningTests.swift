import Foundation
import Testing

@testable import NewsCluster

@Suite("A story keeps its most mentioned names, a bounded number of them")
struct NamePruningTests {
    /// Reports of one event, an hour apart: each names the minister and the city, and someone no other names.
    static func reports(_ count: Int) -> [ArticleFeatures] {
        (0..<count).map { index in
            ArticleFeatures(
                id: "r\(index)", published: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 3_600),
                terms: ["flood": 3, "river": 3, "evacuat": 2, "town": 2, "rain": 1],
                names: Set(["minister", "riverton", "witness\(index)"] + (index.isMultiple(of: 2) ? ["mayor"] : [])))
        }
    }

    static func names(after count: Int, limit: Int) -> [String: Int] {
        var options = ClusterOptions()
        options.namesPerStory = limit
        var clusterer = StoryClusterer(options: options)
        _ = clusterer.add(batch: reports(count))
        #expect(clusterer.stories.count == 1, "the reports are one story")
        return clusterer.stories.first?.names ?? [:]
    }

    @Test("past twice the limit, the most mentioned are kept, ties by name, the same in every run")
    func prunedToTheMostMentioned() {
        let names = Self.names(after: 40, limit: 4)
        // Pruned when a join makes it 9 names, to 4; never more than 8 in between.
        #expect(names.count <= 8 && names.count >= 4)
        #expect(names["minister"] == 40 && names["riverton"] == 40 && names["mayor"] == 20)
        #expect(names == Self.names(after: 40, limit: 4))
    }

    @Test("below twice the limit, or with no limit, every name stays")
    func smallStoriesKeepEverything() {
        #expect(Self.names(after: 5, limit: 4).count == 3 + 5)
        #expect(Self.names(after: 40, limit: 0).count == 3 + 40)
    }
}
