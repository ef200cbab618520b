internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCore
internal import NewsExtract
internal import NewsIngest

/// `corroborate analyse FILE...`: language, sentences, entities, quotes, numbers and dates of articles.
struct AnalyseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Analyse articles: entities with roles, quotes with speakers, numeric claims, dates.",
        discussion: """
            Reads the same inputs as `add` (.txt, .json, .jsonl, .html, or - for standard input) without storing
            them. Relative dates ("on Tuesday") are resolved against each article's publication date.
            With --json, prints one document (docs/JSON.md, corroborate.analysis.v1) whose offsets count Unicode
            scalars of the article's text.

            With --stored, analyses the articles in the database instead and keeps the results: those never
            analysed or analysed by an older algorithm (all of them with --force, or the ids given). Show one
            with: corroborate article ID --analysis
            """,
        aliases: ["analyze"])

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("Article files, or - for standard input (with --stored: article ids).", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Analyse the stored articles that need it and keep the results in the database.")
    var stored = false

    @Flag(help: "With --stored: analyse every article again, even those already current.")
    var force = false

    @Option(help: "Analyse as this language (ISO 639 code) instead of detecting it.")
    var language: String?

    @Flag(help: "Print one JSON document (schema corroborate.analysis.v1, docs/JSON.md).")
    var json = false

    @Flag(help: "Also list sentences and every entity mention (human output).")
    var verbose = false

    func validate() throws {
        if let language, LanguageCode(rawValue: language) == nil {
            throw ValidationError("'\(language)' is not a language code such as en or fr")
        }
        if stored {
            for file in files where Int64(file.trimmingPrefix("#")) == nil {
                throw ValidationError("'\(file)' is not an article id; with --stored, give ids such as 12 or #12")
            }
        } else {
            if files.isEmpty {
                throw ValidationError("give the files to analyse, or --stored for the database's articles")
            }
            if force { throw ValidationError("--force goes with --stored") }
        }
    }

    func run() async throws {
        if stored {
            try await runStored()
            return
        }
        let analyzer = TextAnalyzer(options: AnalysisOptions(language: language.flatMap(LanguageCode.init(rawValue:))))
        let parser = ArticleParser()
        var results: [AnalysisDTO] = []
        var problems: [AnalysisDocument.Problem] = []
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try Self.read(file)
            } catch {
                problems.append(.init(input: file, location: "", code: error.code, reason: error.reason))
                continue
            }
            let document = parser.parse(bytes, name: file)
            if let rejection = document.rejection {
                problems.append(.init(input: file, location: "", code: rejection.code, reason: rejection.reason))
                continue
            }
            for record in document.records {
                switch record.outcome {
                case .failure(let rejection):
                    problems.append(
                        .init(
                            input: file, location: record.location.description, code: rejection.code,
                            reason: rejection.reason))
                case .success(let draft):
                    let analysis = analyzer.analyze(
                        draft.text, published: draft.published, languageHint: draft.language)
                    let result = AnalysisDTO(
                        input: file, title: draft.title, source: draft.source, published: draft.published,
                        text: draft.text, analysis: analysis)
                    if json {
                        results.append(result)
                    } else {
                        AnalysisRenderer(verbose: verbose).render(result)
                    }
                }
            }
        }
        if json {
            JSONOutput.write(AnalysisDocument(articles: results, rejected: problems))
        } else {
            for problem in problems {
                let location = problem.location.isEmpty ? "" : " (\(problem.location))"
                Terminal.message("rejected: \(problem.input)\(location): \(problem.reason)")
            }
        }
        if !problems.isEmpty && results.isEmpty && json { throw ErrorRendering.failure }
        if !problems.isEmpty && !json && problems.count >= files.count { throw ErrorRendering.failure }
    }

    /// Why an input could not be read.
    struct ReadError: Error {
        var code: String
        var reason: String
    }

    static func read(_ file: String) throws(ReadError) -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let attributes else {
            throw ReadError(code: "input.not-found", reason: "no such file")
        }
        if let size = attributes[.size] as? Int, size > IngestOptions.defaultMaxFileBytes {
            throw ReadError(code: "input.too-large", reason: "\(size) bytes is over the 100 MiB cap")
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)) else {
            throw ReadError(code: "input.unreadable", reason: "the file cannot be read")
        }
        return Array(data)
    }
}
