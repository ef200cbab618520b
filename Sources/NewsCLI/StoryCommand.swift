internal import ArgumentParser
internal import Foundation
internal import NewsCompare
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// `corroborate story ID`: the comparison of one story's coverage.
struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Compare a story's coverage: what independent origins corroborate, figures, quotes, framing.",
        discussion: """
            ID is a story's id (as `corroborate stories` lists it) or the id of any article in it. Claims are \
            sentences carrying a name, a number, a date or a quote, aligned across the articles; a claim is \
            corroborated when two or more independent origins report it (wire copies of one text and outlets \
            of one owner count once: set owners with `corroborate sources set`), contested when their figures \
            cannot both be true, single-source otherwise. Every item cites its article and character offsets.

            Formats: markdown (default), html (one self-contained page), json (schema corroborate.story.v1, \
            docs/JSON.md), csv (every cited span, one per row). Articles not yet analysed are analysed first \
            and the analyses kept.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json, csv
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The story's id, or an article's id (with or without #).")
    var id: String

    @Option(help: "markdown, html, json or csv.")
    var format: Format = .markdown

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        _ = try parseID(id, "a story")
    }

    func run() async throws {
        let storyID = try parseID(id, "a story")
        let database: any ArticleStore
        do {
            database = try await global.openDatabase()
            _ = try await StoryClustering.clusterPending(in: database)
        } catch {
            throw ErrorRendering.report(error)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let comparison: StoryComparison
        do {
            let result = try await StoryCoverage(store: database).compare(storyID)
            comparison = result.comparison
            if result.analysed > 0 && Terminal.stderrIsTerminal {
                Terminal.message("analysed \(result.analysed) article(s) first; the analyses are kept")
            }
        } catch {
            switch error {
            case .noSuchStory(let id):
                Terminal.message(
                    "error: \(id) is neither a story nor an article in one in \(global.databaseShown); "
                        + "list stories with: corroborate stories")
                throw ErrorRendering.failure
            case .store(let error):
                throw ErrorRendering.report(error)
            }
        }
        let rendered: Data
        switch format {
        case .markdown: rendered = Data(MarkdownRenderer.render(comparison).utf8)
        case .html: rendered = Data(HTMLRenderer.render(comparison).utf8)
        case .json: rendered = ComparisonJSON.encode(comparison) + Data("\n".utf8)
        case .csv: rendered = Data(CSVRenderer.render(comparison).utf8)
        }
        guard let output else {
            FileHandle.standardOutput.write(rendered)
            return
        }
        do {
            try rendered.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.message("error: cannot write \(output): \(error.localizedDescription)")
            Terminal.message("hint: check that the folder exists and is writable, or leave out --output")
            throw ErrorRendering.failure
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        Terminal.message(
            "wrote \(output) (\(format.rawValue)): \(comparison.articles.count) articles, "
                + "\(comparison.articleOrigins.count) origins, \(comparison.claims.count) claims, "
                + String(format: "%.0f ms", milliseconds))
    }
}
