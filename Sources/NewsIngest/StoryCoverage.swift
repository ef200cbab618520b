public import Foundation
internal import NewsAnalysis
public import NewsCompare
public import NewsCore
public import NewsStore

/// Why a story could not be compared.
public enum StoryCoverageError: Error, Sendable {
    /// No story or clustered article has this id.
    case noSuchStory(ArticleID)
    /// The store failed.
    case store(StoreError)
}

/// Gathers a stored story's articles, analyses, outlets and origins, and compares its coverage.
public struct StoryCoverage: Sendable {
    /// The store.
    public let store: any ArticleStore
    /// The clock analyses made on the way are stamped with.
    public var now: @Sendable () -> Date = { Date() }

    /// Coverage comparison over `store`.
    public init(store: any ArticleStore) { self.store = store }

    /// The comparison of the story `id` names: a story's id, or any clustered article's (its story is
    /// compared). Articles without an analysis by the current algorithm are analysed and the analyses
    /// saved, so the next comparison reads them; `analysed` says how many.
    public func compare(
        _ id: ArticleID, options: ComparisonOptions = ComparisonOptions()
    ) async throws(StoryCoverageError) -> (comparison: StoryComparison, analysed: Int) {
        let loaded: (story: ArticleID, articles: [CoverageArticle], analysed: Int, outlets: [KnownOutlet])?
        do {
            loaded = try await load(id)
        } catch {
            throw .store(error)
        }
        guard let loaded, !loaded.articles.isEmpty else { throw .noSuchStory(id) }
        let comparison = CoverageComparer(options: options, outlets: loaded.outlets)
            .compare(story: loaded.story, articles: loaded.articles)
        return (comparison, loaded.analysed)
    }

    /// The story `id` names (a story's id, a merged story's, or any clustered article's) and its members.
    public func members(of id: ArticleID) async throws(StoreError) -> (story: ArticleID, articles: [StoryAssignment])? {
        if let found = try await store.storyArticles(id) { return found }
        guard let assignment = try await store.assignment(of: id) else { return nil }
        return try await store.storyArticles(assignment.story)
    }

    private func load(
        _ id: ArticleID
    ) async throws(StoreError) -> (
        story: ArticleID, articles: [CoverageArticle], analysed: Int, outlets: [KnownOutlet]
    )? {
        guard let (story, assignments) = try await members(of: id) else { return nil }
        let sources = try await store.sources()
        let registry = Dictionary(sources.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let outlets = KnownOutlet.directory(
            adding: sources.map {
                KnownOutlet(registered: $0.name, domain: $0.domain, owner: $0.owner, isAgency: $0.kind == .wire)
            })
        var inputs: [CoverageArticle] = []
        var fresh: [StoredAnalysis] = []
        for assignment in assignments {
            guard let article = try await store.article(assignment.article) else { continue }
            var analysis = try await store.analysis(of: article.id)?.analysis
            if analysis?.algorithm != TextAnalyzer.algorithm {
                let made = TextAnalyzer().analyze(
                    article.text, published: article.published, languageHint: article.language)
                fresh.append(StoredAnalysis(articleID: article.id, analysis: made, analysedAt: now()))
                analysis = made
            }
            guard let analysis else { continue }
            let outlet = article.source ?? "unknown outlet"
            inputs.append(
                CoverageArticle(
                    id: article.id, title: article.title, text: article.text, outlet: outlet,
                    owner: registry[outlet.lowercased()]?.owner, duplicateOf: assignment.origin,
                    published: article.published, analysis: analysis))
        }
        if !fresh.isEmpty {
            do {
                try await store.saveAnalyses(fresh)
            } catch  where error.isReadOnly {
                // A read-only archive is still compared: the analyses are made for this comparison, not kept.
            }
        }
        return (story, inputs, fresh.count, outlets)
    }
}
