internal import GRDB
internal import NewsStore

/// Turns SQLite's result codes into `StoreError`s that name the database and say what to do.
enum StoreErrorMapping {
    static func map(_ error: any Error, location: String, operation: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let databaseError = error as? DatabaseError else {
            return .failed(location, operation: operation, reason: "\(error)")
        }
        let reason = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.extendedResultCode {
        case .SQLITE_FULL, .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE:
            // NB: a full disk or a file-size limit (EFBIG) reaches SQLite as a failed write, often IOERR_WRITE rather
            // than FULL; the transaction rolled back, so what was stored before is intact.
            return .readOnly(
                location,
                reason: "\(operation) stopped: the disk is full or a file-size limit was reached (\(reason)); "
                    + "everything stored before is kept")
        default: break
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(location)
        case .SQLITE_CANTOPEN: return .cannotOpen(location, reason: reason)
        case .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_PERM: return .readOnly(location, reason: reason)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .failed(
                location, operation: operation,
                reason: "another process kept it locked for over \(BusyWait.limit.components.seconds) s ("
                    + "a long `add`, `fetch` or `serve` clustering?); try again when it is done")
        default: return .failed(location, operation: operation, reason: reason)
        }
    }
}
