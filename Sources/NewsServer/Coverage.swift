internal import Foundation
internal import HTTPTypes
internal import NewsAnalysis
internal import NewsCompare
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// What the pages and the API read and change, over the store: story renderings kept by fingerprint (in
/// memory and in the store), and the changes that must not interleave with the poller's clustering.
final class Coverage: Sendable {
    /// The kinds of story rendering kept.
    enum Kind: String, Sendable {
        case json = "comparison.json"
        case html = "page.html"
    }

    let store: any ArticleStore
    let resources: ServerResources
    let cache: RenderingCache
    /// Serialises every change to the stories (the poller's clustering, merges, splits): each reads the
    /// clusterer's state, changes it and saves it, so two at once would lose one.
    let clustering = ClusteringLock()
    let now: @Sendable () -> Date

    init(store: any ArticleStore, resources: ServerResources, cacheBudget: Int, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.resources = resources
        self.cache = RenderingCache(budget: cacheBudget)
        self.now = now
    }

    /// A story's rendering, and the story's own id (a merged story's or an article's id leads to the story
    /// that holds it), or `nil` when the id is neither a story nor a clustered article.
    func story(
        _ id: ArticleID, as kind: Kind, render: @Sendable (StoryComparison) -> Data
    ) async throws -> (story: ArticleID, body: Data)? {
        guard let (story, members) = try await StoryCoverage(store: store).members(of: id), !members.isEmpty else {
            return nil
        }
        let fingerprint = fingerprint(story, members)
        let key = RenderingCache.Key(story: story, kind: kind.rawValue)
        if let body = cache.get(key, fingerprint: fingerprint) { return (story, body) }
        if let body = try await store.cachedRendering(story: story, kind: kind.rawValue, fingerprint: fingerprint) {
            cache.put(key, fingerprint: fingerprint, body: body)
            return (story, body)
        }
        let comparison: StoryComparison
        do {
            comparison = try await StoryCoverage(store: store).compare(story).comparison
        } catch {
            switch error {
            case .noSuchStory: return nil
            case .store(let error): throw error
            }
        }
        let body = render(comparison)
        cache.put(key, fingerprint: fingerprint, body: body)
        try await store.saveRendering(
            CachedRendering(story: story, kind: kind.rawValue, fingerprint: fingerprint, body: body))
        return (story, body)
    }

    /// What a story's rendering is made from: its members and their origins, the algorithms and the templates.
    private func fingerprint(_ story: ArticleID, _ members: [StoryAssignment]) -> String {
        var text = "\(story.rawValue)|\(TextAnalyzer.algorithm)|\(CoverageComparer.algorithm)|\(resources.digest)"
        for member in members.sorted(by: { $0.article.rawValue < $1.article.rawValue }) {
            text += "|\(member.article.rawValue):\(member.origin.rawValue):\(member.relation)"
        }
        return SHA256.hex(SHA256.hash(Array(text.utf8)).prefix(16))
    }

    /// Changes an outlet; kept renderings are dropped, since owners decide which articles are independent.
    func updateSource(named name: String, _ update: SourceUpdate) async throws -> SourceRecord? {
        let updated = try await store.updateSource(named: name, update)
        if updated != nil { cache.removeAll() }
        return updated
    }

    /// Merges, splits or pins, after any articles still waiting are clustered.
    func change(_ change: StoryChange) async throws {
        try await clustering.run { [store] in
            do throws(StoryChangeError) {
                try await StoryClustering.apply(change, in: store)
            } catch {
                switch error {
                case .store(let error): throw error
                case .refused(let reason):
                    throw APIError(.conflict, "story.change_refused", reason)
                }
            }
        }
    }

    /// Groups articles not yet in a story (added by the poller or by the CLI beside the server).
    func clusterPending() async throws -> StoryClusteringReport {
        try await clustering.run { [store] in try await StoryClustering.clusterPending(in: store) }
    }
}

/// Runs one piece of story work at a time, in arrival order.
actor ClusteringLock {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await work()
    }
}
