internal import ArgumentParser
internal import NewsAnalysis
internal import NewsIngest
internal import NewsStore
internal import NewsStorePostgres
internal import NewsStoreSQLite

/// `corroborate info`: which database is in use and what it holds.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show the database in use, its schema version and what it holds.",
        discussion: """
            --check reads every story and assignment (seconds at a million articles) and reports articles hidden \
            in merged stories, merge circles, summaries that disagree with their articles and stale index \
            entries, as an older build's concurrent writers could leave them; it exits 1 when it finds any. \
            --check --repair fixes them in one transaction, waiting for a clustering batch in progress.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document (schema corroborate.info.v1, docs/JSON.md).")
    var json = false

    @Flag(help: "Check that every article is in exactly one listed story; exit 1 if not.")
    var check = false

    @Flag(help: "With --check: repair what it finds (nothing stored is lost).")
    var repair = false

    func validate() throws {
        if repair && !check { throw ValidationError("--repair goes with --check: corroborate info --check --repair") }
    }

    func run() async throws {
        let info: StoreInfo
        var storyCheck: StoryCheck?
        do {
            let store = try await global.openDatabase()
            info = try await store.info()
            if check {
                let drawn = Terminal.stderrIsTerminal
                if drawn { Terminal.progress(repair ? "checking and repairing the stories…" : "checking the stories…") }
                defer { if drawn { Terminal.progress(nil) } }
                storyCheck = try await StoryClustering.checkStories(in: store, repair: repair)
            }
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(JSONOutput.Info(info, check: storyCheck, algorithm: StoryClustering.algorithm))
        } else {
            printSummary(info)
            if let storyCheck { StoryCheckReport.print(storyCheck, algorithm: StoryClustering.algorithm) }
        }
        if let storyCheck, !StoryCheckReport.isHealthy(storyCheck, algorithm: StoryClustering.algorithm) {
            throw ExitCode(1)
        }
    }

    private func printSummary(_ info: StoreInfo) {
        Terminal.output("database   \(info.location)")
        Terminal.output(
            "engine     \(info.engine), schema version \(info.schemaVersion) (this build: \(info.engine == "postgresql" ? PostgresStore.schemaVersion : NewsDatabase.schemaVersion))"
        )
        Terminal.output(
            "articles   \(Terminal.count(info.articleCount)) from \(Terminal.count(info.sourceCount)) outlet(s)")
        let indexes = info.indexedLanguages.sorted { $0.key < $1.key }.map { "\($0.key) \(Terminal.count($0.value))" }
        Terminal.output("indexes    \(indexes.isEmpty ? "none yet" : indexes.joined(separator: ", "))")
        Terminal.output(
            "rejected   \(Terminal.count(info.rejectionCount)) input(s) kept with their reasons (corroborate rejections)"
        )
        let current = info.analysesByAlgorithm[TextAnalyzer.algorithm] ?? 0
        let stale = info.analysesByAlgorithm.filter { $0.key != TextAnalyzer.algorithm }.values.reduce(0, +)
        var analysed = "\(Terminal.count(current)) article(s) by \(TextAnalyzer.algorithm)"
        if stale > 0 { analysed += ", \(Terminal.count(stale)) by older algorithms" }
        if current < info.articleCount { analysed += " (corroborate analyse --stored does the rest)" }
        Terminal.output("analysed   \(analysed)")
    }
}
