public import Foundation

/// One stored value in the engine-neutral form an archive travels in between engines.
public enum TransferValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case date(Date)
}

/// A column's kind, which says how each engine reads and writes it (SQLite keeps dates as text and flags as
/// integers; PostgreSQL as `timestamptz` and `boolean`).
public enum TransferKind: Sendable, Hashable {
    case integer, real, text, blob, date, flag
}

/// A column of a copied table.
public struct TransferColumn: Sendable, Hashable {
    /// Its name, the same in every engine.
    public let name: String
    /// How its values are read and written.
    public let kind: TransferKind

    /// A column named `name` of kind `kind`.
    public init(_ name: String, _ kind: TransferKind) {
        self.name = name
        self.kind = kind
    }
}

/// A table of the archive as every engine has it: its columns (the first `keyCount` of them its primary key,
/// the order rows are copied in) and the column, if any, that points at another row of the same table.
public struct TransferTable: Sendable, Hashable {
    /// Its name, the same in every engine.
    public let name: String
    /// Its columns, the key first.
    public let columns: [TransferColumn]
    /// How many of the first columns make the primary key.
    public let keyCount: Int
    /// A column referring to a row of this table, which may come later in key order: it is copied as null with
    /// its row, and set once the whole table is there.
    public let selfReference: String?

    /// A table description.
    public init(_ name: String, key keyCount: Int = 1, selfReference: String? = nil, _ columns: [TransferColumn]) {
        self.name = name
        self.columns = columns
        self.keyCount = keyCount
        self.selfReference = selfReference
    }

    /// The key columns.
    public var key: ArraySlice<TransferColumn> { columns.prefix(keyCount) }
}

