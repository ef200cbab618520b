public import Foundation
internal import NewsAnalysis
internal import NewsCore
public import NewsStore

/// Analyses the stored articles that lack an analysis by the current algorithm, a batch per transaction, so
/// an interrupted run keeps what it finished and the next takes up the rest.
public enum PendingAnalysis {
    /// Analyses every article needing it; `progress` gets the running count after each batch. Returns how
    /// many were analysed.
    public static func run(
        in store: any ArticleStore, now: @escaping @Sendable () -> Date,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(StoreError) -> Int {
        let analyzer = TextAnalyzer()
        var analysed = 0
        var after: ArticleID?
        while true {
            let batch = try await store.idsNeedingAnalysis(algorithm: TextAnalyzer.algorithm, after: after, limit: 200)
            guard let last = batch.last else { break }
            after = last
            var results: [StoredAnalysis] = []
            for id in batch {
                guard let article = try await store.article(id) else { continue }
                let analysis = analyzer.analyze(
                    article.text, published: article.published, languageHint: article.language)
                results.append(StoredAnalysis(articleID: id, analysis: analysis, analysedAt: now()))
            }
            try await store.saveAnalyses(results)
            analysed += results.count
            progress?(analysed)
        }
        return analysed
    }
}
