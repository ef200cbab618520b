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
            Reads the same inputs as `add` (.txt, .json, .jsonl, .html, or - for standard input) without storing \
            them. Relative dates ("on Tuesday") are resolved against each article's publication date. \
            With --json, prints one document (docs/JSON.md, corroborate.analysis.v1) whose offsets count Unicode \
            scalars of the article's text.

            With --stored, analyses the articles in the database instead and keeps the results: those never \
            analysed or analysed by an older algorithm (all of them with --force, or the ids given). Show one \
            with: corroborate article ID --analysis
            """,
        aliases: ["analyze"])

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("Article files, or - for standard input (with --stored: article ids).", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Analyse the stored articles that need it and keep the results in the database.")
    var stored = false

    @OptionGroup var size: InputSizeOption

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
        var output = AnalysisStream(json: json, verbose: verbose)
        for file in files {
            let bytes: [UInt8]
            switch try size.read(file) {
            case .success(let read): bytes = read
            case .failure(let problem):
                output.reject(.init(input: file, location: "", code: problem.code, reason: problem.reason))
                continue
            }
            // NB: JSON Lines are parsed and analysed a line at a time, so a large file never holds all its
            // articles, nor their analyses, at once.
            let format = InputFormat(fileName: file) ?? InputFormat(sniffing: bytes.prefix(64 << 10))
            if format == .jsonLines {
                var number = 0
                for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                    number += 1
                    if let record = parser.parseLine(line, number: number) {
                        handle(record, file: file, analyzer: analyzer, output: &output)
                    }
                }
                continue
            }
            let document = parser.parse(bytes, name: file, format: format)
            if let rejection = document.rejection {
                output.reject(.init(input: file, location: "", code: rejection.code, reason: rejection.reason))
                continue
            }
            for record in document.records { handle(record, file: file, analyzer: analyzer, output: &output) }
        }
        output.finish()
        if output.analysed == 0 { throw ErrorRendering.failure }
        if output.rejected > 0 { throw ErrorRendering.partial }
    }

    private func handle(_ record: ParsedRecord, file: String, analyzer: TextAnalyzer, output: inout AnalysisStream) {
        switch record.outcome {
        case .failure(let rejection):
            output.reject(
                .init(input: file, location: record.location.label, code: rejection.code, reason: rejection.reason))
        case .success(let draft):
            let analysis = analyzer.analyze(draft.text, published: draft.published, languageHint: draft.language)
            output.add(
                AnalysisDTO(
                    input: file, title: draft.title, source: draft.source, published: draft.published,
                    text: draft.text, analysis: analysis))
        }
    }
}
