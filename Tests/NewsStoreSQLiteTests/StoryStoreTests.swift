import Foundation
import NewsCore
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("Stored stories")
struct StoryStoreTests {
    static func assignment(_ article: Int64, story: Int64, origin: Int64? = nil) -> StoryAssignment {
        StoryAssignment(
            article: ArticleID(article), story: ArticleID(story), origin: ArticleID(origin ?? article),
            relation: origin == nil ? "independent" : "wireCopy", score: 0.5, reason: "{\"score\":0.5}")
    }

    @Test("assignments, merges and state are saved together and listed", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try kind.open(in: folder)
        _ = try await store.add([
            incoming("One", "First report.", source: "A", published: Date(timeIntervalSince1970: 1_000)),
            incoming("Two", "Second report.", source: "B", published: Date(timeIntervalSince1970: 2_000)),
            incoming("Three", "A copy.", source: "C", published: Date(timeIntervalSince1970: 3_000)),
            incoming("Four", "Another story.", source: "A", published: Date(timeIntervalSince1970: 4_000)),
        ])
        #expect(try await store.unclusteredArticles(limit: 10) == (1...4).map { ArticleID(Int64($0)) })
        #expect(try await store.clusteringState() == nil)
        let state = ClusteringState(algorithm: "test.v1", clusterer: Data("{}".utf8), duplicates: Data("[]".utf8))
        try await store.saveClustering(
            ClusteringUpdate(
                assignments: [
                    Self.assignment(1, story: 1), Self.assignment(2, story: 2), Self.assignment(3, story: 2, origin: 2),
                    Self.assignment(4, story: 4),
                ],
                merges: [StoryMerge(from: ArticleID(2), into: ArticleID(1))], closed: [ArticleID(4)], state: state))
        #expect(try await store.clusteringState() == state)
        #expect(try await store.unclusteredArticles(limit: 10).isEmpty)
        let stories = try await store.stories(limit: 10, offset: 0)
        #expect(stories.map(\.id) == [ArticleID(4), ArticleID(1)])
        let merged = try #require(stories.last)
        #expect(merged.articleCount == 3 && merged.originCount == 2 && merged.sourceCount == 3 && merged.title == "One")
        #expect(stories.first?.isClosed == true)
        #expect(try await store.assignment(of: ArticleID(3))?.story == ArticleID(1))
        #expect(try await store.assignment(of: ArticleID(3))?.origin == ArticleID(2))
    }
}
