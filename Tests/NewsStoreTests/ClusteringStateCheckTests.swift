import Foundation
import NewsCore
import NewsIngest
import NewsStore
import NewsTesting
import Testing

@Suite("The clustering state against the tables (every engine)")
struct ClusteringStateCheckTests {
    static func articles() -> [IncomingArticle] {
        let events = [
            "The river burst its banks in the old town after days of heavy rain, flooding streets and shops",
            "The central bank raised its benchmark interest rate by half a point to fight inflation again",
            "Rail workers walked out over pay, halting trains across the country as the union blamed the operator",
        ]
        return (0..<30).map { index in
            incoming(
                "\(events[index % 3].prefix(40)) \(index)", "\(events[index % 3]). Detail \(index * 7919 % 1000).",
                source: "Outlet \(index % 4)",
                published: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 600))
        }
    }

    @Test(
        "sound after clustering; counters wound back are found, repaired, and clustering goes on",
        arguments: StoreKind.available)
    func countersBehind(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        _ = try await store.add(Self.articles())
        _ = try await StoryClustering.clusterPending(in: store)
        let sound = try await ClusteringStateCheck.run(store)
        #expect(sound.isConsistent, "\(sound.findings)")
        let summary = try await store.clusteringStateSummary()
        #expect(!summary.openStories.isEmpty && !summary.postings.isEmpty && summary.duplicateEntries == 30)

        // Wind the counters back through a session, as a lost update would.
        _ = try await store.withClusteringSession { session throws -> Bool in
            var meta = try #require(try session.meta())
            var counters = try JSONSerialization.jsonObject(with: meta.counters) as? [String: Any] ?? [:]
            counters["nextStory"] = 0
            meta.counters = try JSONSerialization.data(withJSONObject: counters)
            meta.duplicateCount = 3
            try session.write(ClusteringWrite(meta: meta))
            return true
        }
        let behind = try await StoryClustering.checkStories(in: store, repair: false)
        #expect(behind.findings.map(\.problem) == [.countersBehindTables])
        let repaired = try await StoryClustering.checkStories(in: store, repair: true)
        #expect(repaired.repaired)
        #expect(try await ClusteringStateCheck.run(store).isConsistent)
        _ = try await store.add([incoming("A new event", "Wildfires spread across the dry hills overnight.")])
        _ = try await StoryClustering.clusterPending(in: store)
        #expect(try await store.checkStories(repair: false).isConsistent)
        #expect(try await ClusteringStateCheck.run(store).isConsistent)
    }
}
