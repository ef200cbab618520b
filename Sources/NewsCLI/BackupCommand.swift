internal import ArgumentParser
internal import Foundation
internal import NewsStore

/// `corroborate backup PATH`: a consistent copy of the database, safe while `serve` or `fetch` write to it.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the database to a new file.",
        discussion: """
            The copy is one snapshot (SQLite's VACUUM INTO): a server or fetch writing meanwhile neither waits \
            nor gets into it half-done. It is written under a temporary name, checked with SQLite's integrity \
            check, then renamed to PATH, which must not exist. To restore: stop every writer, delete the old \
            file's -wal and -shm files and move the copy over it (or point --db at the copy).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The new file to write the copy to.")
    var path: String

    @Flag(help: "Print one JSON document (schema corroborate.info.v1, describing the copy).")
    var json = false

    func run() async throws {
        let info: StoreInfo
        do {
            let store = try await global.openDatabase()
            let drawn = Terminal.stderrIsTerminal
            if drawn { Terminal.progress("writing a consistent copy to \(path)…") }
            defer { if drawn { Terminal.progress(nil) } }
            info = try await store.backup(to: path)
        } catch {
            throw ErrorRendering.report(error)
        }
        if json {
            JSONOutput.write(JSONOutput.Info(info))
            return
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        Terminal.output(
            "backed up \(Terminal.count(info.articleCount)) article(s) from \(Terminal.count(info.sourceCount)) "
                + "outlet(s) to \(path) (\(bytes / 1_048_576) MB, integrity ok)")
    }
}
