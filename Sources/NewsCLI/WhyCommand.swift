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
            let database = try global.openDatabase()
            _ = try await StoryClustering.clusterPending(in: database)
            article = try await database.article(articleID)
            assignment = try await database.assignment(of: articleID)
        } catch {
            throw ErrorRendering.report(error)
        }
        guard let article, let assignment else {
            Terminal.message(
                "error: no article \(articleID) in \(global.databasePath); list them with: corroborate articles")
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
        let score = (reason["score"] as? Double) ?? assignment.score
        if reason["split"] as? Bool == true {
            Terminal.output("split out of its story by hand: it forms story #\(assignment.story.rawValue)")
        } else if assignment.story == articleID {
            var line = "started story #\(assignment.story.rawValue)"
            if let best = reason["bestCandidate"] as? String {
                line += String(format: ": its best match, story #%@, scored only %.3f", best, score)
            } else {
                line += ": no open story shared its heaviest terms"
            }
            Terminal.output(line)
        } else {
            Terminal.output(String(format: "joined story #%lld with score %.3f", assignment.story.rawValue, score))
        }
        if let cosine = reason["termSimilarity"] as? Double, let time = reason["timeFactor"] as? Double {
            Terminal.output(String(format: "  term similarity %.3f × time factor %.3f", cosine, time))
        }
        if let terms = reason["sharedTerms"] as? [String], !terms.isEmpty {
            Terminal.output("  shared terms: " + terms.joined(separator: ", "))
        }
        if let names = reason["sharedNames"] as? [String], !names.isEmpty {
            Terminal.output("  shared names: " + names.joined(separator: ", "))
        }
        if assignment.relation != "independent" {
            Terminal.output(
                "  a \(assignment.relation == "identical" ? "copy" : "wire copy") of #\(assignment.origin.rawValue): one origin with it"
            )
        }
    }
}
