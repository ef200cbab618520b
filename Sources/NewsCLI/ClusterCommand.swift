internal import ArgumentParser
internal import Foundation
internal import NewsCluster
internal import NewsCore
internal import NewsDedup
internal import NewsExtract
internal import NewsIngest

/// `corroborate cluster INPUT.jsonl`: groups a file of articles into stories, in time order, without a database.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group the articles of a JSON Lines file into stories, in time order (no database).",
        discussion: """
            Each line is {"id","title","text","source","published"}, read as `add` reads it (so "date", \
            "datePublished", "body" and the other aliases work too); only "id" and "text" are needed, and a date \
            lets time play its part. Articles are taken in order of \
            publication, then id, so equal times in any order give the same stories. A story is named after the \
            article that started it. Wire copies (the same text in several outlets) are found with MinHash and \
            named after their first article: a story's origins are its independent reports. \
            With --jsonl, prints {"id","story","origin","relation"} per article; otherwise a table of stories.
            """)

    @Argument(help: ArgumentHelp("A JSON Lines file of articles, or - for standard input.", valueName: "input"))
    var input: String

    @Flag(help: "Print one {\"id\",\"story\"} object per article.")
    var jsonl = false

    @Option(help: "The score an article needs to join a story (0-1).")
    var threshold = ClusterOptions().threshold

    @Flag(help: "With --jsonl, also print why: the score, shared terms and names.")
    var why = false

    @OptionGroup var size: InputSizeOption

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold is a score between 0 and 1") }
    }

    func run() async throws {
        let bytes: [UInt8]
        switch try size.read(input) {
        case .success(let read): bytes = read
        case .failure(let problem):
            Terminal.message("error: " + ErrorRendering.line(input: input, reason: problem.reason))
            throw ErrorRendering.failure
        }
        var documents: [ClusterDocument] = []
        var problems = 0
        var number = 0
        var parser = ArticleParser()
        parser.defaults.requiresTitle = false
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard let record = parser.parseLine(line, number: number) else { continue }
            switch Self.document(record) {
            case .success(let document): documents.append(document)
            case .failure(let reason):
                problems += 1
                Terminal.message("rejected: \(Terminal.shown(input)) line \(number): \(reason.message)")
            }
        }
        guard !documents.isEmpty else {
            Terminal.message("error: \(input): no articles to cluster")
            throw ErrorRendering.failure
        }
        var options = ClusterOptions()
        options.threshold = threshold
        let extractor = FeatureExtractor(titleWeight: options.titleWeight)
        var clusterer = StoryClusterer(options: options)
        let started = DispatchTime.now().uptimeNanoseconds
        let ordered = documents.enumerated().sorted {
            ($0.element.published ?? .distantPast, $0.element.id) < (
                $1.element.published ?? .distantPast, $1.element.id
            )
        }
        var decisions: [(id: String, story: String, reason: ClusterReason?)] = []
        var duplicates = DuplicateIndex()
        var origins: [String: DuplicateDecision] = [:]
        for (index, entry) in ordered.enumerated() {
            let document = entry.element
            origins[document.id] = duplicates.add(id: document.id, text: document.title + "\n\n" + document.text)
            for action in clusterer.add(extractor.features(of: entry.element)) {
                switch action {
                case .created(let story, let article, let reason), .assigned(let story, let article, let reason):
                    decisions.append((article, story, reason))
                case .closed, .merged: break
                }
            }
            if Terminal.stderrIsTerminal, !jsonl, index % 500 == 0 {
                Terminal.progress("clustering \(index + 1)/\(ordered.count)")
            }
        }
        if Terminal.stderrIsTerminal, !jsonl { Terminal.progress(nil) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if jsonl {
            for decision in decisions {
                var object: [String: Any] = ["id": decision.id, "story": clusterer.currentStory(of: decision.story)]
                if let origin = origins[decision.id] {
                    object["origin"] = origin.origin
                    object["relation"] = origin.relation.rawValue
                }
                if why, let reason = decision.reason {
                    object["score"] = (reason.score * 1000).rounded() / 1000
                    object["sharedTerms"] = reason.sharedTerms
                    object["sharedNames"] = reason.sharedNames
                }
                let data = try JSONSerialization.data(
                    withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        } else {
            render(clusterer.stories, documents: documents, origins: origins, seconds: seconds)
        }
        if problems > 0 { throw ErrorRendering.partial }
    }

    private func render(
        _ stories: [StoryClusterer.Story], documents: [ClusterDocument], origins: [String: DuplicateDecision],
        seconds: Double
    ) {
        let titles = Dictionary(documents.map { ($0.id, $0.title.isEmpty ? String($0.text.prefix(80)) : $0.title) }) {
            first, _ in first
        }
        let styled = Terminal.stdoutIsStyled
        let multi = stories.filter { $0.articles.count > 1 }.sorted { $0.articles.count > $1.articles.count }
        Terminal.output(
            Terminal.dim(
                "\(documents.count) articles → \(stories.count) stories (\(multi.count) with more than one article) "
                    + "in \(String(format: "%.2f", seconds)) s", styled: styled))
        Terminal.output(Terminal.dim("articles origins  story (its first headline)", styled: styled))
        for story in multi.prefix(50) {
            let title = titles[story.id] ?? story.id
            let distinct = Set(story.articles.map { origins[$0]?.origin ?? $0 }).count
            let counts = String(story.articles.count).padding(9) + String(distinct).padding(9)
            Terminal.output(counts + Terminal.truncated(title, to: Terminal.width - 18))
        }
        if multi.count > 50 {
            Terminal.output(Terminal.dim("… and \(multi.count - 50) more; --jsonl lists every article", styled: styled))
        }
    }

    struct LineProblem: Error {
        var message: String
    }

    /// A record read the way `add` reads it (the same fields and aliases), as a document to cluster: it needs an
    /// `"id"` and a text; the title and date are optional.
    static func document(_ record: ParsedRecord) -> Result<ClusterDocument, LineProblem> {
        switch record.outcome {
        case .failure(let rejection): return .failure(LineProblem(message: rejection.reason))
        case .success(let draft):
            guard let id = draft.recordID else { return .failure(LineProblem(message: "no \"id\"")) }
            return .success(ClusterDocument(id: id, title: draft.title, text: draft.text, published: draft.published))
        }
    }
}
