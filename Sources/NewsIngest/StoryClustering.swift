internal import Foundation
public import NewsCluster
internal import NewsCore
internal import NewsDedup
public import NewsStore

/// What a clustering run did.
public struct StoryClusteringReport: Sendable, Hashable {
    /// Articles clustered.
    public var clustered = 0
    /// Stories started.
    public var created = 0
    /// Articles that joined an existing story.
    public var joined = 0
    /// Stories merged into others.
    public var merged = 0
    /// Articles found to be copies of earlier ones (identical or wire copies).
    public var copies = 0
}

/// Clusters the stored articles that are not in a story yet, resuming the clusterer's saved state, and saves
/// each batch with the state in one transaction, so an interrupted run loses nothing and the next resumes.
public enum StoryClustering {
    /// The algorithm behind saved states; a state written by another starts afresh.
    public static let algorithm = "corroborate-stories.v1/" + MinHashSignature.algorithm

    /// Clusters every unclustered article, oldest first. `progress` gets (done, batch size) after each batch.
    public static func clusterPending(
        in store: any ArticleStore, options: ClusterOptions = ClusterOptions(),
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(StoreError) -> StoryClusteringReport {
        try await clusterPendingKeepingState(in: store, options: options, progress: progress).report
    }

    /// `clusterPending`, also handing back the clusterer and index it ended with, when it read them, so that
    /// a caller about to change them need not decode the saved state again.
    static func clusterPendingKeepingState(
        in store: any ArticleStore, options: ClusterOptions, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(StoreError) -> (report: StoryClusteringReport, state: (StoryClusterer, DuplicateIndex)?) {
        // NB: listing stories calls this every time; with nothing new, the saved state is not even read.
        guard try await !store.unclusteredArticles(limit: 1).isEmpty else { return (StoryClusteringReport(), nil) }
        var (clusterer, duplicates) = try await loadState(from: store, options: options)
        let extractor = FeatureExtractor(titleWeight: options.titleWeight)
        let encoder = JSONEncoder()
        var report = StoryClusteringReport()
        while true {
            // NB: the state is saved with every batch; large batches keep that cost small next to clustering.
            let ids = try await store.unclusteredArticles(limit: 5_000)
            guard !ids.isEmpty else { break }
            var assignments: [StoryAssignment] = []
            var merges: [StoryMerge] = []
            var closed: [ArticleID] = []
            for id in ids {
                guard let article = try await store.article(id) else { continue }
                let key = String(id.rawValue)
                let text = article.title + "\n\n" + article.text
                let duplicate = duplicates.add(id: key, text: text)
                if duplicate.relation != .independent { report.copies += 1 }
                let document = ClusterDocument(
                    id: key, title: article.title, text: article.text, published: article.published ?? article.ingested)
                for action in clusterer.add(extractor.features(of: document)) {
                    switch action {
                    case .created(let story, _, let reason), .assigned(let story, _, let reason):
                        if case .created = action { report.created += 1 } else { report.joined += 1 }
                        let reasonJSON =
                            (try? encoder.encode(reason)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                        assignments.append(
                            StoryAssignment(
                                article: id, story: ArticleID(Int64(story) ?? id.rawValue),
                                origin: ArticleID(Int64(duplicate.origin) ?? id.rawValue),
                                relation: duplicate.relation.rawValue, score: reason.score, reason: reasonJSON))
                    case .merged(let from, let into, _):
                        report.merged += 1
                        merges.append(StoryMerge(from: ArticleID(Int64(from) ?? 0), into: ArticleID(Int64(into) ?? 0)))
                    case .closed(let story):
                        closed.append(ArticleID(Int64(story) ?? 0))
                    }
                }
                report.clustered += 1
            }
            // Assignments made before a merge in this batch point at the merged story: follow it.
            for index in assignments.indices {
                let current = clusterer.currentStory(of: String(assignments[index].story.rawValue))
                assignments[index].story = ArticleID(Int64(current) ?? assignments[index].story.rawValue)
            }
            let state = try encodeState(clusterer, duplicates)
            try await store.saveClustering(
                ClusteringUpdate(assignments: assignments, merges: merges, closed: closed, state: state))
            progress?(report.clustered)
        }
        return (report, (clusterer, duplicates))
    }

    /// The saved clusterer and near-duplicate index, or new ones when none was saved by this algorithm.
    static func loadState(
        from store: any ArticleStore, options: ClusterOptions
    ) async throws(StoreError) -> (
        StoryClusterer, DuplicateIndex
    ) {
        if let state = try await store.clusteringState(), state.algorithm == algorithm,
            let clusterer = try? JSONDecoder().decode(StoryClusterer.self, from: state.clusterer),
            let duplicates = try? JSONDecoder().decode(DuplicateIndex.self, from: state.duplicates)
        {
            return (clusterer, duplicates)
        }
        return (StoryClusterer(options: options), DuplicateIndex())
    }

    static func encodeState(
        _ clusterer: StoryClusterer, _ duplicates: DuplicateIndex
    ) throws(StoreError)
        -> ClusteringState
    {
        do {
            let encoder = JSONEncoder()
            return ClusteringState(
                algorithm: algorithm, clusterer: try encoder.encode(clusterer),
                duplicates: try encoder.encode(duplicates))
        } catch {
            throw StoreError.failed("the clustering state", operation: "encoding it", reason: "\(error)")
        }
    }
}
