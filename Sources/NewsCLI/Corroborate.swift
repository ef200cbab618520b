internal import ArgumentParser

/// The `corroborate` command: its subcommands are the product's CLI face.
@main
struct Corroborate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corroborate",
        abstract: "Follow one story across many outlets and see what is corroborated.",
        discussion: """
            Articles are stored in one SQLite file (see --db). Start with:
              corroborate add Samples/seeds        add the bundled sample articles
              corroborate articles                 list what is stored
              corroborate search Toner             full-text search, stemmed per language
              corroborate stories                  the stories the articles form
              corroborate story ID                 what independent origins corroborate, and where they differ
              corroborate serve                    the web UI and JSON API on http://127.0.0.1:8080
            Listing commands take --json for one stable JSON document on standard output (docs/JSON.md).
            """,
        version: "0.1.0",
        subcommands: [
            AddCommand.self, ArticlesCommand.self, ArticleCommand.self, SearchCommand.self, ExtractCommand.self,
            AnalyseCommand.self, ClusterCommand.self, StoriesCommand.self, StoryCommand.self, WhyCommand.self,
            SourcesCommand.self, FeedsCommand.self, FetchCommand.self, ServeCommand.self, TokenCommand.self,
            RejectionsCommand.self, InfoCommand.self, CheckCommand.self, BackupCommand.self,
            MigrateCommand.self,
        ]
    )
}
