internal import Foundation
internal import GRDB
public import NewsStore

/// The SQLite store and its single write gate: it opens the file, owns the migrations and is the only
/// code that writes.
///
/// A file database runs in WAL mode through a `DatabasePool` (readers never wait for the writer);
/// `:memory:` uses a `DatabaseQueue` for tests.
public final class NewsDatabase: Sendable {
    /// The path, or `:memory:`.
    public let location: String
    let writer: any DatabaseWriter
    /// Whether the file was opened read-only because this process cannot write it.
    public let isReadOnly: Bool

    private init(location: String, writer: any DatabaseWriter, isReadOnly: Bool = false) {
        self.location = location
        self.writer = writer
        self.isReadOnly = isReadOnly
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// Refuses a file that is not SQLite, an SQLite file of another program, and a database written by a
    /// newer Corroborate, before touching any of them. When another process holds the write lock, operations
    /// wait for it (up to two minutes) and `waiting` hears how long they have waited, after a couple of seconds
    /// and every ten after that.
    public static func open(
        path: String, waiting: (@Sendable (Duration) -> Void)? = nil
    ) throws(StoreError) -> NewsDatabase {
        if let readOnlyPath = ReadOnlyAccess.uri(forExisting: path) { return try openReadOnly(path, uri: readOnlyPath) }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(waiting: waiting))
            let database = NewsDatabase(location: path, writer: pool)
            try database.migrate()
            return database
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, location: path, operation: "opening")
        }
    }

    /// Opens an existing file that this process cannot write (a read-only file, folder or mount) for reading:
    /// every read works, every write fails with `StoreError.readOnly`, and nothing is migrated.
    private static func openReadOnly(_ path: String, uri: String) throws(StoreError) -> NewsDatabase {
        do {
            var configuration = configuration()
            configuration.readonly = true
            let database = NewsDatabase(
                location: path, writer: try DatabaseQueue(path: uri, configuration: configuration), isReadOnly: true)
            try database.writer.read { db in
                if try NewsMigrations.migrator.hasBeenSuperseded(db) {
                    let applied = try NewsMigrations.migrator.appliedIdentifiers(db).sorted().joined(separator: ", ")
                    throw StoreError.newerSchema(path, found: applied)
                }
                guard try db.tableExists("grdb_migrations") else { throw StoreError.notADatabase(path) }
                guard try NewsMigrations.migrator.hasCompletedMigrations(db) else {
                    throw StoreError.readOnly(
                        path,
                        reason: "it was written by an older Corroborate and must be upgraded once, which needs "
                            + "write access (open it once where it can be written)")
                }
            }
            return database
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, location: path, operation: "opening (read-only)")
        }
    }

    /// A fresh database in memory, gone when the value is.
    public static func inMemory() throws(StoreError) -> NewsDatabase {
        do {
            let database = NewsDatabase(
                location: ":memory:", writer: try DatabaseQueue(configuration: configuration()))
            try database.migrate()
            return database
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, location: ":memory:", operation: "opening")
        }
    }

    /// The schema version this build writes.
    public static var schemaVersion: Int { NewsMigrations.currentVersion }

    private static func configuration(waiting: (@Sendable (Duration) -> Void)? = nil) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // NB: another process's write (a clustering batch of a large archive takes seconds) is waited for, not
        // failed on: writers serialise across processes through SQLite's lock.
        let wait = BusyWait(waiting: waiting)
        configuration.busyMode = .callback { tries in wait.retry(tries) }
        configuration.label = "corroborate"
        configuration.prepareDatabase { db in
            db.add(tokenizer: SnowballTokenizer.self)
            // NB: with WAL, NORMAL never corrupts the file; a power cut may lose the last transaction only.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // NB: a 32 MiB page cache and checkpoints every 64 MiB of WAL instead of 4 MiB keep FTS5 segment and
            // index pages from being re-read and re-copied during bulk adds: 100k articles took 17% less time.
            try db.execute(sql: "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 16384")
        }
        return configuration
    }

    private func migrate() throws {
        let migrator = NewsMigrations.migrator
        let location = location
        try writer.write { db in
            if try migrator.hasBeenSuperseded(db) {
                let applied = try migrator.appliedIdentifiers(db).sorted().joined(separator: ", ")
                throw StoreError.newerSchema(location, found: applied)
            }
            // An SQLite file of another program: leave it untouched rather than add our tables to it.
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if try !db.tableExists("grdb_migrations"), tableCount > 0 { throw StoreError.notADatabase(location) }
        }
        // NB: GRDB decides which migrations are pending before each one's transaction, so two processes opening a
        // new file at once both try the first; the loser's transaction rolls back, and on a retry it finds the
        // migrations done.
        var attempt = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                attempt += 1
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt >= 5 { throw error }
                usleep(UInt32(50_000 * attempt))
            }
        }
    }
}
