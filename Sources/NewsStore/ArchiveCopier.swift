/// Where a copy is: for the progress line on a terminal.
public struct ArchiveCopyProgress: Sendable, Hashable {
    /// The table being copied.
    public let table: String
    /// Its position among the tables, from 1.
    public let tableNumber: Int
    /// How many tables there are.
    public let tableCount: Int
    /// Rows of this table the destination holds so far.
    public let tableRows: Int
    /// Rows of this table in the source.
    public let tableTotal: Int
    /// Rows of every table the destination holds so far.
    public let rows: Int
    /// Rows of every table in the source.
    public let total: Int
}

/// What a copy did, table by table.
public struct ArchiveCopyReport: Sendable, Hashable {
    /// One table's counts.
    public struct Table: Sendable, Hashable {
        /// Its name.
        public let name: String
        /// Rows in the source, which the destination now holds too.
        public let rows: Int
        /// Of them, rows this run wrote (the rest were there from a copy that stopped).
        public let copied: Int
    }

    /// Every table, in copy order.
    public let tables: [Table]
    /// Whether the destination held part of the archive already: a copy that stopped, gone on with.
    public let resumed: Bool

    /// Rows in all tables.
    public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    /// Rows this run wrote.
    public var copied: Int { tables.reduce(0) { $0 + $1.copied } }
    /// The rows of one table.
    public func rows(of table: String) -> Int { tables.first { $0.name == table }?.rows ?? 0 }
}

/// Copies a whole archive from one store to another (SQLite to PostgreSQL or back), table by table in key order,
/// each chunk in one transaction: a copy that is stopped (killed, a lost connection) goes on from where the
/// destination stands when run again, and nothing is written twice.
///
/// It refuses a destination that holds articles other than the source's. Once every table is copied it checks
/// that each holds as many rows as the source's; the source must not be written meanwhile.
public struct ArchiveCopier: Sendable {
    private let source: any ArchiveTransferring
    private let destination: any ArchiveTransferring
    private let destinationName: String
    private let maxChunkRows: Int

    /// The bytes a chunk aims at: large enough that round trips to a server do not dominate, small enough that
    /// a chunk of raw pages stays a few megabytes in memory.
    static let chunkBytes = 4 << 20

    /// A copier from `source` to `destination`, whose name errors give, writing at most `maxChunkRows` rows per
    /// transaction (fewer when rows are large).
    public init(
        from source: any ArchiveTransferring, to destination: any ArchiveTransferring, destinationName: String,
        maxChunkRows: Int = 4096
    ) {
        self.source = source
        self.destination = destination
        self.destinationName = destinationName
        self.maxChunkRows = max(maxChunkRows, 1)
    }

    /// Copies everything, telling `progress` after each chunk (it may throw to stop the copy, as a cancelled
    /// copy would stop), and checks the counts.
    public func copy(
        progress: @Sendable (ArchiveCopyProgress) throws -> Void = { _ in }
    ) async throws -> ArchiveCopyReport {
        let tables = ArchiveSchema.tables
        var totals: [Int] = []
        var held: [Int] = []
        for table in tables {
            totals.append(try await source.transferCount(table))
            held.append(try await destination.transferCount(table))
        }
        let resumed = held.contains { $0 > 0 }
        if resumed { try await checkSameArchive(totals: totals, held: held) }
        let total = totals.reduce(0, +)
        var done = held.reduce(0, +)
        var report: [ArchiveCopyReport.Table] = []
        for (index, table) in tables.enumerated() {
            var last = try await destination.lastTransferKey(table)
            var tableRows = held[index]
            var copied = 0
            var limit = min(256, maxChunkRows)
            func tell() throws {
                try progress(
                    ArchiveCopyProgress(
                        table: table.name, tableNumber: index + 1, tableCount: tables.count, tableRows: tableRows,
                        tableTotal: totals[index], rows: done, total: total))
            }
            try tell()
            while true {
                try Task.checkCancellation()
                let requested = limit
                let rows = try await source.transferRows(table, after: last, limit: requested)
                guard let final = rows.last else { break }
                let inserted = try await destination.insertTransferRows(table, rows)
                copied += inserted
                tableRows += inserted
                done += inserted
                last = Array(final.prefix(table.keyCount))
                limit = min(Self.nextLimit(after: rows), maxChunkRows)
                try tell()
                if rows.count < requested { break }
            }
            if let reference = table.selfReference {
                try await copyReferences(table, column: reference)
            }
            report.append(.init(name: table.name, rows: totals[index], copied: copied))
        }
        try await destination.finishTransfer()
        var short: [String] = []
        for (index, table) in tables.enumerated() {
            let count = try await destination.transferCount(table)
            if count != totals[index] {
                short.append("\(table.name) has \(count) of the source's \(totals[index]) rows")
            }
        }
        guard short.isEmpty else {
            throw StoreError.copyIncomplete(destinationName, reason: short.joined(separator: "; "))
        }
        return ArchiveCopyReport(tables: report, resumed: resumed)
    }

