internal import ArgumentParser
internal import Foundation
internal import NewsStore
internal import NewsStorePostgres
internal import NewsStoreSQLite

/// Options every subcommand takes: which database to use.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The SQLite database file (created if missing), or a PostgreSQL URL.",
            discussion: "Default: $CORROBORATE_DB, else $XDG_DATA_HOME/corroborate/corroborate.sqlite, "
                + "else ~/.local/share/corroborate/corroborate.sqlite. A URL such as "
                + "postgres://user:password@host:5432/news?sslmode=require (or postgres:///news?host=/run/postgresql "
                + "for a Unix socket) uses a PostgreSQL server; the tables go in its schema `corroborate` "
                + "(?schema=NAME for another).",
            valueName: "path-or-url"))
    var database: String?

    /// The path the options and environment select.
    var databasePath: String { Self.resolvedPath(database) }

    /// `given`, else the database the environment selects.
    static func resolvedPath(_ given: String?) -> String {
        if let given, !given.isEmpty { return given }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CORROBORATE_DB"], !path.isEmpty { return path }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.local/share" } ?? ".")
        return dataHome + "/corroborate/corroborate.sqlite"
    }

    /// The database as messages show it: a PostgreSQL URL without its password.
    var databaseShown: String { Self.shown(databasePath) }

    /// A database path or URL as messages show it: a PostgreSQL URL without its password.
    static func shown(_ path: String) -> String {
        guard PostgresLocation.isURL(path) else { return path }
        return (try? PostgresLocation(url: path, environment: ProcessInfo.processInfo.environment)).map {
            "\($0)"
        } ?? path
    }

    /// Opens the database, or prints why it cannot and throws the exit code to end with.
    func openStore() async throws(ExitCode) -> any ArticleStore {
        do {
            return try await openDatabase()
        } catch {
            throw ErrorRendering.report(error)
        }
    }

    /// Opens the database: a PostgreSQL server for a `postgres://` URL, else an SQLite file (creating its
    /// folder if needed). Any other URL is refused rather than taken for a file name.
    func openDatabase() async throws(StoreError) -> any ArticleStore { try await Self.open(databasePath) }

    /// Opens the database at `path` (a file path or a PostgreSQL URL), as `openDatabase()` does; with
    /// `mustExist`, a file that is not there is an error instead of a new database.
    static func open(_ path: String, mustExist: Bool = false) async throws(StoreError) -> any ArticleStore {
        if PostgresLocation.isURL(path) {
            let location = try PostgresLocation(url: path, environment: ProcessInfo.processInfo.environment)
            return try await PostgresStore.open(location) { waited in
                Terminal.message(
                    "waiting for another process writing to \(location) (\(waited.components.seconds) s so far; "
                        + "it holds the lock while it stores or clusters a batch)")
            }
        }
        if let scheme = Self.urlScheme(path) {
            throw StoreError.cannotOpen(
                path,
                reason: "\(scheme):// is not a database Corroborate can use; give an SQLite file path "
                    + "or a postgres:// URL")
        }
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotOpen(path, reason: "there is no database there")
        }
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

    /// The scheme of a text that looks like a URL (`mysql` in `mysql://…`), or `nil` for a path.
    static func urlScheme(_ text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }
}
