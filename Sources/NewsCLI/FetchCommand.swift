internal import ArgumentParser
internal import Foundation
internal import NewsFetch
internal import NewsIngest
internal import NewsStore

/// `corroborate fetch`: poll the feeds that are due, store what is new, then analyse and group it.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Poll the feeds that are due and store their new articles.",
        discussion: """
            Feeds are fetched conditionally (ETag, Last-Modified), a few at a time per host, with timeouts and \
            size caps. Items that carry only a summary get their page fetched (if robots.txt allows) and \
            extracted. A failing feed keeps its error (corroborate feeds) and is retried with back-off; it never \
            stops the others. New articles are then analysed and grouped into stories.

            On a terminal a progress line is shown; otherwise one structured (logfmt) line per feed that failed \
            or added articles goes to standard error. With --loop, each feed is polled again when due (its \
            ttl or Cache-Control within 10 minutes and 6 hours), until interrupted.

            Exit status: 0 when every feed worked, 3 when some failed, 1 when all failed or on a database error.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Poll every feed now, not only the due ones.")
    var all = false

    @Flag(help: "Keep polling each feed when it is due, until interrupted.")
    var loop = false

    @Option(help: ArgumentHelp("Feeds fetched at once.", valueName: "n"))
    var concurrency: Int = 32

    @Option(help: ArgumentHelp("Largest feed accepted (bytes, or with K, M, G).", valueName: "size"))
    var maxFeedSize: String = "20M"

    @Option(help: ArgumentHelp("Largest article page accepted (bytes, or with K, M, G).", valueName: "size"))
    var maxPageSize: String = "5M"

    @Flag(help: "Do not fetch the pages of items that carry only a summary.")
    var noPages = false

    @Flag(help: "Do not analyse the new articles (corroborate analyse --stored does it later).")
    var noAnalyse = false

    @Flag(help: "Do not group the new articles into stories (corroborate stories does it later).")
    var noCluster = false

    @Option(help: .hidden)
    var rounds: Int?

    @OptionGroup var fetching: FetchOptions

    @Flag(help: "Print one JSON document per round (schema corroborate.fetch.v1, docs/JSON.md).")
    var json = false

    @Flag(name: .shortAndLong, help: "Log every feed, not only those that failed or added articles.")
    var verbose = false

    func validate() throws {
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        for (name, value) in [("--max-feed-size", maxFeedSize), ("--max-page-size", maxPageSize)] {
            guard let bytes = ByteCount.parse(value), bytes > 0 else {
                throw ValidationError("\(name) '\(value)' is not a size such as 500K, 20M or 1G")
            }
        }
    }

    func run() async throws {
        let database = try await global.openStore()
        var options = FeedPollOptions()
        options.concurrency = concurrency
        options.maxFeedBytes = ByteCount.parse(maxFeedSize) ?? options.maxFeedBytes
        options.maxPageBytes = ByteCount.parse(maxPageSize) ?? options.maxPageBytes
        options.fetchPages = !noPages
        var round = 0
        while true {
            round += 1
            let report = try await poll(database, options: options, everything: all && round == 1)
            guard loop, rounds.map({ round < $0 }) ?? true else {
                if let report, report.failed > 0 {
                    throw report.failed == report.outcomes.count ? ErrorRendering.failure : ErrorRendering.partial
                }
                return
            }
            let next: Date?
            do {
                next = try await database.feeds().compactMap(\.nextCheck).min()
            } catch {
                throw ErrorRendering.report(error)
            }
            // NB: a feed added meanwhile has no next check and is due at once; look again within a minute.
            let wait = min(max((next ?? Date()).timeIntervalSinceNow, 1), 60)
            if !json, let next, next.timeIntervalSinceNow > 60, round == 1 || verbose {
                Terminal.message("waiting: next feed due \(FeedsListCommand.span(next.timeIntervalSinceNow)) from now")
            }
            try await Task.sleep(for: .seconds(wait))
        }
    }

    /// How long a poller holds the feeds it leased: a worker killed mid-round leaves them due again after this.
    static let leaseTime: TimeInterval = 15 * 60

    /// One round: the due feeds polled, then the new articles analysed and grouped.
    private func poll(
        _ database: any ArticleStore, options: FeedPollOptions, everything: Bool
    ) async throws -> FeedPollReport? {
        let started = ContinuousClock.now
        // NB: due feeds are leased a few at a time, so several `fetch` workers (other processes, other machines on
        // one PostgreSQL) share a round instead of all polling every feed; `--all` polls everything, unleased.
        let leaseChunk = max(8, concurrency * 4)
        func lease() async throws(StoreError) -> [FeedRecord] {
            let now = Date()
            return try await database.leaseDueFeeds(at: now, until: now + Self.leaseTime, limit: leaseChunk)
        }
        let feeds: [FeedRecord]
        do {
            feeds = everything ? try await database.feeds() : try await lease()
        } catch {
            throw ErrorRendering.report(error)
        }
        guard !feeds.isEmpty else {
            if !loop, !json {
                let any = (try? await database.feeds().isEmpty) == false
                Terminal.message(
                    any
                        ? "no feed is due; `corroborate fetch --all` polls them anyway (corroborate feeds shows when)"
                        : "no feeds yet; subscribe with: corroborate feeds add URL")
            }
            return nil
        }
        var policy = fetching.policy
        // NB: the policy's cap is the ceiling every request's own cap sits under.
        policy.maxBytes = max(options.maxFeedBytes, options.maxPageBytes)
        let fetcher = HTTPFetcher(policy: policy)
        let poller = FeedPoller(store: database, fetcher: fetcher, options: options, now: { Date() })
        let log = FeedLog(progress: Terminal.stderrIsTerminal && !json, verbose: verbose)
        var report: FeedPollReport
        do {
            report = try await poller.poll(feeds) { log.record($0) }
            while !everything {
                let more = try await lease()
                if more.isEmpty { break }
                report.outcomes += try await poller.poll(more) { log.record($0) }.outcomes
            }
        } catch {
            log.finish()
            await fetcher.shutdown()
            throw ErrorRendering.report(error)
        }
        await fetcher.shutdown()
        log.finish()
        let fetchSeconds = (ContinuousClock.now - started) / .seconds(1)
        var analysed = 0
        var clustering: StoryClusteringReport?
        do {
            if !noAnalyse, report.added > 0 {
                analysed = try await PendingAnalysis.run(in: database, now: { Date() }) { count in
                    log.phase("analysing: \(Terminal.count(count)) articles")
                }
                log.phase(nil)
            }
            // NB: also when nothing new came: articles an interrupted run stored unclustered are finished here.
            if !noCluster {
                clustering = try await StoryClustering.clusterPending(in: database) { count in
                    log.phase("grouping: \(Terminal.count(count)) articles")
                }
                log.phase(nil)
            }
        } catch {
            throw ErrorRendering.report(error)
        }
        let totalSeconds = (ContinuousClock.now - started) / .seconds(1)
        if json {
            JSONOutput.write(
                FetchDocument(
                    database: global.databaseShown, report: report, fetchSeconds: fetchSeconds,
                    totalSeconds: totalSeconds, analysed: analysed, clustering: clustering))
        } else {
            let duplicates = report.outcomes.reduce(0) { $0 + $1.duplicates }
            let pages = report.outcomes.reduce(0) { $0 + $1.pagesFetched }
            let pageProblems = report.outcomes.reduce(0) { $0 + $1.pageProblems.count }
            var line =
                "fetched \(Terminal.count(report.outcomes.count)) feed(s) in \(String(format: "%.1f", fetchSeconds)) s: "
                + "\(Terminal.count(report.added)) articles added, \(Terminal.count(duplicates)) already stored, "
                + "\(Terminal.count(pages)) pages read"
            if pageProblems > 0 { line += " (\(pageProblems) could not be used; retried later)" }
            line += ", \(report.unchanged) unchanged, \(report.failed) failed"
            if report.failed > 0 { line += " (corroborate feeds)" }
            Terminal.message(line)
            if report.outcomes.contains(where: { $0.errorCode == FetchError.Code.refusedAddress.rawValue }) {
                Terminal.message(FetchOptions.privateHint)
            }
            if let clustering, clustering.clustered > 0 {
                Terminal.message(
                    "stories: \(clustering.clustered) article(s) grouped: \(clustering.created) new stories, "
                        + "\(clustering.joined) joined existing ones, \(clustering.copies) copies of earlier articles "
                        + "(corroborate stories)")
            }
        }
        return report
    }
}

/// `corroborate fetch --json`: `corroborate.fetch.v1`.
struct FetchDocument: Encodable {
    var schema = "corroborate.fetch.v1"
    var database: String
    var feeds: [FeedPollOutcome]
    var added: Int
    var failed: Int
    var unchanged: Int
    var fetchSeconds: Double
    var totalSeconds: Double
    var analysed: Int
    var clustered: Int?
    var storiesCreated: Int?

    init(
        database: String, report: FeedPollReport, fetchSeconds: Double, totalSeconds: Double, analysed: Int,
        clustering: StoryClusteringReport?
    ) {
        self.database = database
        feeds = report.outcomes
        added = report.added
        failed = report.failed
        unchanged = report.unchanged
        self.fetchSeconds = fetchSeconds
        self.totalSeconds = totalSeconds
        self.analysed = analysed
        clustered = clustering?.clustered
        storiesCreated = clustering?.created
    }
}
