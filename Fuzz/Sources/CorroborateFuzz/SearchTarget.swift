import Foundation
import NewsCore
import NewsIngest
import NewsStore
import NewsStoreSQLite

/// What a user types into search, run against a real SQLite full-text index: whatever the text, the query
/// answers (hits or none), never an FTS5 syntax error or any other failure; only text with no words at all
/// is refused, with a reason.
enum SearchTarget {
    static let target = FuzzTarget(name: "search", summary: "search queries against a real SQLite FTS5 index") {
        let store = FuzzDatabase.seeded()
        return { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            // Text with no words to look for is refused with a reason; anything with words must run.
            let hasWords = SearchSyntax(text) != nil
            let outcome = blocking { () -> String? in
                do {
                    _ = try await store.search(SearchQuery(text, limit: 5))
                    return nil
                } catch {
                    return !hasWords && (error as? StoreError)?.code == "store.invalid-query" ? nil : "\(error)"
                }
            }
            if let failure = outcome { violated("search for \(text.debugDescription) failed: \(failure)") }
        }
    }
}

/// A throwaway database holding the bundled sample, clustered, for the targets that need a store.
enum FuzzDatabase {
    static let when = Date(timeIntervalSince1970: 1_700_000_000)

    static func seeded() -> NewsDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "corroborate-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try NewsDatabase.open(path: folder.appendingPathComponent("fuzz.sqlite").path)
            let failure = blocking { () -> String? in
                do {
                    _ = try await FileIngestor(store: store, now: { when }).ingest([
                        repositoryRoot.appendingPathComponent("Samples/seeds").path
                    ])
                    _ = try await StoryClustering.clusterPending(in: store)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            if let failure { violated("setting up the database failed: \(failure)") }
            return store
        } catch {
            violated("cannot make a database in \(folder.path): \(error)")
        }
    }
}
