internal import Foundation
internal import Logging
internal import NewsIngest
internal import NewsStore
internal import ServiceLifecycle

/// Polls the feeds that are due, in the server's process, then analyses and groups what arrived; between
/// rounds it sleeps until the next feed is due (at most `checkInterval`, so new subscriptions are seen).
/// Articles added beside the server (`corroborate add`) are grouped on the same rounds.
struct FeedPollingService: Service {
    let coverage: Coverage
    let poller: FeedPoller?
    let checkInterval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let wait = await round()
                try? await Task.sleep(for: wait)
            }
        }
    }

    /// One round; returns how long to wait before the next.
    private func round() async -> Duration {
        let store = coverage.store
        var wait = checkInterval
        do {
            if let poller {
                // NB: leased, so servers and `fetch` workers sharing one PostgreSQL never poll a feed twice.
                var due: [FeedRecord] = []
                var report = FeedPollReport(outcomes: [])
                while true {
                    let now = coverage.now()
                    let chunk = try await store.leaseDueFeeds(at: now, until: now + 15 * 60, limit: 32)
                    if chunk.isEmpty { break }
                    due += chunk
                    report.outcomes += try await poller.poll(chunk).outcomes
                }
                if !due.isEmpty {
                    logger.info(
                        "polled feeds",
                        metadata: [
                            "feeds": "\(due.count)", "added": "\(report.added)", "failed": "\(report.failed)",
                            "unchanged": "\(report.unchanged)",
                        ])
                    for outcome in report.outcomes where outcome.status == .failed {
                        logger.warning(
                            "feed failed",
                            metadata: [
                                "feed": "\(outcome.url)", "code": "\(outcome.errorCode ?? "?")",
                                "error": "\(outcome.error ?? "")",
                            ])
                    }
                }
                if let next = try await store.feeds().compactMap(\.nextCheck).min() {
                    let seconds = max(1, next.timeIntervalSince(coverage.now()))
                    wait = min(wait, .seconds(seconds))
                }
            }
            let analysed = try await PendingAnalysis.run(in: store, now: coverage.now)
            let grouped = try await coverage.clusterPending()
            if analysed > 0 || grouped.clustered > 0 {
                logger.info(
                    "grouped new articles",
                    metadata: [
                        "analysed": "\(analysed)", "grouped": "\(grouped.clustered)",
                        "new stories": "\(grouped.created)",
                    ])
            }
        } catch {
            logger.error("feed round failed; trying again later", metadata: ["error": "\(error)"])
        }
        return wait
    }
}
