internal import Foundation
internal import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// Searches each language's articles with the query stemmed by that language's text-search configuration,
    /// ranked by `ts_rank_cd` (title words weigh 4 times body words: weights A 1.0, B 0.25), with a passage around the matches.
    /// See `ArticleStore.search(_:)`.
    public func search(_ query: SearchQuery) async throws(StoreError) -> [SearchHit] {
        guard let syntax = SearchSyntax(query.text) else {
            throw StoreError.invalidQuery("\(location)", query: query.text, reason: "it has no words to look for")
        }
        let limit = max(0, query.limit)
        return try await transaction("searching") { [logger] connection in
            var hits: [SearchHit] = []
            let configs = try await connection.all("SELECT config FROM search_index ORDER BY config", logger)
                .map { try $0.decode(String.self) }
            for config in configs {
                var binds = PostgresBindings()
                binds.append(config)
                let expression = Self.tsquery(syntax, binds: &binds)
                binds.append(limit)
                // NB: the passage is made for the page of hits only: ts_headline re-parses the whole body.
                let sql = """
                    SELECT hit.*, ts_headline($1::regconfig, hit.body, hit.query,
                        'StartSel=<<<, StopSel=>>>, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1') AS snippet
                    FROM (
                        SELECT \(PostgresArticleRow.columns), q.query,
                            ts_rank_cd('{0.025, 0.05, 0.25, 1.0}', a.search_vector, q.query) AS rank
                        FROM (SELECT \(expression) AS query) AS q, \(PostgresArticleRow.from)
                        WHERE a.search_config = $1::regconfig AND a.search_vector @@ q.query
                        ORDER BY rank DESC, a.id DESC LIMIT $\(binds.count)
                    ) AS hit
                    ORDER BY hit.rank DESC, hit.id DESC
                    """
                for row in try await connection.all(PostgresQuery(unsafeSQL: sql, binds: binds), logger) {
                    let columns = row.makeRandomAccess()
                    let passage = try columns.value("snippet", as: String.self)
                    let body = try columns.value("body", as: String.self)
                    hits.append(
                        SearchHit(
                            article: try PostgresArticleRow.article(columns),
                            score: try columns.value("rank", as: Float.self).double,
                            snippet: Snippet(
                                marked: Self.marked(passage, of: body), open: "\u{1}", close: "\u{2}")))
                }
            }
            hits.sort { ($0.score, $1.article.id) > ($1.score, $0.article.id) }
            return Array(hits.prefix(limit))
        }
    }

    /// The query as a `tsquery` expression over bound parameters (`$1` is the configuration).
    ///
    /// NB: a prefix stays as typed (the `simple` configuration only folds case): its stem would no longer be a
    /// prefix of the stems, as on SQLite.
    static func tsquery(_ syntax: SearchSyntax, binds: inout PostgresBindings) -> String {
        func term(_ term: SearchSyntax.Term) -> String {
            binds.append(term.text)
            let parameter = "$\(binds.count)"
            if term.isPrefix {
                return "to_tsquery('simple', quote_literal(lower(\(parameter)::text)) || ':*')"
            }
            return term.isPhrase
                ? "phraseto_tsquery($1::regconfig, \(parameter)::text)"
                : "plainto_tsquery($1::regconfig, \(parameter)::text)"
        }
        let groups = syntax.required.map { group in "(" + group.map(term).joined(separator: " || ") + ")" }
        let excluded = syntax.excluded.map { "!!(" + term($0) + ")" }
        return (groups + excluded).joined(separator: " && ")
    }

    /// The passage with `<<<`/`>>>` marks turned into the marker scalars `Snippet` reads, and `…` where it was
    /// cut from the body.
    static func marked(_ passage: String, of body: String) -> String {
        let text = passage.replacingOccurrences(of: "<<<", with: "\u{1}").replacingOccurrences(of: ">>>", with: "\u{2}")
        let plain = passage.replacingOccurrences(of: "<<<", with: "").replacingOccurrences(of: ">>>", with: "")
        let trimmedBody = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let head = trimmedBody.hasPrefix(plain.prefix(20)) ? "" : "…"
        let tail = trimmedBody.hasSuffix(plain.suffix(20)) ? "" : "…"
        return head + text + tail
    }
}

extension Float {
    /// The value widened, rounded to its six significant digits so it prints as PostgreSQL shows it.
    fileprivate var double: Double { Double("\(self)") ?? Double(self) }
}