    /// The row count of the next chunk: about `chunkBytes` of rows the size of these, between 16 and 4,096.
    static func nextLimit(after rows: [[TransferValue]]) -> Int {
        var bytes = 0
        for row in rows {
            for value in row {
                switch value {
                case .null: bytes += 1
                case .integer, .real, .date: bytes += 8
                case .text(let text): bytes += text.utf8.count
                case .blob(let blob): bytes += blob.count
                }
            }
        }
        let average = max(bytes / max(rows.count, 1), 1)
        return min(max(chunkBytes / average, 16), 4096)
    }

    /// Sets the table's self-references once all its rows are there, in chunks; setting one twice (a copy
    /// that stopped here) writes the same value again.
    private func copyReferences(_ table: TransferTable, column: String) async throws {
        guard let position = table.columns.firstIndex(where: { $0.name == column }) else { return }
        var last: [TransferValue]? = nil
        var pending: [[TransferValue]] = []
        while true {
            try Task.checkCancellation()
            let rows = try await source.transferRows(table, after: last, limit: 4096)
            guard let final = rows.last else { break }
            defer { last = Array(final.prefix(table.keyCount)) }
            for row in rows where row[position] != .null {
                pending.append(Array(row.prefix(table.keyCount)) + [row[position]])
            }
            if pending.count >= 1024 {
                try await destination.setTransferReferences(table, pending)
                pending.removeAll(keepingCapacity: true)
            }
            if rows.count < 4096 { break }
        }
        if !pending.isEmpty { try await destination.setTransferReferences(table, pending) }
    }

    /// Refuses a destination that holds rows the source does not: more rows in a table than the source, or its
    /// first or last article not the source's article of that id (compared by content hash).
    private func checkSameArchive(totals: [Int], held: [Int]) async throws {
        for (index, table) in ArchiveSchema.tables.enumerated() where held[index] > totals[index] {
            throw StoreError.holdsAnotherArchive(
                destinationName, reason: "\(held[index]) \(table.name) rows, the source \(totals[index])")
        }
        guard let articles = ArchiveSchema.tables.first(where: { $0.name == "article" }),
            let hash = articles.columns.firstIndex(where: { $0.name == "content_hash" })
        else { return }
        var keys: [[TransferValue]] = []
        if let first = try await destination.transferRows(articles, after: nil, limit: 1).first {
            keys.append([first[0]])
        }
        if let last = try await destination.lastTransferKey(articles) { keys.append(last) }
        for key in keys {
            guard case .integer(let id) = key.first else { continue }
            let before: [TransferValue] = [.integer(id - 1)]
            let theirs = try await destination.transferRows(articles, after: before, limit: 1).first
            let ours = try await source.transferRows(articles, after: before, limit: 1).first
            guard let theirs, let ours, ours[0] == theirs[0], ours[hash] == theirs[hash] else {
                throw StoreError.holdsAnotherArchive(
                    destinationName, reason: "its article \(id) is not the source's article \(id)")
            }
        }
    }
}
