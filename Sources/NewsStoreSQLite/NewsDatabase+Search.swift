internal import GRDB
internal import NewsCore
public import NewsStore

extension NewsDatabase {
    /// Searches every language's index with the query stemmed by that index's rules and merges the hits by
    /// bm25 (title matches weigh 4 times body matches). See `ArticleStore.search(_:)`.
    public func search(_ query: SearchQuery) async throws(StoreError) -> [SearchHit] {
        let location = location
        guard let expression = FullTextQuery.expression(for: query.text) else {
            throw StoreError.invalidQuery(location, query: query.text, reason: "it has no words to look for")
        }
        do {
            return try await writer.read { db in
                var hits: [SearchHit] = []
                for index in try FullTextIndex.all(db) {
                    let table = index.tableName
                    let rows = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT \(ArticleRow.columns), bm25(\(table), 4.0, 1.0) AS rank,
                                snippet(\(table), -1, char(1), char(2), '…', 24) AS snippet
                            FROM \(table) JOIN article a ON a.id = \(table).rowid
                            LEFT JOIN source s ON s.id = a.source_id
                            WHERE \(table) MATCH ? ORDER BY rank LIMIT ?
                            """,
                        arguments: [expression, query.limit])
                    for row in rows {
                        let marked: String = row["snippet"] ?? ""
                        hits.append(
                            SearchHit(
                                article: ArticleRow.article(row), score: -(row["rank"] as Double),
                                snippet: Snippet(marked: marked, open: "\u{1}", close: "\u{2}")))
                    }
                }
                hits.sort { ($0.score, $1.article.id) > ($1.score, $0.article.id) }
                return Array(hits.prefix(query.limit))
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw StoreError.invalidQuery(location, query: query.text, reason: error.message ?? "syntax error")
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "searching")
        }
    }
}
