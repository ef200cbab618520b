internal import GRDB
internal import NewsCore

/// One FTS5 table per stemming algorithm, each an external-content index over `article(title, body)`.
///
/// NB: FTS5 in SQLite 3.40 gives a tokenizer no per-row locale, so stemming per language needs a table per
/// language; the query is then stemmed by each table's own rules. Tables are made on first use and
/// recorded in `fts_index`, which `search` reads to know where to look.
struct FullTextIndex: Hashable, Sendable {
    /// The Snowball algorithm, or `none`.
    let algorithm: String

    /// The index for a language: its Snowball algorithm, or the folding-only index.
    init(language: LanguageCode?) {
        algorithm = language?.snowballAlgorithm ?? SnowballTokenizer.noStemming
    }

    init(algorithm: String) { self.algorithm = algorithm }

    /// The FTS5 table's name; algorithm names are lower-case ASCII letters, so it needs no quoting.
    var tableName: String { "article_fts_\(algorithm)" }

    /// Creates the table and records it, unless it exists.
    func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE IF NOT EXISTS \(tableName) USING fts5(
                    title, body, content='article', content_rowid='id',
                    tokenize='\(SnowballTokenizer.name) \(algorithm)')
                """)
        try db.execute(
            sql: "INSERT OR IGNORE INTO fts_index(algorithm, table_name) VALUES (?, ?)",
            arguments: [algorithm, tableName])
    }

    /// Every index the database has.
    static func all(_ db: Database) throws -> [FullTextIndex] {
        try String.fetchAll(db, sql: "SELECT algorithm FROM fts_index ORDER BY algorithm").map(
            FullTextIndex.init(algorithm:))
    }
}
