import Foundation
import GRDB
import NewsCore
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@testable import NewsIngest

@Suite("Near-duplicate lookups skip the closed blocks that do not hold their key")
struct DuplicateBucketFilterTests {
    @Test("off until enough keys were looked up; then only the blocks holding a key are sought")
    func filtersClosedBlocks() throws {
        // Blocks of four positions: 0–3 and 4–7 are closed in 0..<11, 8–10 is the newest.
        var filter = DuplicateBucketFilter(blockShift: 2, loadAfter: 16)
        var listed: [Range<Int32>] = []
        let keys = { (range: Range<Int32>) throws(StoreError) -> [Int64]? in
            listed.append(range)
            return range.lowerBound == 0 ? [1, 5] : [7]
        }
        #expect(try filter.recentPart(of: 0..<11, looking: 16, keys: keys) == nil)
        #expect(listed.isEmpty)
        let recent = try #require(try filter.recentPart(of: 0..<11, looking: 1, keys: keys))
        #expect(recent == 8..<11 && listed == [0..<4, 4..<8])
        #expect(filter.mayHold(1, in: 0..<11, before: recent) && filter.mayHold(7, in: 0..<11, before: recent))
        #expect(!filter.mayHold(3, in: 0..<11, before: recent) && !filter.mayHold(8, in: 0..<11, before: recent))
        // Read once: a later range reuses the blocks, and a range inside the newest block has nothing to skip.
        #expect(try filter.recentPart(of: 2..<12, looking: 1, keys: keys) == 8..<12 && listed.count == 2)
        #expect(try filter.recentPart(of: 8..<11, looking: 1, keys: keys) == nil)

        var unlisted = DuplicateBucketFilter(blockShift: 2, loadAfter: 0)
        #expect(try unlisted.recentPart(of: 0..<11, looking: 1, keys: { _ throws(StoreError) in nil }) == nil)
    }

    @Test("with the filter, every bucket gives the positions the store gives without it")
    func sameAnswersAsTheStore() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("buckets.sqlite")
        let start = 1_700_000_000.0
        do {
            let store = try NewsDatabase.open(path: path)
            // Reports, and copies of some of them from other outlets, so that buckets hold several positions.
            let reports = StorySummaryTests.flood(0..<12, start: start)
            let copies = reports.enumerated().filter { $0.offset.isMultiple(of: 2) }.map { index, incoming in
                var draft = incoming.draft
                draft.source = "Reprinter \(index)"
                return IncomingArticle(draft: draft, ingested: incoming.ingested, inputName: "copy \(index)")
            }
            _ = try await store.add(reports + copies)
            #expect(try await StoryClustering.clusterPending(in: store).copies == copies.count)
        }
        let queue = try DatabaseQueue(path: path)
        let (stored, count) = try await queue.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT DISTINCT key FROM duplicate_bucket ORDER BY key"),
                try Int32.fetchOne(db, sql: "SELECT count(*) FROM duplicate_entry") ?? 0
            )
        }
        try queue.close()
        #expect(count == 18)
        let keys = (stored + [0, 1, Int64.max, Int64.min]).map { (key: UInt64(bitPattern: $0), limit: 32) }

        let store = try NewsDatabase.open(path: path)
        let ranges: [Range<Int32>] = [0..<count, 5..<count, 0..<12, 9..<17]
        // NB: the session returns what both sources found (a closure returning nothing crashes Swift 6.3's SIL).
        let answers = try await store.withClusteringSession { session throws(StoreError) -> [[[Int32]]] in
            let plain = SessionSource(session, bucketFilter: DuplicateBucketFilter(loadAfter: .max))
            let filtered = SessionSource(session, bucketFilter: DuplicateBucketFilter(blockShift: 3, loadAfter: 0))
            let found = ranges.flatMap { range in
                [plain.positions(inBuckets: keys, in: range), filtered.positions(inBuckets: keys, in: range)]
            }
            try plain.check()
            try filtered.check()
            return found
        }
        for (index, range) in ranges.enumerated() {
            let expected = answers[2 * index]
            #expect(expected.contains { $0.count > 1 }, "some bucket holds several positions in \(range)")
            #expect(answers[2 * index + 1] == expected, "range \(range)")
        }
    }
}
