public import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.addFeeds(_:at:)`.
    public func addFeeds(_ feeds: [NewFeed], at date: Date) async throws(StoreError) -> [FeedAddResult] {
        do {
            return try await writer.write { db in
                var results: [FeedAddResult] = []
                for feed in feeds {
                    if let existing = try Self.feedRecord(db, where: "feed.url = ?", [feed.url]) {
                        results.append(.existing(existing))
                        continue
                    }
                    let sourceID = try Self.sourceRowID(named: feed.source, db)
                    if let domain = feed.siteURL.flatMap(Self.domain(of:)) {
                        try db.execute(
                            sql: "UPDATE source SET domain = ? WHERE id = ? AND domain IS NULL",
                            arguments: [domain, sourceID])
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO feed (url, source_id, title, site_url, folder, categories, added_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            feed.url, sourceID, feed.title, feed.siteURL, feed.folder,
                            Self.jsonArray(feed.categories), StoredDate.text(date),
                        ])
                    guard let record = try Self.feedRecord(db, where: "feed.id = ?", [db.lastInsertedRowID]) else {
                        throw DatabaseError(message: "feed \(feed.url) vanished while being added")
                    }
                    results.append(.added(record))
                }
                return results
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "adding feeds")
        }
    }

    /// See `ArticleStore.feeds()`.
    public func feeds() async throws(StoreError) -> [FeedRecord] {
        try await read("listing feeds") { db in
            try Row.fetchAll(db, sql: Self.feedColumns + " ORDER BY source.name COLLATE NOCASE, feed.url")
                .map(Self.feedRecord)
        }
    }

    /// See `ArticleStore.dueFeeds(at:)`.
    public func dueFeeds(at date: Date) async throws(StoreError) -> [FeedRecord] {
        let now = StoredDate.text(date)
        return try await read("listing due feeds") { db in
            try Row.fetchAll(
                db,
                sql: Self.feedColumns
                    + " WHERE feed.next_check_at IS NULL OR feed.next_check_at <= ? ORDER BY feed.next_check_at, feed.id",
                arguments: [now]
            ).map(Self.feedRecord)
        }
    }

    /// See `ArticleStore.leaseDueFeeds(at:until:limit:)`: the write lock makes the read and the lease one step.
    public func leaseDueFeeds(at date: Date, until: Date, limit: Int) async throws(StoreError) -> [FeedRecord] {
        let now = StoredDate.text(date)
        let expiry = StoredDate.text(until)
        do {
            return try await writer.write { db in
                let due = try Row.fetchAll(
                    db,
                    sql: Self.feedColumns
                        + """
                         WHERE feed.next_check_at IS NULL OR feed.next_check_at <= ?
                        ORDER BY feed.next_check_at, feed.id LIMIT ?
                        """,
                    arguments: [now, max(0, limit)]
                ).map(Self.feedRecord)
                let lease = try db.cachedStatement(sql: "UPDATE feed SET next_check_at = ? WHERE id = ?")
                for feed in due { try lease.execute(arguments: [expiry, feed.id]) }
                return due
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "leasing due feeds")
        }
    }

    /// See `ArticleStore.removeFeed(_:)`.
    public func removeFeed(_ id: Int64) async throws(StoreError) -> FeedRecord? {
        do {
            return try await writer.write { db in
                guard let record = try Self.feedRecord(db, where: "feed.id = ?", [id]) else { return nil }
                try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id])
                return record
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "removing feed \(id)")
        }
    }

    /// See `ArticleStore.settledFeedItems(of:)`.
    public func settledFeedItems(of feed: Int64) async throws(StoreError) -> Set<String> {
        try await read("reading a feed's items") { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT key FROM feed_item WHERE feed_id = ? AND (article_id IS NOT NULL OR attempts >= ?)",
                    arguments: [feed, Self.maxItemAttempts]))
        }
    }

    /// See `ArticleStore.saveFeedPoll(_:)`.
    public func saveFeedPoll(_ poll: FeedPoll) async throws(StoreError) {
        do {
            try await writer.write { db in
                let checked = StoredDate.text(poll.checked)
                if poll.succeeded {
                    try db.execute(
                        sql: """
                            UPDATE feed SET last_checked_at = ?, last_success_at = ?, next_check_at = ?, failures = 0,
                                error_code = NULL, error = NULL, last_status = ?,
                                etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
                                title = coalesce(?, title), site_url = coalesce(?, site_url)
                            WHERE id = ?
                            """,
                        arguments: [
                            checked, checked, StoredDate.text(poll.nextCheck), poll.status, poll.etag,
                            poll.lastModified, poll.title, poll.siteURL, poll.feed,
                        ])
                } else {
                    try db.execute(
                        sql: """
                            UPDATE feed SET last_checked_at = ?, next_check_at = ?, failures = failures + 1,
                                error_code = ?, error = ?, last_status = ?
                            WHERE id = ?
                            """,
                        arguments: [
                            checked, StoredDate.text(poll.nextCheck), poll.errorCode, poll.error, poll.status,
                            poll.feed,
                        ])
                }
                try Self.upsertItems(poll.items, of: poll.feed, seen: checked, in: db)
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "saving a poll of feed \(poll.feed)")
        }
    }

    /// See `ArticleStore.saveFeedItems(_:of:seen:)`.
    public func saveFeedItems(_ items: [FeedItemRecord], of feed: Int64, seen: Date) async throws(StoreError) {
        guard !items.isEmpty else { return }
        do {
            try await writer.write { db in try Self.upsertItems(items, of: feed, seen: StoredDate.text(seen), in: db) }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "saving items of feed \(feed)")
        }
    }

    /// Records `items` of `feed`: new ones inserted, known ones given their article (if any), problem and one
    /// more attempt.
    private static func upsertItems(
        _ items: [FeedItemRecord], of feed: Int64, seen checked: String, in db: Database
    )
        throws
    {
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO feed_item (feed_id, key, article_id, url, categories, credited_source,
                    credited_source_url, enclosures, problem, first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (feed_id, key) DO UPDATE SET
                    article_id = coalesce(excluded.article_id, article_id), problem = excluded.problem,
                    attempts = attempts + 1, last_seen_at = excluded.last_seen_at
                """)
        for item in items {
            let enclosures = (try? JSONEncoder().encode(item.enclosures)).map { String(decoding: $0, as: UTF8.self) }
            try upsert.execute(arguments: [
                feed, item.key, item.article?.rawValue, item.url, jsonArray(item.categories), item.creditedSource,
                item.creditedSourceURL, enclosures ?? "[]", item.problem, checked, checked,
            ])
        }
    }

    /// See `ArticleStore.feedItems(of:)`.
    public func feedItems(of article: ArticleID) async throws(StoreError) -> [FeedItemRecord] {
        try await read("reading an article's feed items") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT key, article_id, url, categories, credited_source, credited_source_url, enclosures, problem
                    FROM feed_item WHERE article_id = ? ORDER BY feed_id
                    """,
                arguments: [article.rawValue]
            ).map { row in
                FeedItemRecord(
                    key: row["key"], article: (row["article_id"] as Int64?).map { ArticleID($0) }, url: row["url"],
                    categories: Self.decodeArray(row["categories"]), creditedSource: row["credited_source"],
                    creditedSourceURL: row["credited_source_url"],
                    enclosures: (try? JSONDecoder().decode(
                        [FeedItemEnclosure].self, from: Data((row["enclosures"] as String).utf8))) ?? [],
                    problem: row["problem"])
            }
        }
    }

    /// Items whose page failed this many times are not tried again.
    static let maxItemAttempts = 3

    private static let feedColumns = """
        SELECT feed.*, source.name AS source_name,
            (SELECT count(*) FROM feed_item WHERE feed_item.feed_id = feed.id) AS item_count,
            (SELECT count(*) FROM feed_item WHERE feed_item.feed_id = feed.id AND article_id IS NOT NULL)
                AS article_count
        FROM feed JOIN source ON source.id = feed.source_id
        """

    private static func feedRecord(
        _ db: Database, where condition: String, _ arguments: StatementArguments
    ) throws
        -> FeedRecord?
    {
        try Row.fetchOne(db, sql: feedColumns + " WHERE " + condition, arguments: arguments).map(feedRecord)
    }

    private static func feedRecord(_ row: Row) -> FeedRecord {
        var record = FeedRecord(id: row["id"], url: row["url"], source: row["source_name"], added: row["added_at"])
        record.title = row["title"]
        record.siteURL = row["site_url"]
        record.folder = row["folder"]
        record.categories = decodeArray(row["categories"])
        record.etag = row["etag"]
        record.lastModified = row["last_modified"]
        record.lastChecked = row["last_checked_at"]
        record.lastSuccess = row["last_success_at"]
        record.nextCheck = row["next_check_at"]
        record.failures = row["failures"]
        record.errorCode = row["error_code"]
        record.error = row["error"]
        record.lastStatus = row["last_status"]
        record.itemCount = row["item_count"]
        record.articleCount = row["article_count"]
        return record
    }

    private static func jsonArray(_ values: [String]) -> String {
        guard !values.isEmpty, let data = try? JSONEncoder().encode(values) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func decodeArray(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// `www.voanews.com` → `voanews.com`.
    private static func domain(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased(), host.contains(".") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
