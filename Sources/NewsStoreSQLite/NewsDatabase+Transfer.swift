internal import Foundation
internal import GRDB
internal import NewsCore
public import NewsStore

/// Copying an archive out of and into the file, for `corroborate migrate`; see `ArchiveTransferring`.
extension NewsDatabase: ArchiveTransferring {
    /// See `ArchiveTransferring.transferCount(_:)`.
    public func transferCount(_ table: TransferTable) async throws(StoreError) -> Int {
        try await read("counting \(table.name) rows") { db in
            if table.name == "cluster_meta",
                try db.tableExists("cluster_state"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM cluster_state") ?? 0 > 0
            {
                throw DatabaseError(
                    message: "it holds the clustering state of a Corroborate older than schema 8, which the next "
                        + "clustering moves into its tables: run `corroborate stories` on it once, then copy it")
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
        }
    }

    /// See `ArchiveTransferring.transferRows(_:after:limit:)`.
    public func transferRows(
        _ table: TransferTable, after: [TransferValue]?, limit: Int
    ) async throws(StoreError) -> [[TransferValue]] {
        try await read("reading \(table.name) rows to copy") { db in
            let columns = table.columns.map(\.name).joined(separator: ", ")
            let key = table.key.map(\.name).joined(separator: ", ")
            var sql = "SELECT \(columns) FROM \(table.name)"
            var arguments = StatementArguments()
            if let after {
                sql += " WHERE (\(key)) > (\(Array(repeating: "?", count: after.count).joined(separator: ", ")))"
                for value in after { arguments += [Self.databaseValue(value)] }
            }
            sql += " ORDER BY \(key) LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                try table.columns.indices.map { try Self.transferValue(row[$0], table.columns[$0], table) }
            }
        }
    }

    /// See `ArchiveTransferring.lastTransferKey(_:)`.
    public func lastTransferKey(_ table: TransferTable) async throws(StoreError) -> [TransferValue]? {
        try await read("reading the last \(table.name) row") { db in
            let key = table.key.map(\.name)
            let descending = key.map { "\($0) DESC" }.joined(separator: ", ")
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(key.joined(separator: ", ")) FROM \(table.name) ORDER BY \(descending) LIMIT 1")
            else { return nil }
            return try table.key.indices.map { try Self.transferValue(row[$0], table.columns[$0], table) }
        }
    }

    /// See `ArchiveTransferring.insertTransferRows(_:_:)`.
    public func insertTransferRows(_ table: TransferTable, _ rows: [[TransferValue]]) async throws(StoreError) -> Int {
        guard !rows.isEmpty else { return 0 }
        do {
            return try await writer.write { db in
                let names = table.columns.map(\.name)
                let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES (\(marks)) "
                        + "ON CONFLICT DO NOTHING")
                let isArticle = table.name == "article"
                // NB: a membership carries its article's outlet (schema 11), which PostgreSQL does not store.
                let outlet =
                    try table.name != "story_article"
                    ? nil
                    : db.cachedStatement(
                        sql: "UPDATE story_article SET source_id = (SELECT source_id FROM article WHERE id = ?1) "
                            + "WHERE article_id = ?1")
                let language = names.firstIndex(of: "language")
                var indexes: [String: Statement] = [:]
                var inserted = 0
                for row in rows {
                    var values: [DatabaseValue] = []
                    values.reserveCapacity(row.count)
                    for (index, column) in table.columns.enumerated() {
                        values.append(
                            column.name == table.selfReference
                                ? .null : Self.databaseValue(row[index]))
                    }
                    try insert.execute(arguments: StatementArguments(values))
                    guard db.changesCount > 0 else { continue }
                    inserted += 1
                    try outlet?.execute(arguments: [values[0]])
                    // NB: the article's full-text entry goes in the index of its language, as `add` puts it.
                    if isArticle, let language {
                        let code: LanguageCode? =
                            if case .text(let code) = row[language] { LanguageCode(rawValue: code) } else { nil }
                        let index = FullTextIndex(language: code)
                        let statement: Statement
                        if let known = indexes[index.algorithm] {
                            statement = known
                        } else {
                            try index.create(db)
                            statement = try db.makeStatement(
                                sql: "INSERT INTO \(index.tableName) (rowid, title, body) "
                                    + "SELECT id, title, body FROM article WHERE id = ?")
                            indexes[index.algorithm] = statement
                        }
                        try statement.execute(arguments: [values[0]])
                    }
                }
                return inserted
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "copying \(table.name) rows")
        }
    }

    /// See `ArchiveTransferring.setTransferReferences(_:_:)`.
    public func setTransferReferences(_ table: TransferTable, _ rows: [[TransferValue]]) async throws(StoreError) {
        guard let reference = table.selfReference, !rows.isEmpty else { return }
        do {
            try await writer.write { db in
                let key = table.key.map { "\($0.name) = ?" }.joined(separator: " AND ")
                let update = try db.cachedStatement(sql: "UPDATE \(table.name) SET \(reference) = ? WHERE \(key)")
                for row in rows {
                    let values = [row[row.count - 1]] + row.dropLast()
                    try update.execute(arguments: StatementArguments(values.map(Self.databaseValue)))
                }
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "linking copied \(table.name) rows")
        }
    }

    /// See `ArchiveTransferring.finishTransfer()`; SQLite keeps its counters itself (`AUTOINCREMENT` follows the
    /// largest id inserted), so only the planner's statistics are refreshed.
    public func finishTransfer() async throws(StoreError) {
        do {
            try await writer.write { db in try db.execute(sql: "ANALYZE") }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "finishing the copy")
        }
    }

    /// A neutral value as SQLite stores it: dates as `StoredDate` text, flags as 0 or 1.
    static func databaseValue(_ value: TransferValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .real(let real): real.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        case .date(let date):
            // NB: to the nearest millisecond first: a parsed `…12.345` is a double a hair below it, which
            // `StoredDate`'s truncation would turn into `…12.344`.
            StoredDate.text(Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000))
                .databaseValue
        }
    }

    /// A stored value in neutral form, read as its column's kind says (SQLite's columns hold any type).
    static func transferValue(
        _ value: DatabaseValue, _ column: TransferColumn, _ table: TransferTable
    ) throws -> TransferValue {
        if value.isNull { return .null }
        let unreadable = DatabaseError(
            message: "\(table.name).\(column.name) holds \(value.description.prefix(40)), not a \(column.kind) value")
        switch column.kind {
        case .integer, .flag:
            guard let integer = Int64.fromDatabaseValue(value) else { throw unreadable }
            return .integer(integer)
        case .real:
            guard let real = Double.fromDatabaseValue(value) else { throw unreadable }
            return .real(real)
        case .text:
            guard let text = String.fromDatabaseValue(value) else { throw unreadable }
            return .text(text)
        case .blob:
            guard let data = Data.fromDatabaseValue(value) else { throw unreadable }
            return .blob(Array(data))
        case .date:
            guard let date = Date.fromDatabaseValue(value) else { throw unreadable }
            return .date(date)
        }
    }
}
