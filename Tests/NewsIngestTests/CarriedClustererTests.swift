import Foundation
import NewsCluster
import NewsCore
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@testable import NewsIngest

@Suite("One clustering run over several sessions")
struct CarriedClustererTests {
    /// Reports of one flood, an hour apart from `start`, from five outlets; `text` tells report N's body.
    static func reports(
        _ range: Range<Int>, start: Double,
        text: (Int) -> String = { index in
            "The river burst its banks in the old town after days of heavy rain, flooding streets and shops. "
                + "The mayor ordered evacuations of \(100 + index) homes as water kept rising (report \(index))."
        }
    ) -> [IncomingArticle] {
        range.map { index in
            let text = text(index)
            let draft = ArticleDraft(
                title: "River floods the old town, report \(index)", text: text, source: "Outlet \(index % 5)",
                published: Date(timeIntervalSince1970: start + Double(index) * 3_600), raw: Array(text.utf8),
                format: .plainText)
            return IncomingArticle(draft: draft, ingested: Date(timeIntervalSince1970: start), inputName: "t\(index)")
        }
    }

    static func batch(_ store: NewsDatabase, _ carried: CarriedClusterer) async throws -> StoryClusteringReport? {
        try await store.withClusteringSession { session throws(StoreError) in
            try StoryClustering.clusterBatch(session, options: ClusterOptions(), carried: carried)
        }
    }

    @Test("the next batch reuses the clusterer while nobody else wrote, and reloads once someone did")
    func reusesOnlyWhatIsCurrent() async throws {
        let folder = try TemporaryFolder()
        let store = try NewsDatabase.open(path: folder.file("carried.sqlite"))
        let carried = CarriedClusterer()
        _ = try await store.add(Self.reports(0..<6, start: 1_700_000_000))
        #expect(try await Self.batch(store, carried)?.clustered == 6)
        _ = try await store.add(Self.reports(6..<9, start: 1_700_000_000))
        #expect(try await Self.batch(store, carried)?.clustered == 3)
        #expect(carried.reuses == 1)

        // Another writer pins the story; the kept clusterer, which saw it unpinned, must not be used again:
        // saving its copy of the story would unpin it.
        let first = try #require(try await store.assignment(of: ArticleID(1))).story
        try await StoryClustering.apply(.pin(story: first, pinned: true), in: store)
        _ = try await store.add(Self.reports(9..<12, start: 1_700_000_000))
        #expect(try await Self.batch(store, carried)?.clustered == 3)
        #expect(carried.reuses == 1)
        #expect(try await store.assignment(of: ArticleID(12))?.story == first)
        #expect(try await store.story(first)?.isPinned == true)
        #expect(try await store.story(first)?.articleCount == 12)
    }
}
