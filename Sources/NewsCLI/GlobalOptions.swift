internal import ArgumentParser
internal import Foundation
internal import NewsStore
internal import NewsStoreSQLite

/// Options every subcommand takes: which database to use.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The SQLite database file (created if missing).",
            discussion: "Default: $CORROBORATE_DB, else $XDG_DATA_HOME/corroborate/corroborate.sqlite, "
                + "else ~/.local/share/corroborate/corroborate.sqlite.",
            valueName: "path"))
    var database: String?

    /// The path the options and environment select.
    var databasePath: String {
        if let database, !database.isEmpty { return database }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CORROBORATE_DB"], !path.isEmpty { return path }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.local/share" } ?? ".")
        return dataHome + "/corroborate/corroborate.sqlite"
    }

    /// Opens the database, or prints why it cannot and throws the exit code to end with.
    func openStore() throws(ExitCode) -> any ArticleStore {
        do {
            return try openDatabase()
        } catch {
            throw ErrorRendering.report(error)
        }
    }

    /// Opens the database, creating its folder if needed.
    func openDatabase() throws(StoreError) -> any ArticleStore {
        let path = databasePath
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue
        {
            throw StoreError.cannotOpen(path, reason: "\(folder) is a file, not a folder")
        }
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen(path, reason: "cannot create its folder \(folder)")
            }
        }
        return try NewsDatabase.open(path: path) { waited in
            Terminal.message(
                "waiting for another process writing to \(path) (\(waited.components.seconds) s so far; "
                    + "it holds the lock while it stores or clusters a batch)")
        }
    }
}
