internal import Foundation
internal import NIOCore
internal import NewsCore
public import NewsStore
internal import PostgresNIO

/// Copying an archive out of and into the server, for `corroborate migrate`; see `ArchiveTransferring`.
///
/// NB: the text columns that are keys (`feed_item.key`, `story_rendering.kind`, `cluster_kept_apart.pair`)
/// collate as `"C"`, byte order like SQLite's, so both engines page a table in the same order.
extension PostgresStore: ArchiveTransferring {
    /// The most parameters one statement carries (the protocol allows 65,535).
    static let transferBinds = 30_000

    /// See `ArchiveTransferring.transferCount(_:)`.
    public func transferCount(_ table: TransferTable) async throws(StoreError) -> Int {
        let rows = try await rows(
            "counting \(table.name) rows", PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.name)"))
        return try decoded("counting \(table.name) rows", rows) { try $0.decode(Int.self) }.first ?? 0
    }

    /// See `ArchiveTransferring.transferRows(_:after:limit:)`.
    public func transferRows(
        _ table: TransferTable, after: [TransferValue]?, limit: Int
    ) async throws(StoreError) -> [[TransferValue]] {
        let key = table.key.map(\.name).joined(separator: ", ")
        var sql = "SELECT \(table.columns.map(\.name).joined(separator: ", ")) FROM \(table.name)"
        var binds = PostgresBindings()
        if let after {
            let marks = after.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
            sql += " WHERE (\(key)) > (\(marks))"
            for (value, column) in zip(after, table.key) { Self.bind(value, column.kind, &binds) }
        }
        sql += " ORDER BY \(key) LIMIT \(max(limit, 0))"
        let operation = "reading \(table.name) rows to copy"
        let rows = try await rows(operation, PostgresQuery(unsafeSQL: sql, binds: binds))
        return try decoded(operation, rows) { row in try Self.values(row, table.columns) }
    }

    /// See `ArchiveTransferring.lastTransferKey(_:)`.
    public func lastTransferKey(_ table: TransferTable) async throws(StoreError) -> [TransferValue]? {
        let key = table.key.map(\.name)
        let sql =
            "SELECT \(key.joined(separator: ", ")) FROM \(table.name) ORDER BY "
            + key.map { "\($0) DESC" }.joined(separator: ", ") + " LIMIT 1"
        let operation = "reading the last \(table.name) row"
        let rows = try await rows(operation, PostgresQuery(unsafeSQL: sql))
        return try decoded(operation, rows) { row in try Self.values(row, Array(table.key)) }.first
    }

    /// See `ArchiveTransferring.insertTransferRows(_:_:)`; an article's search configuration is its language's.
    public func insertTransferRows(_ table: TransferTable, _ rows: [[TransferValue]]) async throws(StoreError) -> Int {
        guard !rows.isEmpty else { return 0 }
        let isArticle = table.name == "article"
        let language = table.columns.firstIndex { $0.name == "language" }
        let configurations = searchConfigurations
        let names = table.columns.map(\.name) + (isArticle ? ["search_config"] : [])
        let perStatement = max(Self.transferBinds / names.count, 1)
        let head = "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES "
        return try await transaction("copying \(table.name) rows", writing: true) { [logger] connection in
            var inserted = 0
            var start = 0
            while start < rows.count {
                let slice = rows[start..<min(start + perStatement, rows.count)]
                start += slice.count
                var binds = PostgresBindings(capacity: slice.count * names.count)
                var tuples: [String] = []
                tuples.reserveCapacity(slice.count)
                for row in slice {
                    var marks: [String] = []
                    for (index, column) in table.columns.enumerated() {
                        let value = column.name == table.selfReference ? .null : row[index]
                        Self.bind(value, column.kind, &binds)
                        marks.append("$\(binds.count)::\(Self.typeName(column.kind))")
                    }
                    if isArticle {
                        var code: LanguageCode? = nil
                        if let language, case .text(let raw) = row[language] { code = LanguageCode(rawValue: raw) }
                        binds.append(Self.searchConfiguration(for: code, among: configurations))
                        marks.append("$\(binds.count)::regconfig")
                    }
                    tuples.append("(" + marks.joined(separator: ", ") + ")")
                }
                let sql = head + tuples.joined(separator: ", ") + " ON CONFLICT DO NOTHING RETURNING 1"
                inserted += try await connection.all(PostgresQuery(unsafeSQL: sql, binds: binds), logger).count
            }
            return inserted
        }
    }

