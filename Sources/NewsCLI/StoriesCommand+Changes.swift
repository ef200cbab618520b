internal import ArgumentParser
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// Runs a change and renders its failure for a person.
func applyStoryChange(_ change: StoryChange, global: GlobalOptions) async throws {
    do {
        let database = try await global.openDatabase()
        try await StoryClustering.apply(change, in: database)
    } catch let error as StoreError {
        throw ErrorRendering.report(error)
    } catch StoryChangeError.store(let error) {
        throw ErrorRendering.report(error)
    } catch StoryChangeError.refused(let reason) {
        Terminal.message("error: \(reason); list stories with: corroborate stories")
        throw ErrorRendering.failure
    }
}

/// `corroborate stories merge A B`: story A's articles join story B.
struct StoriesMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge one story into another; they stay merged.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The story to merge away (its id, as `stories` lists it).")
    var story: String

    @Argument(help: "The story that takes its articles.")
    var into: String

    func run() async throws {
        let from = try parseID(story, "a story")
        let target = try parseID(into, "a story")
        try await applyStoryChange(.merge(story: from, into: target), global: global)
        Terminal.output("story #\(from.rawValue) merged into #\(target.rawValue)")
    }
}

/// `corroborate stories split ARTICLE`: the article leaves its story for one of its own.
struct StoriesSplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Move an article out of its story into a story of its own, which never merges back.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article's id.")
    var article: String

    func run() async throws {
        let id = try parseID(article, "an article")
        try await applyStoryChange(.split(article: id), global: global)
        Terminal.output("article #\(id.rawValue) now forms story #\(id.rawValue)")
    }
}

/// `corroborate stories pin STORY`: the story never closes and never merges away.
struct StoriesPinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin", abstract: "Pin a story: it never closes and is never merged into another.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The story's id.")
    var story: String

    @Flag(help: "Unpin it instead.")
    var unpin = false

    func run() async throws {
        let id = try parseID(story, "a story")
        try await applyStoryChange(.pin(story: id, pinned: !unpin), global: global)
        Terminal.output("story #\(id.rawValue) \(unpin ? "unpinned" : "pinned")")
    }
}
