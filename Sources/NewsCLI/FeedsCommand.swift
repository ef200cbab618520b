internal import ArgumentParser
internal import Foundation
internal import NewsFeeds
internal import NewsFetch
internal import NewsIngest
internal import NewsStore

/// `corroborate feeds`: subscriptions (RSS, Atom, JSON Feed), OPML in and out.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Subscribe to feeds, list and remove them, import and export OPML.",
        discussion: """
            Every feed belongs to an outlet in the source registry (corroborate sources). `corroborate fetch` \
            polls the feeds that are due and stores their new articles.
            """,
        subcommands: [
            FeedsListCommand.self, FeedsAddCommand.self, FeedsRemoveCommand.self, FeedsImportCommand.self,
            FeedsExportCommand.self,
        ],
        defaultSubcommand: FeedsListCommand.self)
}

/// `corroborate feeds add URL...`.
struct FeedsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Subscribe to feeds, given their address or their site's.",
        discussion: """
            The address is read first: a feed is subscribed to as is; a web page is searched for the feeds it \
            announces (<link rel="alternate">, else the usual /feed, /rss.xml ... paths) and the first is taken. \
            The outlet is --source, else the registry's outlet with the site's domain, else the feed's title.
            Example: corroborate feeds add https://www.voanews.com --source VOA
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Feed or site addresses.", valueName: "url"))
    var urls: [String]

    @Option(help: ArgumentHelp("The outlet the feeds belong to.", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp("A folder to file them in (a/b for nested folders).", valueName: "name"))
    var folder: String?

    @Option(name: .customLong("category"), help: ArgumentHelp("A category (repeatable).", valueName: "name"))
    var categories: [String] = []

    @Flag(help: "Subscribe without reading the addresses first (they must be feed addresses).")
    var noCheck = false

    @OptionGroup var fetching: FetchOptions

    @Flag(help: "Print the subscriptions as JSON (schema corroborate.feeds.v1).")
    var json = false

    func run() async throws {
        let database = try await global.openStore()
        let fetcher = HTTPFetcher(policy: fetching.policy)
        var subscriptions: [NewFeed] = []
        var failed = 0
        let outlets = (try? await database.sources()) ?? []
        for address in urls {
            if noCheck {
                guard let url = FeedURL.clean(address.contains("://") ? address : "https://" + address) else {
                    Terminal.message("error: \(address) is not an http(s) address")
                    failed += 1
                    continue
                }
                let host = URLComponents(string: url)?.host ?? url
                subscriptions.append(
                    NewFeed(url: url, source: source ?? host, folder: folder, categories: categories))
                continue
            }
            switch await FeedDiscoverer(fetcher: fetcher).find(address) {
            case .failure(let failure):
                Terminal.message("error: \(failure.reason) [\(failure.code)]")
                if failure.code == FetchError.Code.refusedAddress.rawValue {
                    Terminal.message(FetchOptions.privateHint)
                }
                failed += 1
            case .success(let found):
                if !json {
                    let title = found.feed.title.map { " \"\($0)\"" } ?? ""
                    Terminal.message(
                        "found \(found.feed.format.rawValue) feed\(title) at \(found.url) "
                            + "(\(found.feed.items.count) items)")
                    for other in found.alternatives.prefix(5) {
                        Terminal.message("  also announced: \(other.url)" + (other.title.map { " (\($0))" } ?? ""))
                    }
                }
                subscriptions.append(
                    found.subscription(source: source, among: outlets, folder: folder, categories: categories))
            }
        }
        await fetcher.shutdown()
        let results: [FeedAddResult]
        do {
            results = try await database.addFeeds(subscriptions, at: Date())
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(FeedsListCommand.Document(feeds: results.map(\.record)))
        } else {
            for result in results {
                switch result {
                case .added(let record):
                    Terminal.output("subscribed: [\(record.id)] \(record.url) (outlet: \(record.source))")
                case .existing(let record):
                    Terminal.output("already subscribed: [\(record.id)] \(record.url) (outlet: \(record.source))")
                }
            }
            if !results.isEmpty { Terminal.message("next: corroborate fetch") }
        }
        if failed > 0 { throw results.isEmpty ? ErrorRendering.failure : ErrorRendering.partial }
    }
}

/// `corroborate feeds [list]`.
struct FeedsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the subscriptions with their state.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document (schema corroborate.feeds.v1, docs/JSON.md).")
    var json = false

    struct Document: Encodable {
        var schema = "corroborate.feeds.v1"
        var feeds: [FeedRecord]
    }

    func run() async throws {
        let feeds: [FeedRecord]
        do {
            feeds = try await global.openDatabase().feeds()
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(Document(feeds: feeds))
            return
        }
        guard !feeds.isEmpty else {
            Terminal.output("no feeds yet; subscribe with: corroborate feeds add URL (or feeds import FILE.opml)")
            return
        }
        let now = Date()
        let styled = Terminal.stdoutIsStyled
        let rows = feeds.map { feed in
            [
                String(feed.id), feed.source, Self.state(feed), feed.lastChecked.map { Self.ago($0, now) } ?? "never",
                feed.nextCheck.map { $0 <= now ? "due" : "in " + Self.span($0.timeIntervalSince(now)) } ?? "due",
                String(feed.articleCount), feed.url,
            ]
        }
        let table = TextTable(
            header: ["id", "outlet", "state", "checked", "next", "articles", "url"], rows: rows, rightAligned: [0, 5])
        Terminal.output(Terminal.bold(table.line(table.header), styled: styled))
        for (feed, row) in zip(feeds, rows) {
            Terminal.output(table.line(row))
            if let error = feed.error { Terminal.output(Terminal.dim("    \(error)", styled: styled)) }
        }
        let failing = feeds.count { $0.failures > 0 }
        Terminal.message(
            "\(feeds.count) feed(s)" + (failing > 0 ? ", \(failing) failing (they are retried with back-off)" : ""))
    }

    static func state(_ feed: FeedRecord) -> String {
        if feed.failures > 0 { return "failing ×\(feed.failures): \(feed.errorCode ?? "error")" }
        if feed.lastChecked == nil { return "new" }
        return feed.lastStatus == 304 ? "ok (unchanged)" : "ok"
    }

    static func ago(_ date: Date, _ now: Date) -> String { span(now.timeIntervalSince(date)) + " ago" }

    /// `45 s`, `12 min`, `3 h`, `2 d`.
    static func span(_ seconds: TimeInterval) -> String {
        let seconds = max(0, seconds)
        if seconds < 90 { return "\(Int(seconds)) s" }
        if seconds < 5400 { return "\(Int(seconds / 60)) min" }
        if seconds < 172_800 { return "\(Int(seconds / 3600)) h" }
        return "\(Int(seconds / 86400)) d"
    }
}

/// `corroborate feeds remove ID|URL...`.
struct FeedsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe; the articles already stored stay.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Feed ids (as `feeds list` shows them) or addresses.", valueName: "feed"))
    var feeds: [String]

    func run() async throws {
        var missing = 0
        do {
            let database = try await global.openDatabase()
            let known = try await database.feeds()
            for feed in feeds {
                let match =
                    Int64(feed.trimmingPrefix("#")).flatMap { id in known.first { $0.id == id } }
                    ?? known.first { $0.url == feed || $0.url == FeedURL.clean(feed) }
                guard let match, let removed = try await database.removeFeed(match.id) else {
                    Terminal.message(
                        "error: no feed '\(feed)' in \(global.databaseShown); list them with: corroborate feeds")
                    missing += 1
                    continue
                }
                Terminal.output("removed: [\(removed.id)] \(removed.url) (\(removed.articleCount) articles kept)")
            }
        } catch {
            throw ErrorRendering.report(error)
        }
        if missing > 0 { throw missing == feeds.count ? ErrorRendering.failure : ErrorRendering.partial }
    }
}
