internal import ArgumentParser
internal import NewsIngest
internal import NewsStore

/// `corroborate check`: everything `info --check` checks of the stories, and the database under them.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: the file, references, full-text indexes, stories.",
        discussion: """
            Runs SQLite's integrity check, the foreign-key check and each full-text index's own check, then the \
            story check of `info --check`, which also compares the saved clustering state with the tables. Exits \
            0 when all is well, 3 when something is wrong. --repair fixes the stories and the clustering state \
            (nothing stored is lost); a damaged file cannot be repaired in place: restore the latest \
            `corroborate backup`.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Repair the stories when they are inconsistent.")
    var repair = false

    @Flag(help: "Print one JSON document (schema corroborate.check.v1, docs/JSON.md).")
    var json = false

    func run() async throws {
        let integrity: IntegrityCheck
        let stories: StoryCheck
        let info: StoreInfo
        do {
            let store = try await global.openDatabase()
            let drawn = Terminal.stderrIsTerminal
            if drawn { Terminal.progress("checking the database…") }
            defer { if drawn { Terminal.progress(nil) } }
            info = try await store.info()
            integrity = try await store.checkIntegrity()
            stories = try await StoryClustering.checkStories(in: store, repair: repair && integrity.isSound)
        } catch {
            throw ErrorRendering.report(error)
        }
        let healthy = integrity.isSound && StoryCheckReport.isHealthy(stories, algorithm: StoryClustering.algorithm)
        if json {
            JSONOutput.write(JSONOutput.Check(info, integrity: integrity, stories: stories, healthy: healthy))
        } else {
            Terminal.output("database   \(info.location)")
            if integrity.isSound, integrity.skipped.isEmpty {
                Terminal.output(
                    "file       ok: integrity, references and \(info.indexedLanguages.count) full-text index(es)")
            } else if integrity.isSound {
                Terminal.output("file       ok: integrity and references")
                for line in integrity.skipped { Terminal.output("skipped    \(line)") }
            } else {
                for line in integrity.engine.prefix(10) { Terminal.output("file       \(line)") }
                if integrity.brokenReferences > 0 {
                    Terminal.output("references \(Terminal.count(integrity.brokenReferences)) row(s) point at nothing")
                }
                for line in integrity.fullText { Terminal.output("full text  \(line)") }
                Terminal.message(
                    "hint: the file is damaged; restore the latest `corroborate backup` (stories were not repaired)")
            }
            StoryCheckReport.print(stories, algorithm: StoryClustering.algorithm)
        }
        if !healthy { throw ExitCode(3) }
    }
}
