import Foundation
import NewsCore
import NewsStore
import NewsTesting
import Testing

@Suite("Feeds, outlets and the server's records (every engine)")
struct FeedStoreTests {
    @Test("subscriptions, polls, settled items and their articles", arguments: StoreKind.available)
    func feedsRoundTrip(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        let added = Date(timeIntervalSince1970: 1_700_000_000)
        let results = try await store.addFeeds(
            [
                NewFeed(url: "http://127.0.0.1/a.xml", source: "VOA", siteURL: "https://www.voanews.com/"),
                NewFeed(url: "http://127.0.0.1/b.xml", source: "TRT World", categories: ["world"]),
            ], at: added)
        #expect(results.map { if case .added = $0 { true } else { false } } == [true, true])
        let again = try await store.addFeeds([NewFeed(url: "http://127.0.0.1/a.xml", source: "VOA")], at: added)
        guard case .existing(let existing) = try #require(again.first) else {
            Issue.record("a feed subscribed twice was added again")
            return
        }
        #expect(existing.source == "VOA")
        let feeds = try await store.feeds()
        #expect(feeds.map(\.source) == ["TRT World", "VOA"])
        #expect(feeds[0].categories == ["world"] && feeds[0].added == added)
        #expect(try await store.sources().first { $0.name == "VOA" }?.domain == "voanews.com")
        #expect(try await store.dueFeeds(at: added).count == 2)

        let voa = try #require(feeds.first { $0.source == "VOA" })
        let article = try #require(try await store.add([incoming("One", "Text.", source: "VOA")]).first?.id)
        var poll = FeedPoll(
            feed: voa.id, checked: added, nextCheck: added.addingTimeInterval(900), succeeded: true,
            items: [
                FeedItemRecord(key: "one", article: article, url: "http://127.0.0.1/one", categories: ["x"]),
                FeedItemRecord(key: "broken", problem: "404"),
            ])
        poll.status = 200
        poll.etag = "\"v1\""
        try await store.saveFeedPoll(poll)
        #expect(try await store.dueFeeds(at: added.addingTimeInterval(60)).map(\.id) != [voa.id])
        #expect(try await store.settledFeedItems(of: voa.id) == ["one"])
        // A page that keeps failing is settled after three tries.
        try await store.saveFeedPoll(poll)
        try await store.saveFeedPoll(poll)
        #expect(try await store.settledFeedItems(of: voa.id) == ["one", "broken"])
        var failed = FeedPoll(feed: voa.id, checked: added, nextCheck: added, succeeded: false)
        failed.errorCode = "fetch.http-status"
        failed.error = "503"
        failed.status = 503
        try await store.saveFeedPoll(failed)
        let after = try #require(try await store.feeds().first { $0.id == voa.id })
        #expect(after.failures == 1 && after.errorCode == "fetch.http-status" && after.etag == "\"v1\"")
        #expect(after.itemCount == 2 && after.articleCount == 1 && after.lastSuccess == added)
        let items = try await store.feedItems(of: article)
        #expect(items.map(\.key) == ["one"] && items.first?.categories == ["x"])

