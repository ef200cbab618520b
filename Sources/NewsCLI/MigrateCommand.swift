internal import ArgumentParser
internal import Foundation
internal import NewsStore
internal import Synchronization

/// `corroborate migrate --from A --to B`: copies a whole archive between engines (SQLite to PostgreSQL or back).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Copy every stored thing from one database to another (SQLite ⇄ PostgreSQL).",
        discussion: """
            Copies articles with their inputs, analyses, stories (merges, pins, splits and the clustering's \
            state), outlets, feeds and their items, rejected inputs, saved searches, API tokens and kept \
            renderings, keeping every id, so links and story numbers stay the same. The destination must be \
            empty, or hold a copy of the same source that stopped: the copy goes in chunks of a few megabytes, \
            each in its own transaction, so running the same command again goes on where it stopped. Once \
            every table is there, their row counts are compared with the source's and the stories are checked. \
            Stop the fetch workers and servers that write to the source first; point them at the destination \
            when it is done.
              corroborate migrate --from ~/.local/share/corroborate/corroborate.sqlite --to postgres://news@db/news
              corroborate migrate --from postgres://news@db/news --to archive.sqlite
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The database to copy: a file path or a PostgreSQL URL (default: --db's, as every command uses).",
            valueName: "path-or-url"))
    var from: String?

    @Option(
        help: ArgumentHelp("The database to copy into: a new file path, or a PostgreSQL URL.", valueName: "path-or-url")
    )
    var to: String

    @Option(help: "At most this many rows per transaction (default 4096; fewer when rows are large).")
    var chunkRows = 4096

    @Flag(help: "Print one JSON document (schema corroborate.migrate.v1).")
    var json = false

    func validate() throws {
        guard chunkRows > 0 else { throw ValidationError("--chunk-rows is a number of rows, 1 or more") }
    }

    func run() async throws {
        let sourcePath = from.map { GlobalOptions.resolvedPath($0) } ?? global.databasePath
        let sourceShown = GlobalOptions.shown(sourcePath)
        let destinationShown = GlobalOptions.shown(to)
        if sourcePath == to || (Self.isFile(sourcePath) && Self.sameFile(sourcePath, to)) {
            throw ValidationError("--from and --to name the same database (\(sourceShown)); give another --to")
        }
        let started = ContinuousClock.now
        let report: ArchiveCopyReport
        let check: StoryCheck
        do {
            let source = try Self.transferring(try await GlobalOptions.open(sourcePath, mustExist: true), sourceShown)
            var held = 0
            for table in ArchiveSchema.tables { held += try await source.transferCount(table) }
            // NB: a mistyped server URL opens an empty schema; copying nothing from it is not what was meant.
            guard held > 0 else {
                throw StoreError.cannotOpen(sourceShown, reason: "it holds nothing to copy; check --from (or --db)")
            }
            let destination = try Self.transferring(try await GlobalOptions.open(to), destinationShown)
            let meter = CopyMeter(enabled: Terminal.stderrIsTerminal && !json)
            defer { meter.finish() }
            let copier = ArchiveCopier(
                from: source, to: destination, destinationName: destinationShown, maxChunkRows: chunkRows)
            report = try await copier.copy { meter.update($0) }
            meter.say("checking the copied stories…")
            check = try await destination.checkStories(repair: false)
        } catch let error as StoreError {
            throw ErrorRendering.report(error)
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        if json {
            JSONOutput.write(
                JSONOutput.Migrate(
                    from: sourceShown, to: destinationShown, report: report, seconds: seconds,
                    storiesConsistent: check.isConsistent))
            return
        }
        Self.print(report, from: sourceShown, to: destinationShown, seconds: seconds, check: check)
    }

    /// The store as one an archive can be copied out of and into.
    private static func transferring(
        _ store: any ArticleStore, _ shown: String
    ) throws(StoreError) -> any ArchiveTransferring {
        guard let store = store as? any ArchiveTransferring else {
            throw StoreError.failed(shown, operation: "copying", reason: "this engine cannot copy archives")
        }
        return store
    }

    private static func isFile(_ path: String) -> Bool { GlobalOptions.urlScheme(path) == nil }

    /// Whether two paths name one existing file (`./a.sqlite` and `a.sqlite`).
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        guard isFile(second),
            let one = try? FileManager.default.attributesOfItem(atPath: first)[.systemFileNumber] as? Int,
            let two = try? FileManager.default.attributesOfItem(atPath: second)[.systemFileNumber] as? Int
        else { return false }
        return one == two
    }

    private static func print(
        _ report: ArchiveCopyReport, from: String, to: String, seconds: Double, check: StoryCheck
    ) {
        var line: String
        if report.resumed && report.copied == 0 {
            line = "nothing to copy: \(to) already holds all \(Terminal.count(report.rows)) row(s) of \(from)"
        } else {
            line =
                "copied \(Terminal.count(report.copied)) row(s) from \(from) to \(to) in "
                + String(format: "%.1f", seconds) + " s"
            if report.resumed {
                line += "; went on from an earlier copy, which had \(Terminal.count(report.rows - report.copied))"
            }
        }
        Terminal.output(line)
        let rows = report.tables.map { [$0.name, Terminal.count($0.rows), Terminal.count($0.copied)] }
        let table = TextTable(header: ["table", "rows", "copied now"], rows: rows, rightAligned: [1, 2])
        Terminal.output(table.line(table.header))
        for row in rows { Terminal.output(table.line(row)) }
        Terminal.output(
            "counts checked: \(to) holds all \(Terminal.count(report.rows)) row(s) of the source's "
                + "\(report.tables.count) tables")
        if check.isConsistent {
            Terminal.output(
                "stories checked: \(Terminal.count(check.articlesInLiveStories)) article(s) in "
                    + "\(Terminal.count(check.liveStories)) live \(check.liveStories == 1 ? "story" : "stories"), "
                    + "each in exactly one")
        } else {
            let problems = check.findings.map { "\($0.problem.rawValue) (\($0.count))" }.joined(separator: ", ")
            Terminal.message(
                "warning: the copied stories need repair, as the source's do: \(problems); run "
                    + "corroborate info --check --repair --db '\(to)'")
        }
        Terminal.output("next: point --db (or $CORROBORATE_DB) at \(to)")
    }
}

/// The progress line of a copy: table, rows, rate; redrawn at most ten times a second on a terminal.
private final class CopyMeter: Sendable {
    private let enabled: Bool
    private let state = Mutex<(started: ContinuousClock.Instant, drawn: ContinuousClock.Instant?, first: Int?)>(
        (.now, nil, nil))

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: ArchiveCopyProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            if state.first == nil { state.first = progress.rows }
            if let drawn = state.drawn, now - drawn < .milliseconds(100) { return nil }
            state.drawn = now
            let elapsed = max((now - state.started) / .seconds(1), 0.001)
            let rate = Double(progress.rows - (state.first ?? 0)) / elapsed
            let percent = progress.total > 0 ? progress.rows * 100 / progress.total : 100
            return "copying: table \(progress.tableNumber)/\(progress.tableCount) \(progress.table) "
                + "\(Terminal.count(progress.tableRows))/\(Terminal.count(progress.tableTotal)) · "
                + "\(percent)% of \(Terminal.count(progress.total)) rows · \(Terminal.count(Int(rate))) rows/s"
        }
        if let line { Terminal.progress(line) }
    }

    func say(_ line: String) {
        if enabled { Terminal.progress(line) }
    }

    func finish() {
        if enabled { Terminal.progress(nil) }
    }
}

extension JSONOutput {
    /// `corroborate migrate --json`.
    struct Migrate: Encodable {
        struct Table: Encodable {
            var name: String
            var rows: Int
            var copied: Int
        }

        var schema = "corroborate.migrate.v1"
        var from: String
        var to: String
        var resumed: Bool
        var rows: Int
        var copied: Int
        var seconds: Double
        var storiesConsistent: Bool
        var tables: [Table]

        init(from: String, to: String, report: ArchiveCopyReport, seconds: Double, storiesConsistent: Bool) {
            self.from = from
            self.to = to
            resumed = report.resumed
            rows = report.rows
            copied = report.copied
            self.seconds = (seconds * 10).rounded() / 10
            self.storiesConsistent = storiesConsistent
            tables = report.tables.map { Table(name: $0.name, rows: $0.rows, copied: $0.copied) }
        }
    }
}
