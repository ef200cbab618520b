internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsStore

/// `corroborate search QUERY`: full-text search over titles and bodies.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search stored articles, best matches first.",
        discussion: """
            Words match by their stems in each article's language ("strikes" finds "strike") and all must \
            occur. "quoted words" match as a phrase, word* matches a prefix, a OR b matches either, \
            -word excludes. Ranked by bm25; title matches weigh more than body matches.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to look for.")
    var query: [String]

    @Option(help: "Show at most this many hits.")
    var limit: Int = 20

    @Flag(help: "Print one JSON document (schema corroborate.search.v1, docs/JSON.md).")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let text = query.joined(separator: " ")
        let hits: [SearchHit]
        do {
            hits = try await global.openDatabase().search(SearchQuery(text, limit: limit))
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(
                JSONOutput.SearchResults(
                    query: text,
                    hits: hits.map {
                        .init(
                            article: .init($0.article), score: $0.score, snippet: $0.snippet.text,
                            highlights: $0.snippet.highlights.map { [$0.lowerBound, $0.upperBound] })
                    }))
            return
        }
        guard !hits.isEmpty else {
            Terminal.message("No articles match \(text).")
            return
        }
        let styled = Terminal.stdoutIsStyled
        for (number, hit) in hits.enumerated() {
            if number > 0 { Terminal.output() }
            var facts = [hit.article.id.description, hit.article.source ?? "unknown outlet"]
            if let published = hit.article.published { facts.append(ArticlesCommand.day(published)) }
            facts.append("score " + String(format: "%.3g", hit.score))
            Terminal.output(Terminal.dim(facts.joined(separator: " · "), styled: styled))
            Terminal.output("  " + Terminal.bold(hit.article.title, styled: styled))
            let snippet =
                styled
                ? hit.snippet.rendered(before: "\u{1B}[1;33m", after: "\u{1B}[0m")
                : hit.snippet.rendered(before: "[", after: "]")
            Terminal.output("  " + snippet)
        }
        Terminal.message("\(hits.count) match\(hits.count == 1 ? "" : "es")")
    }
}
