import Foundation
import NewsCore
import NewsStore
import NewsTesting
import Testing

@testable import NewsIngest

@Suite("Every engine lists the near-duplicate buckets of a range of positions")
struct DuplicateBucketKeysTests {
    /// Reports of distinct events, each also carried by a second outlet word for word.
    static func reportsAndCopies() -> [IncomingArticle] {
        let places = ["Harbor", "Valley", "Summit", "Delta", "Prairie", "Canyon", "Island", "Forest"]
        var batch: [IncomingArticle] = []
        for (index, place) in places.enumerated() {
            let text = """
                Officials in \(place) County said on day \(index) that the \(place.lowercased()) bridge will close \
                for repairs after inspectors found cracks in \(index + 3) of its supports, and that traffic will \
                be sent over the \(place.lowercased()) ferry while the work lasts, which could take \(index + 2) \
                months according to the county engineer.
                """
            batch.append(incoming("\(place) bridge to close for repairs", text, source: "Daily \(place)"))
            if index.isMultiple(of: 2) {
                batch.append(incoming("\(place) bridge to close for repairs", text, source: "Reprinter \(place)"))
            }
        }
        return batch
    }

    @Test(
        "the keys listed are those holding a position in the range, and the filter changes no answer",
        arguments: StoreKind.available)
    func listsTheRangesKeys(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        _ = try await store.add(Self.reportsAndCopies())
        #expect(try await StoryClustering.clusterPending(in: store).copies == 4)
        // NB: the session hands back what it read, and the test judges it outside (a closure typed to throw only
        // store errors cannot fail an expectation).
        let read = try await store.withClusteringSession { session throws(StoreError) -> Lookups in
            var read = Lookups()
            let count = Int32(try session.meta()?.duplicateCount ?? 0)
            read.all = try session.duplicateBucketKeys(in: 0..<count)
            read.ranges = [0..<count, 3..<count, 0..<5, 5..<6, count..<count]
            let universe = Set(read.all ?? []).sorted()
            for range in read.ranges {
                read.listed.append(try session.duplicateBucketKeys(in: range).map(Set.init))
                read.held.append(
                    try universe.map { key throws(StoreError) in
                        (key, try session.duplicatePositions(inBucket: key, in: range, limit: 64))
                    })
            }
            // The lookups a batch makes, with the closed blocks filtered and without.
            let keys = universe.map { (key: UInt64(bitPattern: $0), limit: 32) }
            let plain = SessionSource(session, bucketFilter: DuplicateBucketFilter(loadAfter: .max))
            let filtered = SessionSource(session, bucketFilter: DuplicateBucketFilter(blockShift: 2, loadAfter: 0))
            for range in read.ranges.dropLast() {
                read.answers.append(
                    (plain.positions(inBuckets: keys, in: range), filtered.positions(inBuckets: keys, in: range)))
            }
            try plain.check()
            try filtered.check()
            return read
        }
        let all = try #require(read.all, "\(kind) lists no keys")
        #expect(all.count >= 8 * 4, "every report's bands are keys")
        for (index, range) in read.ranges.enumerated() {
            let listed = try #require(read.listed[index])
            for (key, positions) in read.held[index] {
                #expect(positions.allSatisfy(range.contains))
                #expect(listed.contains(key) == !positions.isEmpty, "key \(key) in \(range)")
            }
        }
        #expect(read.held[0].contains { $0.1.count > 1 }, "a copy shares its report's buckets")
        for (plain, filtered) in read.answers { #expect(filtered == plain) }
    }

    /// What one session read.
    struct Lookups {
        var all: [Int64]?
        var ranges: [Range<Int32>] = []
        var listed: [Set<Int64>?] = []
        var held: [[(Int64, [Int32])]] = []
        var answers: [([[Int32]], [[Int32]])] = []
    }
}
