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
    /// Applies a person's change to the saved stories and the clusterer's state, in one clustering session
    /// (after any articles still waiting are clustered), so it cannot interleave with another writer's.
    public static func apply(_ change: StoryChange, in store: any ArticleStore) async throws(StoryChangeError) {
        let refusal: String?
        do {
            _ = try await clusterPending(in: store)
            refusal = try await store.withClusteringSession { session throws(StoreError) -> String? in
                var state = try SessionState(session, options: ClusterOptions())
                var assignments: [StoryAssignment] = []
                do {
                    switch change {
                    case .merge(let story, let target):
                        _ = try state.clusterer.merge(String(story.rawValue), into: String(target.rawValue))
                    case .split(let articleID):
                        guard let article = try session.clusteringInputs([articleID]).first,
                            let previous = try session.assignment(of: articleID)
                        else { return "article \(articleID) is in no story" }
                        let document = ClusterDocument(
                            id: String(articleID.rawValue), title: article.title, text: article.text,
                            published: article.published ?? article.ingested)
                        _ = try state.clusterer.split(FeatureExtractor().features(of: document))
                        assignments = [
                            StoryAssignment(
                                article: articleID, story: articleID, origin: previous.origin,
                                relation: previous.relation, score: 0, reason: #"{"score":0,"split":true}"#)
                        ]
                    case .pin(let story, let pinned):
                        try state.clusterer.pin(String(story.rawValue), pinned)
                    }
                } catch let error as StoryClusterer.ManualChangeError {
                    return error.reason
                } catch let error as StoreError {
                    throw error
                } catch {
                    return "\(error)"
                }
                try state.save(session, assignments: assignments)
                return nil
            }
        } catch {
            throw .store(error)
        }
        if let refusal { throw .refused(refusal) }
    }
}
