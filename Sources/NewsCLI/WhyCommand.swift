internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// `corroborate why ARTICLE_ID`: why an article is in its story.
struct WhyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Say why an article is in its story: the score and what they share.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article's id, as `articles` lists it (with or without #).")
    var id: String

    @Flag(help: "Print the decision as JSON (schema corroborate.why.v1).")
    var json = false

    func validate() throws {
        _ = try parseID(id, "an article")
    }

    func run() async throws {
        let articleID = try parseID(id, "an article")
        let assignment: StoryAssignment?
        let article: Article?
        do {
            let database = try await global.openDatabase()
            _ = try await StoryClustering.clusterPending(in: database)
            article = try await database.article(articleID)
            assignment = try await database.assignment(of: articleID)
        } catch {
            throw ErrorRendering.report(error)
        }
        guard let article, let assignment else {
            Terminal.message(
                "error: no article \(articleID) in \(global.databaseShown); list them with: corroborate articles")
            throw ErrorRendering.failure
        }
        let reason = (try? JSONSerialization.jsonObject(with: Data(assignment.reason.utf8))) as? [String: Any] ?? [:]
        if json {
            let document: [String: Any] = [
                "schema": "corroborate.why.v1", "article": articleID.rawValue, "story": assignment.story.rawValue,
                "origin": assignment.origin.rawValue, "relation": assignment.relation, "reason": reason,
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
            return
        }
        let styled = Terminal.stdoutIsStyled
        Terminal.output(Terminal.bold(article.title, styled: styled))
        for (index, line) in GroupingExplanation(assignment).lines.enumerated() {
            Terminal.output(index == 0 ? line : "  " + line)
        }
    }
}
