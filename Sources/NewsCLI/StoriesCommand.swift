internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// `corroborate stories`: list the stories, or change them by hand (merge, split, pin).
struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List the stories the stored articles form, or merge, split and pin them by hand.",
        subcommands: [
            StoriesListCommand.self, StoriesMergeCommand.self, StoriesSplitCommand.self, StoriesPinCommand.self,
        ],
        defaultSubcommand: StoriesListCommand.self)
}

/// `corroborate stories [list]`: the stories the stored articles form, most recently active first.
struct StoriesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stories the stored articles form (clustering any not yet in one first).",
        discussion: """
            A story is named by the id of the article that started it (stable across runs). "origins" counts \
            independent reports: copies of the same wire text count once. See why an article is where it is with:
            corroborate why ARTICLE_ID
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many stories to list.")
    var limit = 30

    @Option(help: "How many to skip (for paging).")
    var offset = 0

    @Flag(help: "Print one JSON document (schema corroborate.stories.v1, docs/JSON.md).")
    var json = false

    struct Document: Encodable {
        struct Story: Encodable {
            var id: Int64
            var title: String
            var articles: Int
            var origins: Int
            var sources: Int
            var firstSeen: Date?
            var lastSeen: Date?
            var closed: Bool
            var pinned: Bool
        }
        var schema = "corroborate.stories.v1"
        var stories: [Story]
    }

    func run() async throws {
        let stories: [StorySummary]
        do {
            let database = try await global.openDatabase()
            _ = try await StoryClustering.clusterPending(in: database)
            stories = try await database.stories(limit: limit, offset: offset)
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(
                Document(
                    stories: stories.map {
                        .init(
                            id: $0.id.rawValue, title: $0.title, articles: $0.articleCount, origins: $0.originCount,
                            sources: $0.sourceCount, firstSeen: $0.firstSeen, lastSeen: $0.lastSeen,
                            closed: $0.isClosed,
                            pinned: $0.isPinned)
                    }))
            return
        }
        guard !stories.isEmpty else {
            Terminal.output("no stories yet in \(global.databaseShown); add articles with: corroborate add FILE...")
            return
        }
        let styled = Terminal.stdoutIsStyled
        Terminal.output(Terminal.dim("story    articles origins outlets  last seen   first headline", styled: styled))
        for story in stories {
            let last = story.lastSeen.map(ArticlesCommand.day) ?? "-"
            let mark = story.isPinned ? "*" : " "
            let columns =
                "#\(story.id.rawValue)\(mark)".padding(9) + String(story.articleCount).padding(9)
                + String(story.originCount).padding(8) + String(story.sourceCount).padding(9) + last.padding(12)
            Terminal.output(columns + Terminal.truncated(story.title, to: max(20, Terminal.width - columns.count)))
        }
    }
}
