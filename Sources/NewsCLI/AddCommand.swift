internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsExtract
internal import NewsIngest
internal import NewsStore

/// `corroborate add PATH...`: store articles from files, folders and standard input.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add articles from files, folders or standard input.",
        discussion: """
            Formats, chosen by extension (.txt .json .jsonl .ndjson) or else by content:
              plain text   first line is the title, the rest is the body
              JSON         {"title", "text", "url", "source", "published", "language", "authors"}, or an array
              JSON Lines   one such object per line
            Folders are read recursively (hidden files skipped); "-" reads standard input. \
            Content already stored (same outlet, title and text) is reported and left as is. \
            Text that is not valid UTF-8 is decoded as windows-1252 (see --fallback-charset) with a warning.

            Exit status: 0 when every input was added or already stored; 3 when some were added and others \
            rejected; 1 when nothing could be added (bad inputs or a database error).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files, folders, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("The outlet, for articles that do not name one (e.g. \"VOA\").", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp("The language code, for articles that do not give one (e.g. en).", valueName: "code"))
    var language: String?

    @Option(
        help: ArgumentHelp(
            "Read every input as this format instead of guessing: text, json or jsonl.", valueName: "format"))
    var format: String?

    @OptionGroup var size: InputSizeOption

    @Option(
        help: ArgumentHelp(
            "Charset for text that is not valid UTF-8: windows-1252 or ISO-8859-1.", valueName: "charset"))
    var fallbackCharset: String = FallbackCharset.windows1252.rawValue

    @Option(help: "Articles written per transaction.")
    var batchSize: Int = 2_000

    @Flag(help: "Store the articles without grouping them into stories (`corroborate stories` does it later).")
    var noCluster = false

    @Flag(help: "Print one JSON document describing what was added (docs/JSON.md).")
    var json = false

    @Flag(name: .shortAndLong, help: "List every input, even in a large run.")
    var verbose = false

    func validate() throws {
        if let language, LanguageCode(rawValue: language) == nil {
            throw ValidationError("--language '\(language)' is not a language code such as en, es or de")
        }
        if let format, InputFormat(rawValue: format) == nil {
            throw ValidationError("--format '\(format)' is not one of: text, json, jsonl")
        }
        if FallbackCharset(rawValue: fallbackCharset) == nil {
            throw ValidationError("--fallback-charset '\(fallbackCharset)' is not one of: windows-1252, ISO-8859-1")
        }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let database = try await global.openStore()
        let parser = ArticleParser(
            decoding: TextDecoding(fallback: FallbackCharset(rawValue: fallbackCharset) ?? .windows1252),
            defaults: ArticleDefaults(source: source, language: language.flatMap(LanguageCode.init(rawValue:))))
        let options = IngestOptions(
            maxFileBytes: try size.bytes(), batchSize: batchSize,
            format: format.flatMap(InputFormat.init(rawValue:)),
            parser: parser)
        let ingestor = FileIngestor(store: database, options: options, now: { Date() })
        let meter = ProgressMeter(enabled: Terminal.stderrIsTerminal && !json)
        let report: IngestReport
        do {
            report = try await ingestor.ingest(paths) { meter.update($0) }
        } catch {
            meter.finish()
            throw ErrorRendering.report(error)
        }
        meter.finish()
        var clustering: StoryClusteringReport?
        // NB: also when nothing was added: a run killed before it clustered left articles waiting, and the re-run
        // must finish them (with nothing waiting this is one query).
        if !noCluster {
            do {
                clustering = try await StoryClustering.clusterPending(in: database)
            } catch {
                throw ErrorRendering.report(error)
            }
        }
        if json {
            JSONOutput.write(JSONOutput.AddReport(report, database: global.databaseShown, clustering: clustering))
        } else {
            AddReportPrinter(report: report, verbose: verbose, database: global.databaseShown).print()
            if let clustering, clustering.clustered > 0 {
                Terminal.message(
                    "stories: \(clustering.clustered) article(s) clustered: \(clustering.created) new stories, "
                        + "\(clustering.joined) joined existing ones, \(clustering.copies) copies of earlier articles "
                        + "(corroborate stories)")
            }
        }
        if report.addedCount + report.duplicateCount == 0, report.rejectedCount > 0 { throw ErrorRendering.failure }
        if report.rejectedCount > 0 { throw ErrorRendering.partial }
    }
}
