internal import ArgumentParser
internal import NewsAnalysis
internal import NewsStore
internal import NewsStoreSQLite

/// `corroborate info`: which database is in use and what it holds.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show the database in use, its schema version and what it holds.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document (schema corroborate.info.v1, docs/JSON.md).")
    var json = false

    func run() async throws {
        let info: StoreInfo
        do {
            info = try await global.openDatabase().info()
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(JSONOutput.Info(info))
            return
        }
        Terminal.output("database   \(info.location)")
        Terminal.output(
            "engine     \(info.engine), schema version \(info.schemaVersion) (this build: \(NewsDatabase.schemaVersion))"
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
