import Foundation
import NewsCore
import NewsStore
import NewsTesting
import Testing

@testable import NewsIngest

@Suite("Every engine keeps story summaries by what each write adds, equal to a recount")
struct SummaryIncrementTests {
    /// Reports of one fire from outlets `Outlet 0`–`Outlet 3`, an hour apart; no two are copies.
    static func fire(_ range: Range<Int>, start: Double, outlet: ((Int) -> String)? = nil) -> [IncomingArticle] {
        let sentences = [
            "Flames spread through the timber warehouse on the harbour front shortly after midnight.",
            "Crews from four stations fought the blaze for six hours before bringing it under control.",
            "Residents of the nearby flats were moved to a sports hall as smoke drifted over the port.",
            "The harbour master closed the quay to shipping while the fire brigade cooled the walls.",
            "Investigators said it was too early to say what had started the fire in the warehouse.",
            "The owner of the warehouse said the building held furniture and paper worth millions.",
        ]
        return range.map { index in
            let text =
                sentences[index % sentences.count] + " " + sentences[(index + 2) % sentences.count]
                + " Harbour warehouse fire, report \(index)."
            return incoming(
                "Fire destroys harbour warehouse, report \(index)", text,
                source: outlet?(index) ?? "Outlet \(index % 4)",
                published: Date(timeIntervalSince1970: start + Double(index) * 3_600))
        }
    }

    /// Reports of a vote, unlike the fire, from the fire's outlets.
    static func vote(_ range: Range<Int>, start: Double) -> [IncomingArticle] {
        range.map { index in
            incoming(
                "Council votes on the new tram line, count \(index)",
                "The city council voted on the route of the new tram line after a long debate in the chamber. "
                    + "\(20 + index) members backed the plan, the clerk said (count \(index)).",
                source: "Outlet \(index % 2)", published: Date(timeIntervalSince1970: start + Double(index) * 1_800))
        }
    }

    /// The summary of `article`'s story.
    static func summary(_ store: any ArticleStore, _ article: Int64) async throws -> StorySummary {
        let story = try #require(try await store.assignment(of: ArticleID(article))).story
        return try #require(try await store.story(story))
    }

    /// Every stored article in one live story and every summary equal to a recount (the check recounts).
    static func expectConsistent(_ store: any ArticleStore, _ articles: Int, _ step: String) async throws {
        let check = try await store.checkStories(repair: false)
        #expect(check.isConsistent && check.articlesInLiveStories == articles, "\(step): \(check)")
    }

    @Test("joins, a copy from a new outlet, a split and a merge", arguments: StoreKind.available)
    func incrementsMatchARecount(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        let start = 1_700_000_000.0
        _ = try await store.add(Self.fire(0..<5, start: start))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 5, "\(kind): first batch")
        var fire = try await Self.summary(store, 1)
        #expect(fire.articleCount == 5 && fire.originCount == 5 && fire.sourceCount == 4, "\(fire)")

        // Later reports from the story's outlets, a word-for-word copy of the first from a new outlet (one more
        // outlet, no more origins), and another event.
        let copy = Self.fire(0..<1, start: start) { _ in "Reprinter" }
        _ = try await store.add(Self.fire(5..<6, start: start) + copy + Self.vote(0..<3, start: start + 86_400))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 10, "\(kind): second batch")
        fire = try await Self.summary(store, 1)
        #expect(fire.articleCount == 7 && fire.originCount == 6 && fire.sourceCount == 5, "\(fire)")
        #expect(fire.firstSeen == Date(timeIntervalSince1970: start))
        #expect(fire.lastSeen == Date(timeIntervalSince1970: start + 5 * 3_600))
        let vote = try await Self.summary(store, 8)
        #expect(vote.articleCount == 3 && vote.sourceCount == 2 && vote.id != fire.id, "\(vote)")

        // A split takes an article out; a merge moves the vote's articles in; later joins add to the result.
        try await StoryClustering.apply(.split(article: ArticleID(2)), in: store)
        try await Self.expectConsistent(store, 10, "\(kind): after the split")
        #expect(try await Self.summary(store, 1).articleCount == 6)
        #expect(try await Self.summary(store, 2).articleCount == 1)
        try await StoryClustering.apply(.merge(story: vote.id, into: fire.id), in: store)
        try await Self.expectConsistent(store, 10, "\(kind): after the merge")
        let merged = try await Self.summary(store, 8)
        #expect(merged.id == fire.id && merged.articleCount == 9 && merged.sourceCount == 5, "\(merged)")
        _ = try await store.add(Self.vote(3..<5, start: start + 86_400))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 12, "\(kind): joins after the merge")
        let grown = try await Self.summary(store, 1)
        #expect(grown.articleCount == 11 && grown.lastSeen == Date(timeIntervalSince1970: start + 86_400 + 4 * 1_800))
    }
}
