import Foundation
import NewsCore
import NewsStore
import NewsStorePostgres
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

    @Test("assignments, merges and state are saved together and listed", arguments: StoreKind.available)
    func roundTrip(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        _ = try await store.add([
            incoming("One", "First report.", source: "A", published: Date(timeIntervalSince1970: 1_000)),
            incoming("Two", "Second report.", source: "B", published: Date(timeIntervalSince1970: 2_000)),
            incoming("Three", "A copy.", source: "C", published: Date(timeIntervalSince1970: 3_000)),
            incoming("Four", "Another story.", source: "A", published: Date(timeIntervalSince1970: 4_000)),
        ])
        #expect(try await store.unclusteredArticles(limit: 10) == (1...4).map { ArticleID(Int64($0)) })
        let meta = ClusteringMeta(
            algorithm: "test.v1", options: Data("{}".utf8), counters: Data("{}".utf8), duplicateCount: 0)
        try await store.withClusteringSession { session throws in
            #expect(try session.meta() == nil)
            var write = ClusteringWrite(meta: meta)
            for (seq, id) in [Int64(1), 2, 4].enumerated() {
                let record = StoryStateRecord(
                    seq: Int64(seq), story: ArticleID(id), size: id == 2 ? 0 : 1, firstSeen: nil,
                    lastSeen: Date(timeIntervalSinceReferenceDate: Double(id)), isClosed: id != 1,
                    mergedInto: id == 2 ? ArticleID(1) : nil, isPinned: false, profile: Data([1, 2, 3]))
                write.stories.append(record)
            }
            write.assignments = [
                Self.assignment(1, story: 1), Self.assignment(2, story: 2), Self.assignment(3, story: 2, origin: 2),
                Self.assignment(4, story: 4),
            ]
            write.merges = [StoryMerge(from: ArticleID(2), into: ArticleID(1))]
            write.terms = [TermRecord(id: 0, word: "report", frequency: 3)]
            write.postings = [
                .add(term: 0, story: 0, position: 0), .add(term: 0, story: 1, position: 1),
                .remove(term: 0, story: 1),
            ]
            try session.write(write)
        }
        try await store.withClusteringSession { session throws in
            #expect(try session.meta() == meta)
            #expect(try session.postings(of: 0) == [0])
            #expect(try session.terms(named: ["report", "other"]) == [TermRecord(id: 0, word: "report", frequency: 3)])
            #expect(try session.storySeq(holding: ArticleID(3)) == 0)
            #expect(try session.storyState(seq: 1)?.mergedInto == ArticleID(1))
            #expect(try session.quietStories(lastSeenBefore: Date(timeIntervalSinceReferenceDate: 10)) == [0])
        }
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
