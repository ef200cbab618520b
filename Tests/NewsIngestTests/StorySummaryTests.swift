import Foundation
import NewsCore
import NewsIngest
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("The story summaries the river reads, kept by what each write adds")
struct StorySummaryTests {
    /// Sentences of one flood; a report tells two of them, so no two reports are copies of each other.
    static let floodSentences = [
        "Water reached the market square before dawn and shopkeepers carried their stock upstairs.",
        "Firefighters used boats to reach elderly residents trapped on the upper floors of the riverside flats.",
        "The railway station closed and trains between the two cities were cancelled until further notice.",
        "Volunteers filled sandbags outside the town hall while the rain kept falling through the afternoon.",
        "The hospital moved patients from its ground floor wards as a precaution against the rising river.",
        "Schools across the district stayed shut and parents were told to keep children away from the banks.",
        "Farmers downstream said fields of wheat and barley had been under water for three days.",
        "Engineers inspected the old stone bridge, which was closed to traffic after cracks appeared in it.",
        "The power company cut electricity to two thousand homes to avoid accidents in the flooded streets.",
        "Forecasters warned that more heavy rain was expected over the weekend across the whole valley.",
        "Insurers said claims from the flood could be the largest the region had seen in decades.",
        "The army sent trucks and soldiers to help evacuate the villages south of the old town.",
    ]

    /// Reports of one flood, an hour apart from `start`, from five outlets, none a copy of another.
    static func flood(_ range: Range<Int>, start: Double) -> [IncomingArticle] {
        CarriedClustererTests.reports(range, start: start) { index in
            floodSentences[index % floodSentences.count] + " " + floodSentences[(index + 5) % floodSentences.count]
        }
    }

    /// Reports of a second event, unlike the flood of `CarriedClustererTests.reports`.
    static func election(_ range: Range<Int>, start: Double) -> [IncomingArticle] {
        range.map { index in
            let text =
                "Polls closed in the northern province where voters chose a new governor in a tight race. "
                + "Turnout reached \(40 + index) percent, the electoral commission said (count \(index))."
            let draft = ArticleDraft(
                title: "Governor race too close to call, count \(index)", text: text, source: "Outlet \(index % 3)",
                published: Date(timeIntervalSince1970: start + Double(index) * 1_800), raw: Array(text.utf8),
                format: .plainText)
            return IncomingArticle(draft: draft, ingested: Date(timeIntervalSince1970: start), inputName: "e\(index)")
        }
    }

    /// The story of `article`, listed.
    static func summary(_ store: NewsDatabase, _ article: Int64) async throws -> StorySummary {
        let story = try #require(try await store.assignment(of: ArticleID(article))).story
        return try #require(try await store.story(story))
    }

    /// Every stored article in one live story, and every summary equal to a recount from its articles.
    static func expectConsistent(_ store: NewsDatabase, _ articles: Int, _ step: String) async throws {
        let check = try await store.checkStories(repair: false)
        #expect(check.isConsistent && check.articlesInLiveStories == articles, "\(step): \(check)")
    }

    @Test("joins, wire copies, a split and a merge leave every summary equal to a recount")
    func incrementsMatchARecount() async throws {
        let folder = try TemporaryFolder()
        let store = try NewsDatabase.open(path: folder.file("summaries.sqlite"))
        let start = 1_700_000_000.0
        _ = try await store.add(Self.flood(0..<6, start: start))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 6, "first batch")
        var flood = try await Self.summary(store, 1)
        #expect(flood.articleCount == 6 && flood.originCount == 6 && flood.sourceCount == 5)

        // Later reports from outlets the story has, a copy of the first from a new outlet, and another event.
        let copy = Self.flood(0..<1, start: start).map { incoming in
            var draft = incoming.draft
            draft.source = "Wire reprinter"
            return IncomingArticle(draft: draft, ingested: incoming.ingested, inputName: "copy")
        }
        _ = try await store.add(
            Self.flood(6..<9, start: start) + copy + Self.election(0..<4, start: start + 86_400))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 14, "second batch")
        flood = try await Self.summary(store, 1)
        #expect(flood.articleCount == 10 && flood.originCount == 9 && flood.sourceCount == 6)
        #expect(flood.firstSeen == Date(timeIntervalSince1970: start))
        #expect(flood.lastSeen == Date(timeIntervalSince1970: start + 8 * 3_600))
        let election = try await Self.summary(store, 11)
        #expect(election.articleCount == 4 && election.sourceCount == 3 && election.id != flood.id)

        // A split takes an article out (its story is recounted); the next batch joins the smaller story.
        try await StoryClustering.apply(.split(article: ArticleID(3)), in: store)
        try await Self.expectConsistent(store, 14, "after the split")
        #expect(try await Self.summary(store, 1).articleCount == 9)
        #expect(try await Self.summary(store, 3).articleCount == 1)
        _ = try await store.add(Self.flood(9..<11, start: start))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 16, "joins after the split")

        // A merge moves one story's articles into another; later joins add to the merged story.
        let floodBefore = try await Self.summary(store, 1).articleCount
        try await StoryClustering.apply(.merge(story: election.id, into: flood.id), in: store)
        try await Self.expectConsistent(store, 16, "after the merge")
        let merged = try await Self.summary(store, 11)
        #expect(merged.id == flood.id && merged.articleCount == floodBefore + 4, "\(merged)")
        #expect(merged.sourceCount == 6, "the election's outlets were the flood's already: \(merged)")
        _ = try await store.add(Self.election(4..<6, start: start + 86_400))
        _ = try await StoryClustering.clusterPending(in: store)
        try await Self.expectConsistent(store, 18, "joins after the merge")
        #expect(try await Self.summary(store, 17).id == flood.id)
        #expect(try await Self.summary(store, 18).id == flood.id)
        #expect(try await Self.summary(store, 1).articleCount == floodBefore + 4 + 2)
    }
}
