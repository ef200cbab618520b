public import Foundation
internal import NewsCore
internal import NewsExtract
internal import NewsFeeds
public import NewsFetch
public import NewsStore

/// Polls feeds: fetches each (conditionally), reads its items, fetches and extracts the pages of items that
/// carry only a summary, stores the new articles and the feed's state.
///
/// Feeds are fetched concurrently and written one at a time as they finish, each feed's articles in one
/// transaction and its state in the next; a failing feed is recorded with its error and back-off and never
/// stops the others. Items whose pages are fetched are saved in batches as they finish (without the feed's
/// new ETag, so the next poll reads the feed again and skips them). A killed run keeps every feed finished
/// before it and every batch of items saved.
public struct FeedPoller: Sendable {
    /// Where articles and feed state go.
    public let store: any ArticleStore
    /// How requests are made.
    public let fetcher: HTTPFetcher
    /// How polling behaves.
    public let options: FeedPollOptions
    /// The clock stamping polls and ingest times; the shell passes the real one.
    public let now: @Sendable () -> Date

    /// Creates a poller.
    public init(
        store: any ArticleStore, fetcher: HTTPFetcher, options: FeedPollOptions = FeedPollOptions(),
        now: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.fetcher = fetcher
        self.options = options
        self.now = now
    }

    /// Polls `feeds`; `progress` is called as each finishes.
    public func poll(
        _ feeds: [FeedRecord], progress: @escaping @Sendable (FeedPollProgress) -> Void = { _ in }
    ) async throws(StoreError) -> FeedPollReport {
        var outcomes: [FeedPollOutcome] = []
        var storeError: StoreError?
        await withTaskGroup(of: FeedWork.self) { group in
            var pending = feeds.makeIterator()
            for _ in 0..<max(1, options.concurrency) {
                guard let feed = pending.next() else { break }
                group.addTask { await work(feed) }
            }
            while let finished = await group.next() {
                do {
                    let outcome = try await save(finished)
                    outcomes.append(outcome)
                    progress(
                        FeedPollProgress(
                            done: outcomes.count, total: feeds.count, added: outcomes.reduce(0) { $0 + $1.added },
                            failed: outcomes.count { $0.status == .failed }, last: outcome))
                } catch {
                    storeError =
                        error as? StoreError ?? StoreError.failed("feeds", operation: "saving", reason: "\(error)")
                    group.cancelAll()
                    break
                }
                if let feed = pending.next() { group.addTask { await work(feed) } }
            }
        }
        if let storeError { throw storeError }
        return FeedPollReport(outcomes: outcomes)
    }

    /// What fetching one feed produced, before anything is written.
    struct FeedWork: Sendable {
        var feed: FeedRecord
        var started: ContinuousClock.Instant
        var result: Result<Fetched, FetchFailure>
    }

    struct Fetched: Sendable {
        var response: FetchResponse
        var feed: Feed?
        /// The new items not saved yet: `save` writes them with the poll.
        var articles: [(item: FeedItemRecord, draft: ArticleDraft?)] = []
        var pagesFetched = 0
        /// What the batches saved while pages were fetched.
        var saved = Saved()
        /// Why saving a batch failed, which ends the poll as a failing `save` does.
        var storeError: StoreError?
    }

    /// Counts of items written, and what they added.
    struct Saved: Sendable {
        var items = 0
        var added = 0
        var duplicates = 0
        var problems: [String] = []

        mutating func merge(_ other: Saved) {
            items += other.items
            added += other.added
            duplicates += other.duplicates
            problems += other.problems
        }
    }

    struct FetchFailure: Error {
        var code: String
        var reason: String
        var status: Int?
        var retryAfterSeconds: Int?
    }