    /// See `ArchiveTransferring.setTransferReferences(_:_:)`; the table's key is one integer.
    public func setTransferReferences(_ table: TransferTable, _ rows: [[TransferValue]]) async throws(StoreError) {
        guard let reference = table.selfReference, let key = table.key.first?.name, !rows.isEmpty else { return }
        var ids: [Int64] = []
        var targets: [Int64] = []
        for row in rows {
            guard case .integer(let id) = row.first, case .integer(let target) = row.last else { continue }
            ids.append(id)
            targets.append(target)
        }
        var bindings = PostgresBindings()
        bindings.append(ids)
        bindings.append(targets)
        let binds = bindings
        let sql = """
            UPDATE \(table.name) SET \(reference) = u.target
            FROM unnest($1::bigint[], $2::bigint[]) AS u(id, target) WHERE \(table.name).\(key) = u.id
            """
        try await transaction("linking copied \(table.name) rows", writing: true) { [logger] connection in
            try await connection.all(PostgresQuery(unsafeSQL: sql, binds: binds), logger)
        }
    }

    /// See `ArchiveTransferring.finishTransfer()`: the identity counters go past the largest copied id, the
    /// search counts are recounted and the planner's statistics refreshed.
    public func finishTransfer() async throws(StoreError) {
        try await transaction("finishing the copy", writing: true) { [logger] connection in
            for table in ["source", "article", "rejected_input", "feed", "saved_search", "api_token"] {
                try await connection.all(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 0) + 1, false)
                            FROM \(table)
                            """), logger)
            }
            try await connection.all("DELETE FROM search_index", logger)
            try await connection.all(
                """
                INSERT INTO search_index (config, article_count)
                SELECT search_config::text, count(*) FROM article GROUP BY search_config
                """, logger)
        }
        _ = try await rows("finishing the copy", "ANALYZE")
    }

    /// The SQL type a neutral kind is written as.
    static func typeName(_ kind: TransferKind) -> String {
        switch kind {
        case .integer: "bigint"
        case .real: "double precision"
        case .text: "text"
        case .blob: "bytea"
        case .date: "timestamptz"
        case .flag: "boolean"
        }
    }

    /// Appends a neutral value as its column's kind is stored.
    static func bind(_ value: TransferValue, _ kind: TransferKind, _ binds: inout PostgresBindings) {
        switch value {
        case .null: binds.appendNull()
        case .integer(let integer) where kind == .flag: binds.append(integer != 0)
        case .integer(let integer): binds.append(integer)
        case .real(let real): binds.append(real)
        case .text(let text): binds.append(text)
        case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
        case .date(let date): binds.append(date)
        }
    }

    /// A row's values in neutral form, as its columns' kinds say.
    static func values(_ row: PostgresRow, _ columns: [TransferColumn]) throws -> [TransferValue] {
        var values: [TransferValue] = []
        values.reserveCapacity(columns.count)
        for (cell, column) in zip(row, columns) {
            switch column.kind {
            case .integer: values.append(try cell.decode(Int64?.self).map(TransferValue.integer) ?? .null)
            case .flag: values.append(try cell.decode(Bool?.self).map { .integer($0 ? 1 : 0) } ?? .null)
            case .real: values.append(try cell.decode(Double?.self).map(TransferValue.real) ?? .null)
            case .text: values.append(try cell.decode(String?.self).map(TransferValue.text) ?? .null)
            case .blob:
                values.append(try cell.decode(ByteBuffer?.self).map { .blob(Array($0.readableBytesView)) } ?? .null)
            case .date: values.append(try cell.decode(Date?.self).map(TransferValue.date) ?? .null)
            }
        }
        return values
    }
}
