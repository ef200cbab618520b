import FixtureServer
import Foundation
import NewsCore
import NewsFeeds
import NewsFetch
import NewsIngest
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Synchronization
import Testing

/// Polling against the local test site into a real SQLite file.
@Suite("FeedPoller: feeds to stored articles", .serialized)
struct FeedPollerTests {
    let clock = Date(timeIntervalSince1970: 1_730_800_000)

    func subscribe(_ store: NewsDatabase, _ urls: [String]) async throws -> [FeedRecord] {
        try await store.addFeeds(urls.map { NewFeed(url: $0, source: "Lakeside Courier") }, at: clock).map(\.record)
    }

    @Test func itemsBecomeArticlesWithTheirMetadataAndPages() async throws {
        let site = try await TestSite.start()
        let folder = try TemporaryFolder()
        let store = try NewsDatabase.open(path: folder.file("feeds.sqlite"))
        let fetcher = HTTPFetcher(policy: .testing())
        let feeds = try await subscribe(store, [site.url("/feeds/news.rss")])
        let now = clock
        let poller = FeedPoller(store: store, fetcher: fetcher, now: { now })
        let report = try await poller.poll(feeds)
        let outcome = try #require(report.outcomes.first)
        #expect(outcome.status == .fetched && outcome.items == 3 && outcome.newItems == 3)
        // The full-content item from the feed, the ferry from its page, the robots-forbidden item from its summary.
        #expect(outcome.added == 3, "\(outcome)")
        #expect(outcome.pagesFetched == 1 && outcome.pageProblems.isEmpty)
        #expect(outcome.nextCheck == clock.addingTimeInterval(3600), "Cache-Control max-age=3600 beats ttl 45")

        let articles = try await store.articles(ArticleQuery(limit: 10))
        let dam = try #require(articles.first { $0.title.hasPrefix("Dam inspectors") })
        #expect(dam.title == "Dam inspectors find cracks in the north wall")
        #expect(
            dam.authors == ["Mira Holt"] && dam.source == "Lakeside Courier" && dam.language == .init(rawValue: "en"))
        #expect(dam.url == site.url("/news/dam-cracks"), "utm_* parameters are stripped")
        #expect(dam.text.components(separatedBy: "\n\n").count == 3 && !dam.text.contains("alert"))
        let damItems = try await store.feedItems(of: dam.id)
        #expect(damItems.first?.categories == ["Infrastructure", "Safety"])
        #expect(
            damItems.first?.enclosures == [
                FeedItemEnclosure(url: site.url("/img/dam.jpg"), type: "image/jpeg", length: 51234)
            ])

        let ferry = try #require(articles.first { $0.title.hasPrefix("Ferry") })
        #expect(ferry.text.contains("harbour master Ellen Voss") && !ferry.text.contains("All rights reserved"))
        #expect(ferry.source == "Northern Wire", "an item crediting another outlet is that outlet's")
        #expect(ferry.authors == ["Tom Avery"], "the page fills what the feed lacks")
        #expect(ferry.format == .html)
        #expect(try await store.feedItems(of: ferry.id).first?.creditedSourceURL == "https://wire.example/rss")

        let budget = try #require(articles.first { $0.title.hasPrefix("Members-only") })
        #expect(budget.text.hasPrefix("The town's draft budget"))
        #expect(!site.server.requests.contains { $0.path.hasPrefix("/private/") })

        // Nothing changed: a 304, no page fetched again, nothing stored twice.
        let requestsBefore = site.server.requests.count
        let again = try await poller.poll(try await store.feeds())
        #expect(again.outcomes.first?.status == .unchanged && again.added == 0)
        #expect(site.server.requests.count == requestsBefore + 1)
        // A new version of the feed with the same items: no page is fetched again, nothing is duplicated.
        site.feedVersion.withLock { $0 = "v2" }
        let third = try await poller.poll(try await store.feeds())
        #expect(third.outcomes.first?.newItems == 0 && third.added == 0)
        #expect(!site.server.requests.dropFirst(requestsBefore).contains { $0.path == "/news/ferry" })
        let record = try #require(try await store.feeds().first)
        #expect(record.failures == 0 && record.etag == "\"v2\"" && record.itemCount == 3 && record.articleCount == 3)
        #expect(record.title == "Lakeside Courier")
        await fetcher.shutdown()
        await site.stop()
    }

    @Test func badFeedsFailAloneWithTheirReasonsAndBackOff() async throws {
        let site = try await TestSite.start()
        let folder = try TemporaryFolder()
        let store = try NewsDatabase.open(path: folder.file("feeds.sqlite"))
        // NB: 5 s, not 2: the timeout covers news.rss's page fetches too, and under a full suite's load one took
        // over 2 s (twice), so it stored 2 of its 3 items.
        let fetcher = HTTPFetcher(policy: .testing(timeout: .seconds(5)))
        let paths = ["/feeds/news.rss", "/broken.xml", "/html-feed", "/huge", "/slow", "/error", "/loop/a", "/busy"]
        let feeds = try await subscribe(store, paths.map(site.url))
        var options = FeedPollOptions()
        options.maxFeedBytes = 10 << 20
        let now = clock
        let poller = FeedPoller(store: store, fetcher: fetcher, options: options, now: { now })
        let started = ContinuousClock.now
        let report = try await poller.poll(feeds)
        // The slow host (30 s) times out at 5 s; nothing else waits for it.
        #expect(ContinuousClock.now - started < .seconds(12))
        let byPath = Dictionary(
            uniqueKeysWithValues: report.outcomes.map { ($0.url.replacingOccurrences(of: site.url(""), with: ""), $0) })
        #expect(byPath["/feeds/news.rss"]?.status == .fetched && byPath["/feeds/news.rss"]?.added == 3)
        #expect(
            byPath["/broken.xml"]?.errorCode == "feed.malformed"
                || byPath["/broken.xml"]?.errorCode == "feed.unknown-format")
        #expect(byPath["/html-feed"]?.errorCode == "feed.html")
        #expect(byPath["/huge"]?.errorCode == "fetch.too-large")
        #expect(byPath["/slow"]?.errorCode == "fetch.timeout")
        #expect(byPath["/error"]?.errorCode == "fetch.http-status" && byPath["/error"]?.httpStatus == 500)
        #expect(byPath["/loop/a"]?.errorCode == "fetch.too-many-redirects")
        #expect(report.failed == 7)
        for outcome in report.outcomes where outcome.status == .failed {
            #expect(outcome.error?.contains(site.url("")) == true, "the reason names the feed: \(outcome.error ?? "")")
        }

        let stored = try await store.feeds()
        let error = try #require(stored.first { $0.url == site.url("/error") })
        #expect(error.failures == 1 && error.errorCode == "fetch.http-status")
        #expect(error.nextCheck == clock.addingTimeInterval(600), "first retry after 10 minutes")
        let busy = try #require(stored.first { $0.url == site.url("/busy") })
        #expect(busy.nextCheck == clock.addingTimeInterval(7200), "Retry-After is honoured")
        // Only the good feed is due right after; a second failure doubles the wait.
        #expect(try await store.dueFeeds(at: clock).isEmpty)
        let later = clock.addingTimeInterval(601)
        let retry = FeedPoller(store: store, fetcher: fetcher, options: options, now: { later })
        _ = try await retry.poll([error])
        let twice = try #require(try await store.feeds().first { $0.url == site.url("/error") })
        #expect(twice.failures == 2 && twice.nextCheck == later.addingTimeInterval(1200))
        await fetcher.shutdown()
        await site.stop()
    }

    @Test func discoveryFindsTheFeedBehindAHomePage() async throws {
        let site = try await TestSite.start()
        let fetcher = HTTPFetcher(policy: .testing())
        let found = try await FeedDiscoverer(fetcher: fetcher).find(site.url("/")).get()
        #expect(found.url == site.url("/feeds/news.rss"))
        #expect(found.feed.items.count == 3)
        #expect(found.alternatives.map(\.url) == [site.url("/feeds/sport.atom")])
        let direct = try await FeedDiscoverer(fetcher: fetcher).find(site.url("/feeds/news.rss")).get()
        #expect(direct.url == site.url("/feeds/news.rss") && direct.alternatives.isEmpty)
        if case .failure(let failure) = await FeedDiscoverer(fetcher: fetcher).find(site.url("/broken.xml")) {
            #expect(failure.reason.contains("/broken.xml"))
        } else {
            Issue.record("a broken feed was accepted")
        }
        await fetcher.shutdown()
        await site.stop()
    }
}
