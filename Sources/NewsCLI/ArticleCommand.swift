internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCore
internal import NewsStore

/// `corroborate article ID`: one article whole, or the raw input it came from.
struct ArticleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Show one stored article: its metadata and text.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article's id, as `articles` lists it (with or without #).")
    var id: String

    @Flag(help: "Print the raw input the article was parsed from, byte for byte.")
    var raw = false

    @Flag(help: "Show the stored text analysis (entities, quotes, numbers, dates); see `analyse --stored`.")
    var analysis = false

    @Flag(help: "Print one JSON document (schema corroborate.article.v1, docs/JSON.md).")
    var json = false

    func validate() throws {
        _ = try parseID(id, "an article")
    }

    func run() async throws {
        let articleID = try parseID(id, "an article")
        do {
            let database = try await global.openDatabase()
            guard let article = try await database.article(articleID) else {
                Terminal.message(
                    "error: no article \(articleID) in \(global.databaseShown); list them with: corroborate articles")
                throw ErrorRendering.failure
            }
            if analysis {
                guard let stored = try await database.analysis(of: articleID) else {
                    Terminal.message(
                        "error: article \(articleID) has no analysis yet; make one with: corroborate analyse --stored \(articleID.rawValue)"
                    )
                    throw ErrorRendering.failure
                }
                if stored.analysis.algorithm != TextAnalyzer.algorithm {
                    Terminal.message(
                        "note: analysed by \(stored.analysis.algorithm), older than \(TextAnalyzer.algorithm); "
                            + "redo it with: corroborate analyse --stored \(articleID.rawValue)")
                }
                let result = AnalysisDTO(
                    input: "#\(articleID.rawValue)", title: article.title, source: article.source,
                    published: article.published, text: article.text, analysis: stored.analysis)
                if json {
                    JSONOutput.write(AnalysisDocument(articles: [result], rejected: []))
                } else {
                    AnalysisRenderer(verbose: false).render(result)
                }
            } else if raw {
                FileHandle.standardOutput.write(Data(try await database.rawInput(of: articleID) ?? []))
            } else if json {
                JSONOutput.write(JSONOutput.ArticleDocument(article: .init(article, withText: true)))
            } else {
                render(article)
            }
        } catch let error as StoreError {
            throw ErrorRendering.report(error)
        }
    }

    private func render(_ article: Article) {
        let styled = Terminal.stdoutIsStyled
        Terminal.output(Terminal.bold(article.title, styled: styled))
        var facts = ["\(article.id)", article.source ?? "unknown outlet"]
        if let published = article.published { facts.append(ArticlesCommand.day(published)) }
        if let language = article.language { facts.append(language.rawValue) }
        facts.append("\(article.wordCount) words")
        Terminal.output(Terminal.dim(facts.joined(separator: " · "), styled: styled))
        if !article.authors.isEmpty {
            Terminal.output(Terminal.dim("by " + article.authors.joined(separator: ", "), styled: styled))
        }
        if let url = article.url { Terminal.output(Terminal.dim(url, styled: styled)) }
        Terminal.output(
            Terminal.dim("from \(article.inputName) (\(article.format.rawValue), \(article.charset))", styled: styled))
        Terminal.output()
        Terminal.output(article.text)
    }
}
