internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsStore

/// `corroborate articles`: list stored articles, newest first.
struct ArticlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles", abstract: "List stored articles, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Show at most this many.")
    var limit: Int = 50

    @Option(help: "Skip this many first.")
    var offset: Int = 0

    @Option(help: ArgumentHelp("Only this outlet's articles.", valueName: "name"))
    var source: String?

    @Flag(help: "Print one JSON document (schema corroborate.articles.v1, docs/JSON.md).")
    var json = false

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset cannot be negative") }
    }

    func run() async throws {
        let query = ArticleQuery(limit: limit, offset: offset, source: source)
        let articles: [Article]
        let total: Int
        do {
            let database = try await global.openDatabase()
            articles = try await database.articles(query)
            total = try await database.articleCount(query)
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(
                JSONOutput.ArticleList(total: total, offset: offset, limit: limit, articles: articles.map { .init($0) })
            )
            return
        }
        guard !articles.isEmpty else {
            Terminal.message(
                total == 0
                    ? "No articles stored yet. Add some with: corroborate add PATH"
                    : "No articles past --offset \(offset).")
            return
        }
        let styled = Terminal.stdoutIsStyled
        let sourceWidth = min(max(articles.map { ($0.source ?? "-").count }.max() ?? 1, 6), 18)
        let idWidth = max(articles.map { $0.id.description.count }.max() ?? 2, 3)
        let header =
            pad("ID", idWidth) + "  " + pad("PUBLISHED", 10) + "  " + pad("SOURCE", sourceWidth)
            + "  LANG  WORDS  TITLE"
        Terminal.output(Terminal.bold(header, styled: styled))
        let titleWidth = max(Terminal.width - header.count + 5, 20)
        for article in articles {
            let published = article.published.map(Self.day) ?? "-"
            let words = article.wordCount
            Terminal.output(
                pad(article.id.description, idWidth) + "  " + pad(published, 10) + "  "
                    + pad(Terminal.truncated(article.source ?? "-", to: sourceWidth), sourceWidth) + "  "
                    + pad(article.language?.rawValue ?? "-", 4) + "  " + pad(String(words), 5, right: true) + "  "
                    + Terminal.truncated(article.title, to: titleWidth))
        }
        if total > offset + articles.count {
            Terminal.message(
                "\(Terminal.count(total - offset - articles.count)) more; see --offset \(offset + articles.count)")
        }
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(width - text.count, 0))
        return right ? padding + text : text + padding
    }

    /// `2015-12-29`, in UTC.
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day())
    }
}