        #expect(try await store.removeFeed(voa.id)?.url == "http://127.0.0.1/a.xml")
        #expect(try await store.removeFeed(voa.id) == nil)
        #expect(try await store.article(article) != nil)
    }

    @Test(
        "items saved while a poll runs are settled; the feed's state waits for the poll", arguments: StoreKind.available
    )
    func itemsSavedMidPoll(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        let added = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try await store.addFeeds([NewFeed(url: "http://127.0.0.1/a.xml", source: "VOA")], at: added)
        let feed = try #require(try await store.feeds().first)
        let article = try #require(try await store.add([incoming("One", "Text.", source: "VOA")]).first?.id)
        try await store.saveFeedItems(
            [
                FeedItemRecord(key: "one", article: article, url: "http://127.0.0.1/one"),
                FeedItemRecord(key: "broken", problem: "404"),
            ], of: feed.id, seen: added)
        try await store.saveFeedItems([], of: feed.id, seen: added)
        #expect(try await store.settledFeedItems(of: feed.id) == ["one"])
        let during = try #require(try await store.feeds().first)
        #expect(during.etag == nil && during.lastChecked == nil && during.itemCount == 2 && during.articleCount == 1)
        #expect(try await store.dueFeeds(at: added).map(\.id) == [feed.id], "still due: the poll did not end")
        #expect(try await store.feedItems(of: article).map(\.key) == ["one"])
        // Each save is one attempt: with two more, the failing page is settled too.
        for _ in 0..<2 {
            try await store.saveFeedItems([FeedItemRecord(key: "broken", problem: "404")], of: feed.id, seen: added)
        }
        #expect(try await store.settledFeedItems(of: feed.id) == ["one", "broken"])
    }

    @Test(
        "due feeds are leased to one poller at a time; a lease ends when its poll is saved or it expires",
        arguments: StoreKind.available)
    func leases(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try await store.addFeeds(
            (0..<5).map { NewFeed(url: "http://127.0.0.1/\($0).xml", source: "S\($0)") }, at: now)
        let until = now.addingTimeInterval(900)
        async let first = store.leaseDueFeeds(at: now, until: until, limit: 3)
        async let second = store.leaseDueFeeds(at: now, until: until, limit: 3)
        let (a, b) = try await (first, second)
        #expect(a.count + b.count == 5 && Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
        #expect(try await store.leaseDueFeeds(at: now.addingTimeInterval(60), until: until, limit: 10).isEmpty)
        try await store.saveFeedPoll(
            FeedPoll(feed: a[0].id, checked: now, nextCheck: now.addingTimeInterval(120), succeeded: true))
        let again = try await store.leaseDueFeeds(at: now.addingTimeInterval(130), until: now + 300, limit: 10)
        #expect(again.map(\.id) == [a[0].id])
        // Pollers that died: their feeds come due again when the leases run out.
        #expect(try await store.leaseDueFeeds(at: now + 300, until: until, limit: 10).map(\.id) == [a[0].id])
        #expect(try await store.leaseDueFeeds(at: until, until: until + 900, limit: 10).count == 5)
    }

    @Test("outlets, saved searches, tokens and kept renderings", arguments: StoreKind.available)
    func serverRecords(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        let when = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try await store.add([incoming("One", "Text.", source: "VOA"), incoming("Two", "More.", source: "voa")])
        #expect(try await store.sources().map(\.articleCount) == [2])  // outlet names compare case-blind

        let story = ArticleID(1)
        try await store.saveRendering(
            CachedRendering(story: story, kind: "html", fingerprint: "f1", body: Data("a".utf8)))
        try await store.saveRendering(
            CachedRendering(story: story, kind: "html", fingerprint: "f2", body: Data("b".utf8)))
        #expect(try await store.cachedRendering(story: story, kind: "html", fingerprint: "f1") == nil)
        #expect(try await store.cachedRendering(story: story, kind: "html", fingerprint: "f2") == Data("b".utf8))
        let updated = try await store.updateSource(
            named: "VOA", SourceUpdate(country: "US", owner: "USAGM", kind: .publicBroadcaster))
        #expect(updated?.owner == "USAGM" && updated?.kind == .publicBroadcaster && updated?.country == "US")
        #expect(try await store.updateSource(named: "Nobody", SourceUpdate(owner: "x")) == nil)
        // Owners decide origins: every kept rendering may be wrong now.
        #expect(try await store.cachedRendering(story: story, kind: "html", fingerprint: "f2") == nil)

        let first = try await store.saveSearch(name: "syria", query: "Syria", at: when)
        let replaced = try await store.saveSearch(name: "syria", query: "Syria -Iraq", at: when)
        #expect(replaced.id == first.id && replaced.query == "Syria -Iraq")
        _ = try await store.saveSearch(name: "Aleppo", query: "Aleppo", at: when)
        #expect(try await store.savedSearches().map(\.name) == ["Aleppo", "syria"])
        #expect(try await store.removeSavedSearch(first.id)?.name == "syria")
        #expect(try await store.removeSavedSearch(first.id) == nil)

        let token = try await store.addToken(name: "ci", hash: String(repeating: "a", count: 64), at: when)
        #expect(try await store.tokens() == [token])
        #expect(try await store.removeToken(token.id) == token)
        #expect(try await store.tokens().isEmpty)
    }
}