    private func work(_ record: FeedRecord) async -> FeedWork {
        let started = ContinuousClock.now
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(
                FetchRequest(
                    url: record.url,
                    accept:
                        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
                    etag: record.etag, lastModified: record.lastModified, maxBytes: options.maxFeedBytes))
        } catch {
            return FeedWork(
                feed: record, started: started,
                result: .failure(
                    FetchFailure(
                        code: error.code.rawValue, reason: error.reason, status: error.status,
                        retryAfterSeconds: error.retryAfterSeconds)))
        }
        if response.notModified {
            return FeedWork(feed: record, started: started, result: .success(Fetched(response: response)))
        }
        let feed: Feed
        switch FeedParser().parse(response.body, contentType: response.headers["content-type"], url: response.url) {
        case .success(let parsed): feed = parsed
        case .failure(let error):
            return FeedWork(
                feed: record, started: started,
                result: .failure(
                    FetchFailure(code: error.code, reason: "\(record.url): \(error.reason)", status: response.status)))
        }
        let settled: Set<String>
        do {
            settled = try await store.settledFeedItems(of: record.id)
        } catch {
            return FeedWork(
                feed: record, started: started,
                result: .failure(FetchFailure(code: error.code, reason: error.description)))
        }
        var fetched = Fetched(response: response, feed: feed)
        var seenKeys = Set<String>()
        let fresh = feed.items.filter { !settled.contains($0.key) && seenKeys.insert($0.key).inserted }
        fetched.articles = await articles(for: fresh, feed: feed, record: record, fetched: &fetched)
        return FeedWork(feed: record, started: started, result: .success(fetched))
    }

    /// Drafts for new items: from their content when it is the article, else from their page, a few pages
    /// at a time.
    private func articles(
        for items: [FeedItem], feed: Feed, record: FeedRecord, fetched: inout Fetched
    ) async -> [(item: FeedItemRecord, draft: ArticleDraft?)] {
        let outlet = record.source
        let builder = FeedArticles(minimumContentCharacters: options.minimumContentCharacters)
        var results: [(Int, FeedItemRecord, ArticleDraft?, fetchedPage: Bool)] = []
        var needPages: [(Int, FeedItem)] = []
        for (index, item) in items.enumerated() {
            if let draft = builder.fromContent(item, feed: feed, outlet: outlet) {
                results.append((index, FeedArticles.record(item), draft, false))
            } else if options.fetchPages, item.url != nil {
                needPages.append((index, item))
            } else if let draft = builder.fromSummary(item, feed: feed, outlet: outlet) {
                results.append((index, FeedArticles.record(item), draft, false))
            } else {
                results.append(
                    (index, FeedArticles.record(item, problem: "the item has no text and no link"), nil, false))
            }
        }
        let maxPageBytes = options.maxPageBytes
        let fetcher = fetcher
        await withTaskGroup(of: (Int, FeedItemRecord, ArticleDraft?, Bool).self) { group in
            var pending = needPages.makeIterator()
            func start(_ entry: (Int, FeedItem)) {
                let (index, item) = entry
                group.addTask {
                    do throws(FetchError) {
                        let page = try await fetcher.fetchPage(
                            FetchRequest(
                                url: item.url ?? "", accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
                                maxBytes: maxPageBytes))
                        let fetchedPage = FetchedPage(
                            url: page.url, contentType: page.headers["content-type"], body: page.body)
                        switch builder.fromPage(item, feed: feed, outlet: outlet, page: fetchedPage) {
                        case .success(let draft): return (index, FeedArticles.record(item), draft, true)
                        case .failure(let rejection):
                            let problem = "\(item.url ?? ""): \(rejection.reason) (\(rejection.code))"
                            return (index, FeedArticles.record(item, problem: problem), nil, true)
                        }
                    } catch {
                        // A page robots.txt forbids will never come: its summary is the best there is.
                        if error.code == .robots, let draft = builder.fromSummary(item, feed: feed, outlet: outlet) {
                            return (index, FeedArticles.record(item), draft, false)
                        }
                        return (
                            index, FeedArticles.record(item, problem: "\(error.reason) (\(error.code.rawValue))"), nil,
                            false
                        )
                    }
                }
            }
            for _ in 0..<max(1, options.pagesPerFeed) {
                guard let entry = pending.next() else { break }
                start(entry)
            }
            var lastSave = ContinuousClock.now
            while let result = await group.next() {
                results.append((result.0, result.1, result.2, result.3))
                if result.3 { fetched.pagesFetched += 1 }
                if results.count >= max(1, options.saveEvery) || ContinuousClock.now - lastSave >= options.saveInterval
                {
                    let batch = results.sorted { $0.0 < $1.0 }.map { (item: $0.1, draft: $0.2) }
                    results.removeAll()
                    do throws(StoreError) {
                        fetched.saved.merge(try await saveBatch(batch, of: record, at: now()))
                    } catch {
                        fetched.storeError = error
                        group.cancelAll()
                        return
                    }
                    lastSave = ContinuousClock.now
                }
                if let entry = pending.next() { start(entry) }
            }
        }
        return results.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    /// Stores the drafts of `batch` as articles and records every item of it with the article it became.
    private func saveBatch(
        _ batch: [(item: FeedItemRecord, draft: ArticleDraft?)], of feed: FeedRecord, at date: Date
    ) async throws(StoreError) -> Saved {
        let (items, saved) = try await articles(of: batch, feed: feed, at: date)
        try await store.saveFeedItems(items, of: feed.id, seen: date)
        return saved
    }

    /// Stores the drafts of `batch` as articles; its items with their articles, and the counts.
    private func articles(
        of batch: [(item: FeedItemRecord, draft: ArticleDraft?)], feed: FeedRecord, at date: Date
    ) async throws(StoreError) -> ([FeedItemRecord], Saved) {
        var items = batch.map(\.item)
        var saved = Saved(items: batch.count, problems: items.compactMap(\.problem))
        let withDrafts = batch.indices.filter { batch[$0].draft != nil }
        let incoming = withDrafts.compactMap { index in
            batch[index].draft.map { IncomingArticle(draft: $0, ingested: date, inputName: feed.url) }
        }
        guard !incoming.isEmpty else { return (items, saved) }
        let results = try await store.add(incoming)
        for (index, result) in zip(withDrafts, results) {
            items[index].article = result.id
            if case .added = result { saved.added += 1 } else { saved.duplicates += 1 }
        }
        return (items, saved)
    }

    /// Writes what one feed produced and works out when it is next due.
    private func save(_ work: FeedWork) async throws(StoreError) -> FeedPollOutcome {
        let checked = now()
        var outcome = FeedPollOutcome(
            feed: work.feed.id, url: work.feed.url, source: work.feed.source, status: .fetched, nextCheck: checked)
        switch work.result {
        case .failure(let failure):
            outcome.status = .failed
            outcome.errorCode = failure.code
            outcome.error = failure.reason
            outcome.httpStatus = failure.status
            outcome.failures = work.feed.failures + 1
            outcome.nextCheck = options.schedule.nextAfterFailure(
                at: checked, failures: outcome.failures, retryAfterSeconds: failure.retryAfterSeconds)
            var poll = FeedPoll(feed: work.feed.id, checked: checked, nextCheck: outcome.nextCheck, succeeded: false)
            poll.errorCode = failure.code
            poll.error = failure.reason
            poll.status = failure.status
            try await store.saveFeedPoll(poll)
        case .success(let fetched):
            if let error = fetched.storeError { throw error }
            let headers = fetched.response.headers
            outcome.httpStatus = fetched.response.status
            outcome.nextCheck = options.schedule.next(
                after: checked, timeToLiveMinutes: fetched.feed?.timeToLiveMinutes,
                cacheControl: headers["cache-control"])
            var poll = FeedPoll(feed: work.feed.id, checked: checked, nextCheck: outcome.nextCheck, succeeded: true)
            poll.status = fetched.response.status
            if fetched.response.notModified {
                outcome.status = .unchanged
            } else {
                poll.etag = headers["etag"]
                poll.lastModified = headers["last-modified"]
                poll.title = fetched.feed?.title
                poll.siteURL = fetched.feed?.siteURL
                let (items, rest) = try await articles(of: fetched.articles, feed: work.feed, at: checked)
                var saved = fetched.saved
                saved.merge(rest)
                outcome.items = fetched.feed?.items.count ?? 0
                outcome.newItems = saved.items
                outcome.pagesFetched = fetched.pagesFetched
                outcome.pageProblems = saved.problems
                outcome.added = saved.added
                outcome.duplicates = saved.duplicates
                poll.items = items
            }
            try await store.saveFeedPoll(poll)
        }
        outcome.milliseconds = Int((ContinuousClock.now - work.started) / .milliseconds(1))
        return outcome
    }
}
