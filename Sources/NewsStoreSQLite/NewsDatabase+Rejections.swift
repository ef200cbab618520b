internal import Foundation
internal import GRDB
internal import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.recordRejections(_:)`.
    public func recordRejections(_ rejections: [RejectedInput]) async throws(StoreError) {
        guard !rejections.isEmpty else { return }
        do {
            try await writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO rejected_input
                            (input_name, location, code, reason, input_format, raw, raw_size, rejected_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (input_name, location, code) DO UPDATE SET
                            reason = excluded.reason, input_format = excluded.input_format, raw = excluded.raw,
                            raw_size = excluded.raw_size, rejected_at = excluded.rejected_at
                        """)
                for rejection in rejections {
                    try statement.execute(arguments: [
                        rejection.inputName, rejection.location, rejection.code, rejection.reason,
                        rejection.format?.rawValue, rejection.raw.map { Data($0) }, rejection.rawSize,
                        StoredDate.text(rejection.rejectedAt),
                    ])
                }
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "recording rejected inputs")
        }
    }

    /// See `ArticleStore.rejections(limit:offset:)`.
    public func rejections(limit: Int, offset: Int) async throws(StoreError) -> [RejectedInput] {
        try await read("listing rejected inputs") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT input_name, location, code, reason, input_format, raw, raw_size, rejected_at
                    FROM rejected_input
                    ORDER BY rejected_at DESC, id DESC LIMIT ? OFFSET ?
                    """,
                arguments: [max(limit, 0), max(offset, 0)]
            ).map { row in
                RejectedInput(
                    inputName: row["input_name"], location: row["location"], code: row["code"], reason: row["reason"],
                    format: (row["input_format"] as String?).flatMap(InputFormat.init(rawValue:)),
                    raw: (row["raw"] as Data?).map { Array($0) }, rawSize: row["raw_size"],
                    rejectedAt: row["rejected_at"])
            }
        }
    }
}
