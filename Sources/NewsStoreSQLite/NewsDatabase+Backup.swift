internal import Foundation
internal import GRDB
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.backup(to:)`.
    ///
    /// NB: `VACUUM INTO` reads one snapshot (a WAL read transaction of its own, so neither writers nor readers
    /// wait) and writes a compact file; it must run outside a transaction, hence `unsafeRead`. The copy is
    /// written under a temporary name and renamed once SQLite's integrity check passes, so `path` never holds a
    /// half-written backup.
    public func backup(to path: String) async throws(StoreError) -> StoreInfo {
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotOpen(path, reason: "it already exists; a backup is written to a new file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let partial = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await writer.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreErrorMapping.map(error, location: path, operation: "writing the backup")
        }
        do {
            let queue = try DatabaseQueue(path: partial)
            let verdict = try await queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try queue.close()
            guard verdict == ["ok"] else {
                throw StoreError.failed(
                    path, operation: "checking the backup", reason: verdict.prefix(3).joined(separator: "; "))
            }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let error as StoreError {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreErrorMapping.map(error, location: path, operation: "checking the backup")
        }
        return try await NewsDatabase.open(path: path).info()
    }
}
