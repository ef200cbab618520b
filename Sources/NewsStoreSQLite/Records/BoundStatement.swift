internal import Foundation
internal import GRDB
internal import GRDBSQLite

/// A prepared GRDB statement driven through SQLite's C API for the per-article statements of a bulk add.
///
/// NB: GRDB's `execute(arguments:)` boxes every value as `DatabaseValueConvertible` and validates the
/// arguments; for four statements run per article that was a tenth of `corroborate add`. GRDB still
/// prepares and caches the statements and owns the connection and the transaction; each use here binds,
/// steps, then resets and clears, leaving the statement as GRDB expects to find it.
struct BoundStatement {
    /// Held so the statement outlives GRDB's cache, which a schema change (a new FTS table) empties.
    private let owner: Statement
    private let statement: OpaquePointer
    private let database: Database
    private var index: Int32 = 0

    /// Wraps one of `database`'s cached statements.
    init(_ statement: Statement, in database: Database) {
        owner = statement
        self.statement = statement.sqliteStatement
        self.database = database
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds the next parameter to text, or NULL.
    mutating func bind(_ text: String?) {
        index += 1
        guard var text else { return bindNull() }
        text.withUTF8 { _ = sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
    }

    /// Binds the next parameter to a blob.
    mutating func bind(_ bytes: [UInt8]) {
        index += 1
        bytes.withUnsafeBytes {
            // A zero-length blob must still be a blob, not NULL: SQLite needs a non-nil pointer for that.
            _ = sqlite3_bind_blob(
                statement, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), Self.transient)
        }
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func bind(_ value: Int64?) {
        index += 1
        guard let value else { return bindNull() }
        sqlite3_bind_int64(statement, index, value)
    }

    private func bindNull() { sqlite3_bind_null(statement, index) }

    /// Runs a statement that returns no rows.
    mutating func execute() throws {
        defer { reset() }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs a query and returns the first column of its first row as an integer, if there is a row.
    mutating func fetchInt64() throws -> Int64? {
        defer { reset() }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return sqlite3_column_int64(statement, 0)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    private mutating func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        index = 0
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage,
            sql: String(cString: sqlite3_sql(statement)))
    }
}
