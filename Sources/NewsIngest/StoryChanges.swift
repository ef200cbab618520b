internal import Foundation
internal import NewsCluster
public import NewsCore
internal import NewsDedup
public import NewsStore

/// A change a person makes to the stories; the clusterer honours it afterwards.
public enum StoryChange: Sendable, Hashable {
    /// Merge one story into another.
    case merge(story: ArticleID, into: ArticleID)
    /// Move an article out of its story into one of its own, which never merges back.
    case split(article: ArticleID)
    /// Pin (or unpin) a story: it never closes and never merges into another.
    case pin(story: ArticleID, pinned: Bool)
}

/// Why a story change was not made.
public enum StoryChangeError: Error, Sendable {
    /// The store failed.
    case store(StoreError)
    /// The change does not apply (no such story, already merged, ...); the reason says why.
    case refused(String)
}

extension StoryClustering {
    /// Applies a person's change to the saved stories and the clusterer's state, in one transaction.
    public static func apply(_ change: StoryChange, in store: any ArticleStore) async throws(StoryChangeError) {
        do {
            let pending = try await clusterPendingKeepingState(in: store, options: ClusterOptions())
            let saved: (StoryClusterer, DuplicateIndex)
            if let state = pending.state {
                saved = state
            } else {
                saved = try await loadState(from: store, options: ClusterOptions())
            }
            var clusterer = saved.0
            let duplicates = saved.1
            var update = ClusteringUpdate(
                assignments: [], merges: [], closed: [], state: try encodeState(clusterer, duplicates))
            switch change {
            case .merge(let story, let target):
                guard
                    case .merged(let from, let into, _) = try clusterer.merge(
                        String(story.rawValue), into: String(target.rawValue))
                else { return }
                update.merges = [StoryMerge(from: ArticleID(Int64(from) ?? 0), into: ArticleID(Int64(into) ?? 0))]
            case .split(let articleID):
                guard let article = try await store.article(articleID),
                    let previous = try await store.assignment(of: articleID)
                else { throw StoryChangeError.refused("article \(articleID) is in no story") }
                let document = ClusterDocument(
                    id: String(articleID.rawValue), title: article.title, text: article.text,
                    published: article.published ?? article.ingested)
                _ = try clusterer.split(FeatureExtractor().features(of: document))
                update.assignments = [
                    StoryAssignment(
                        article: articleID, story: articleID, origin: previous.origin, relation: previous.relation,
                        score: 0, reason: #"{"score":0,"split":true}"#)
                ]
            case .pin(let story, let pinned):
                try clusterer.pin(String(story.rawValue), pinned)
                update.pins = [story: pinned]
            }
            update.state = try encodeState(clusterer, duplicates)
            try await store.saveClustering(update)
        } catch let error as StoryClusterer.ManualChangeError {
            throw .refused(error.reason)
        } catch let error as StoreError {
            throw .store(error)
        } catch let error as StoryChangeError {
            throw error
        } catch {
            throw .refused("\(error)")
        }
    }
}
