internal import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.storyArticles(_:)`.
    public func storyArticles(
        _ story: ArticleID
    ) async throws(StoreError) -> (
        story: ArticleID, articles: [StoryAssignment]
    )? {
        try await read("reading a story") { db in
            // Follow merges; a cycle cannot happen (a story merges into a live one), but stop anyway.
            var current = story.rawValue
            for _ in 0..<64 {
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT merged_into FROM story WHERE id = ?", arguments: [current])
                else { return nil }
                guard let next = row["merged_into"] as Int64? else { break }
                current = next
            }
            let assignments = try Row.fetchAll(
                db,
                sql: """
                    SELECT article_id, origin_id, relation, score, reason FROM story_article
                    WHERE story_id = ? ORDER BY article_id
                    """,
                arguments: [current]
            ).map { row in
                StoryAssignment(
                    article: ArticleID(row["article_id"] as Int64), story: ArticleID(current),
                    origin: ArticleID(row["origin_id"] as Int64), relation: row["relation"], score: row["score"],
                    reason: row["reason"])
            }
            return (ArticleID(current), assignments)
        }
    }

    /// See `ArticleStore.sources()`.
    public func sources() async throws(StoreError) -> [SourceRecord] {
        try await read("listing outlets") { db in
            try Row.fetchAll(
                db,
                sql: Self.sourceColumns + " ORDER BY source.name COLLATE NOCASE"
            ).map(Self.sourceRecord)
        }
    }

    /// See `ArticleStore.updateSource(named:_:)`.
    public func updateSource(named name: String, _ update: SourceUpdate) async throws(StoreError) -> SourceRecord? {
        do {
            return try await writer.write { db in
                guard try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE name = ?", arguments: [name]) != nil
                else { return nil }
                func set(_ column: String, _ value: String?) throws {
                    guard let value else { return }
                    let trimmed = value.trimmingCharacters(in: .whitespaces)
                    try db.execute(
                        sql: "UPDATE source SET \(column) = ? WHERE name = ?",
                        arguments: [trimmed.isEmpty ? nil : trimmed, name])
                }
                try set("domain", update.domain)
                try set("country", update.country)
                try set("owner", update.owner)
                if let kind = update.kind { try set("kind", kind?.rawValue ?? "") }
                try db.execute(sql: "DELETE FROM story_rendering")
                return try Row.fetchOne(
                    db,
                    sql: Self.sourceColumns + " WHERE name = ?",
                    arguments: [name]
                ).map(Self.sourceRecord)
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "updating the outlet \(name)")
        }
    }

    /// The registry's columns and each outlet's article count, to be followed by a filter or order.
    private static let sourceColumns = """
        SELECT source.name, source.domain, source.country, source.owner, source.kind,
            (SELECT count(*) FROM article WHERE article.source_id = source.id) AS articles
        FROM source
        """

    private static func sourceRecord(_ row: Row) -> SourceRecord {
        SourceRecord(
            name: row["name"], domain: row["domain"], country: row["country"], owner: row["owner"],
            kind: (row["kind"] as String?).flatMap(SourceKind.init(rawValue:)), articleCount: row["articles"])
    }
}