/// The tables an archive is, in an order where every row's references (but a table's own) come earlier.
///
/// NB: what each engine derives from these is not copied but rebuilt: the full-text indexes (SQLite's FTS5
/// tables, PostgreSQL's generated `tsvector` and its `search_index` counts) and the identity counters.
public enum ArchiveSchema {
    /// Every table, dependencies first.
    public static let tables: [TransferTable] = [
        TransferTable(
            "source",
            [
                .init("id", .integer), .init("name", .text), .init("domain", .text), .init("country", .text),
                .init("owner", .text), .init("kind", .text),
            ]),
        TransferTable(
            "article",
            [
                .init("id", .integer), .init("content_hash", .blob), .init("title", .text), .init("body", .text),
                .init("source_id", .integer), .init("url", .text), .init("published_at", .date),
                .init("ingested_at", .date), .init("language", .text), .init("authors", .text),
                .init("input_name", .text), .init("input_format", .text), .init("charset", .text),
            ]),
        TransferTable("article_raw", [.init("article_id", .integer), .init("bytes", .blob)]),
        TransferTable(
            "rejected_input",
            [
                .init("id", .integer), .init("input_name", .text), .init("location", .text), .init("code", .text),
                .init("reason", .text), .init("input_format", .text), .init("raw", .blob), .init("raw_size", .integer),
                .init("rejected_at", .date),
            ]),
        TransferTable(
            "article_analysis",
            [
                .init("article_id", .integer), .init("algorithm", .text), .init("analysed_at", .date),
                .init("analysis", .blob),
            ]),
        TransferTable(
            "story", selfReference: "merged_into",
            [
                .init("id", .integer), .init("merged_into", .integer), .init("closed", .flag), .init("pinned", .flag),
                .init("seq", .integer), .init("size", .integer), .init("cluster_first", .real),
                .init("cluster_last", .real), .init("profile", .blob), .init("article_count", .integer),
                .init("origin_count", .integer), .init("source_count", .integer), .init("first_seen", .date),
                .init("last_seen", .date),
            ]),
        TransferTable(
            "story_article",
            [
                .init("article_id", .integer), .init("story_id", .integer), .init("origin_id", .integer),
                .init("relation", .text), .init("score", .real), .init("reason", .text),
            ]),
        TransferTable(
            "cluster_meta",
            [
                .init("id", .integer), .init("algorithm", .text), .init("options", .blob), .init("counters", .blob),
                .init("duplicate_count", .integer), .init("clustered_through", .integer),
                .init("generation", .integer),
            ]),
        TransferTable("cluster_term", [.init("id", .integer), .init("word", .text), .init("frequency", .integer)]),
        TransferTable(
            "cluster_posting", key: 2,
            [.init("term_id", .integer), .init("position", .integer), .init("story_seq", .integer)]),
        TransferTable("cluster_kept_apart", [.init("pair", .text)]),
        TransferTable(
            "duplicate_entry",
            [
                .init("position", .integer), .init("article_id", .integer), .init("origin_position", .integer),
                .init("origin_id", .integer), .init("signature", .blob), .init("credits", .text),
            ]),
        TransferTable(
            "duplicate_bucket", key: 3, [.init("epoch", .integer), .init("key", .integer), .init("position", .integer)]),
        TransferTable(
            "feed",
            [
                .init("id", .integer), .init("url", .text), .init("source_id", .integer), .init("title", .text),
                .init("site_url", .text), .init("folder", .text), .init("categories", .text), .init("added_at", .date),
                .init("etag", .text), .init("last_modified", .text), .init("last_checked_at", .date),
                .init("last_success_at", .date), .init("next_check_at", .date), .init("failures", .integer),
                .init("error_code", .text), .init("error", .text), .init("last_status", .integer),
            ]),
        TransferTable(
            "feed_item", key: 2,
            [
                .init("feed_id", .integer), .init("key", .text), .init("article_id", .integer), .init("url", .text),
                .init("categories", .text), .init("credited_source", .text), .init("credited_source_url", .text),
                .init("enclosures", .text), .init("problem", .text), .init("attempts", .integer),
                .init("first_seen_at", .date), .init("last_seen_at", .date),
            ]),
        TransferTable(
            "saved_search",
            [.init("id", .integer), .init("name", .text), .init("query", .text), .init("created_at", .date)]),
        TransferTable(
            "api_token",
            [.init("id", .integer), .init("name", .text), .init("hash", .text), .init("created_at", .date)]
        ),
        TransferTable(
            "story_rendering", key: 2,
            [.init("story_id", .integer), .init("kind", .text), .init("fingerprint", .text), .init("body", .blob)]),
    ]
}

/// A store an archive can be copied out of and into, table by table in key order, so a copy that stops can go
/// on from the last row the destination holds.
///
/// Text keys are ordered by their bytes (SQLite's `BINARY`, PostgreSQL's `"C"`), the same in every engine.
public protocol ArchiveTransferring: ArticleStore {
    /// How many rows `table` holds.
    func transferCount(_ table: TransferTable) async throws(StoreError) -> Int

    /// Up to `limit` rows of `table` in key order, after the row whose key is `after` (from the first if `nil`);
    /// each row's values in the order of `table.columns`.
    func transferRows(
        _ table: TransferTable, after: [TransferValue]?, limit: Int
    ) async throws(StoreError) -> [[TransferValue]]

    /// The key of the last row of `table` in key order, or `nil` when it is empty.
    func lastTransferKey(_ table: TransferTable) async throws(StoreError) -> [TransferValue]?

    /// Inserts rows of `table` in one write transaction, leaving any whose key is already stored as it is, and
    /// keeps what the engine derives from them (an article's full-text entry) up to date; returns how many were
    /// new. `table.selfReference` is written as null.
    func insertTransferRows(_ table: TransferTable, _ rows: [[TransferValue]]) async throws(StoreError) -> Int

    /// Sets `table.selfReference` of the rows keyed by each pair's first values to its last value, in one write
    /// transaction.
    func setTransferReferences(_ table: TransferTable, _ rows: [[TransferValue]]) async throws(StoreError)

    /// Brings what the engine derives from a copied archive up to date (identity counters, search counts).
    func finishTransfer() async throws(StoreError)
}
