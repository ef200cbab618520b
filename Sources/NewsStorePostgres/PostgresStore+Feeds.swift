public import Foundation
internal import Logging
public import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.addFeeds(_:at:)`.
    public func addFeeds(_ feeds: [NewFeed], at date: Date) async throws(StoreError) -> [FeedAddResult] {
        try await transaction("adding feeds") { [logger] connection in
            var results: [FeedAddResult] = []
            for feed in feeds {
                if let existing = try await Self.feedRecords(connection, logger, where: "feed.url = \(feed.url)").first
                {
                    results.append(.existing(existing))
                    continue
                }
                let sourceID =
                    try await Self.sourceIDs([feed.source], connection, logger)[feed.source.lowercased()] ?? 0
                if let domain = feed.siteURL.flatMap(Self.domain(of:)) {
                    try await connection.all(
                        "UPDATE source SET domain = \(domain) WHERE id = \(sourceID) AND domain IS NULL", logger)
                }
                let id =
                    try await connection.all(
                        """
                        INSERT INTO feed (url, source_id, title, site_url, folder, categories, added_at)
                        VALUES (\(feed.url), \(sourceID), \(feed.title), \(feed.siteURL), \(feed.folder),
                            \(PostgresArticleRow.jsonArray(feed.categories)), \(date))
                        RETURNING id
                        """, logger
                    ).first?.decode(Int64.self) ?? 0
                guard let record = try await Self.feedRecords(connection, logger, where: "feed.id = \(id)").first else {
                    throw StoreError.failed("feeds", operation: "adding \(feed.url)", reason: "it vanished")
                }
                results.append(.added(record))
            }
            return results
        }
    }

    /// See `ArticleStore.feeds()`.
    public func feeds() async throws(StoreError) -> [FeedRecord] {
        try await transaction("listing feeds") { [logger] connection in
            try await Self.feedRecords(connection, logger, order: "lower(source.name), feed.url")
        }
    }

    /// See `ArticleStore.dueFeeds(at:)`.
    public func dueFeeds(at date: Date) async throws(StoreError) -> [FeedRecord] {
        try await transaction("listing due feeds") { [logger] connection in
            try await Self.feedRecords(
                connection, logger, where: "feed.next_check_at IS NULL OR feed.next_check_at <= \(date)",
                order: "feed.next_check_at NULLS FIRST, feed.id")
        }
    }

    /// See `ArticleStore.leaseDueFeeds(at:until:limit:)`.
    ///
    /// NB: `FOR UPDATE SKIP LOCKED`: a worker leasing at the same moment skips the rows this one is taking
    /// instead of waiting for them, then finds them leased; workers never share a feed and never queue.
    public func leaseDueFeeds(at date: Date, until: Date, limit: Int) async throws(StoreError) -> [FeedRecord] {
        try await transaction("leasing due feeds") { [logger] connection in
            let ids = try await connection.all(
                """
                SELECT id FROM feed WHERE next_check_at IS NULL OR next_check_at <= \(date)
                ORDER BY next_check_at NULLS FIRST, id LIMIT \(max(0, limit))
                FOR UPDATE SKIP LOCKED
                """, logger
            ).map { try $0.decode(Int64.self) }
            guard !ids.isEmpty else { return [] }
            let due = try await Self.feedRecords(
                connection, logger, where: "feed.id = ANY(\(ids))", order: "feed.next_check_at NULLS FIRST, feed.id")
            try await connection.all("UPDATE feed SET next_check_at = \(until) WHERE id = ANY(\(ids))", logger)
            return due
        }
    }

    /// See `ArticleStore.removeFeed(_:)`.
    public func removeFeed(_ id: Int64) async throws(StoreError) -> FeedRecord? {
        try await transaction("removing feed \(id)") { [logger] connection in
            guard let record = try await Self.feedRecords(connection, logger, where: "feed.id = \(id)").first else {
                return nil
            }
            try await connection.all("DELETE FROM feed WHERE id = \(id)", logger)
            return record
        }
    }

    /// See `ArticleStore.settledFeedItems(of:)`.
    public func settledFeedItems(of feed: Int64) async throws(StoreError) -> Set<String> {
        let rows = try await rows(
            "reading a feed's items",
            """
            SELECT key FROM feed_item
            WHERE feed_id = \(feed) AND (article_id IS NOT NULL OR attempts >= \(Self.maxItemAttempts))
            """)
        return Set(try decoded("reading a feed's items", rows) { try $0.decode(String.self) })
    }

    /// Items whose page failed this many times are not tried again (as on SQLite).
    static let maxItemAttempts = 3

    /// See `ArticleStore.saveFeedPoll(_:)`.
    public func saveFeedPoll(_ poll: FeedPoll) async throws(StoreError) {
        try await transaction("saving a poll of feed \(poll.feed)") { [logger] connection in
            if poll.succeeded {
                try await connection.all(
                    """
                    UPDATE feed SET last_checked_at = \(poll.checked), last_success_at = \(poll.checked),
                        next_check_at = \(poll.nextCheck), failures = 0, error_code = NULL, error = NULL,
                        last_status = \(poll.status), etag = coalesce(\(poll.etag), etag),
                        last_modified = coalesce(\(poll.lastModified), last_modified),
                        title = coalesce(\(poll.title), title), site_url = coalesce(\(poll.siteURL), site_url)
                    WHERE id = \(poll.feed)
                    """, logger)
            } else {
                try await connection.all(
                    """
                    UPDATE feed SET last_checked_at = \(poll.checked), next_check_at = \(poll.nextCheck),
                        failures = failures + 1, error_code = \(poll.errorCode), error = \(poll.error),
                        last_status = \(poll.status)
                    WHERE id = \(poll.feed)
                    """, logger)
            }
            try await Self.upsertItems(poll.items, of: poll.feed, seen: poll.checked, connection, logger)
        }
    }

    /// See `ArticleStore.saveFeedItems(_:of:seen:)`.
    public func saveFeedItems(_ items: [FeedItemRecord], of feed: Int64, seen: Date) async throws(StoreError) {
        guard !items.isEmpty else { return }
        try await transaction("saving items of feed \(feed)") { [logger] connection in
            try await Self.upsertItems(items, of: feed, seen: seen, connection, logger)
        }
    }

    /// Records `items` of `feed`: new ones inserted, known ones given their article (if any), problem and one
    /// more attempt.
    private static func upsertItems(
        _ items: [FeedItemRecord], of feed: Int64, seen: Date, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for item in items {
            let enclosures = (try? JSONEncoder().encode(item.enclosures)).map { String(decoding: $0, as: UTF8.self) }
            try await connection.all(
                """
                INSERT INTO feed_item (feed_id, key, article_id, url, categories, credited_source,
                    credited_source_url, enclosures, problem, first_seen_at, last_seen_at)
                VALUES (\(feed), \(item.key), \(item.article?.rawValue), \(item.url),
                    \(PostgresArticleRow.jsonArray(item.categories)), \(item.creditedSource),
                    \(item.creditedSourceURL), \(enclosures ?? "[]"), \(item.problem), \(seen), \(seen))
                ON CONFLICT (feed_id, key) DO UPDATE SET
                    article_id = coalesce(excluded.article_id, feed_item.article_id), problem = excluded.problem,
                    attempts = feed_item.attempts + 1, last_seen_at = excluded.last_seen_at
                """, logger)
        }
    }

    /// See `ArticleStore.feedItems(of:)`.
    public func feedItems(of article: ArticleID) async throws(StoreError) -> [FeedItemRecord] {
        let rows = try await rows(
            "reading an article's feed items",
            """
            SELECT key, article_id, url, categories, credited_source, credited_source_url, enclosures, problem
            FROM feed_item WHERE article_id = \(article.rawValue) ORDER BY feed_id
            """)
        return try decoded("reading an article's feed items", rows) { row in
            let (key, id, url, categories, credited, creditedURL, enclosures, problem) = try row.decode(
                (String, Int64?, String?, String, String?, String?, String, String?).self)
            return FeedItemRecord(
                key: key, article: id.map { ArticleID($0) }, url: url,
                categories: PostgresArticleRow.decodeArray(categories), creditedSource: credited,
                creditedSourceURL: creditedURL,
                enclosures: (try? JSONDecoder().decode([FeedItemEnclosure].self, from: Data(enclosures.utf8))) ?? [],
                problem: problem)
        }
    }

    /// Feeds matching a condition, with their outlet and item counts.
    private static func feedRecords(
        _ connection: PostgresConnection, _ logger: Logger, where condition: PostgresQuery = "true",
        order: String = "feed.id"
    ) async throws -> [FeedRecord] {
        let sql = """
            SELECT feed.*, source.name AS source_name,
                (SELECT count(*) FROM feed_item WHERE feed_item.feed_id = feed.id) AS item_count,
                (SELECT count(*) FROM feed_item WHERE feed_item.feed_id = feed.id AND article_id IS NOT NULL)
                    AS article_count
            FROM feed JOIN source ON source.id = feed.source_id
            WHERE \(condition.sql) ORDER BY \(order)
            """
        return try await connection.all(PostgresQuery(unsafeSQL: sql, binds: condition.binds), logger).map { row in
            let row = row.makeRandomAccess()
            var record = FeedRecord(
                id: try row.value("id"), url: try row.value("url"), source: try row.value("source_name"),
                added: try row.value("added_at"))
            record.title = try row.value("title")
            record.siteURL = try row.value("site_url")
            record.folder = try row.value("folder")
            record.categories = PostgresArticleRow.decodeArray(try row.value("categories"))
            record.etag = try row.value("etag")
            record.lastModified = try row.value("last_modified")
            record.lastChecked = try row.value("last_checked_at")
            record.lastSuccess = try row.value("last_success_at")
            record.nextCheck = try row.value("next_check_at")
            record.failures = try row.value("failures")
            record.errorCode = try row.value("error_code")
            record.error = try row.value("error")
            record.lastStatus = try row.value("last_status")
            record.itemCount = try row.value("item_count")
            record.articleCount = try row.value("article_count")
            return record
        }
    }

    /// `www.voanews.com` → `voanews.com`.
    static func domain(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased(), host.contains(".") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
