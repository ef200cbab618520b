internal import Foundation

/// What a person decides overrides the clusterer, and stays decided: merged stories stay merged, a split
/// article's story never merges back with the one it left, and a pinned story never closes or disappears
/// into another.
extension StoryClusterer {
    /// Why a manual change could not be made.
    public struct ManualChangeError: Error, Hashable, Sendable {
        /// What was wrong, for the person who asked.
        public var reason: String
    }

    /// Merges the story `story` into `target` (each named by the article that started it, or any article's
    /// story after earlier merges).
    public mutating func merge(_ story: String, into target: String) throws(ManualChangeError) -> ClusterAction {
        let from = currentStory(of: story)
        let into = currentStory(of: target)
        let source = seq(of: from)
        let destination = seq(of: into)
        guard let source, let destination else {
            throw ManualChangeError(reason: "no story \(source == nil ? story : target)")
        }
        guard source != destination else { throw ManualChangeError(reason: "\(story) is already in \(target)") }
        if isKeptApart(Self.pair(from, into)) { setKeptApart(Self.pair(from, into), false) }
        if working[destination]!.isClosed {
            working[destination]!.isClosed = false
            openStories.append(destination)
            changed(destination)
        }
        return combine(source, into: destination, similarity: 1)
    }

    /// Moves an article out of its story into a story of its own, named after it, which will never merge back
    /// into the story it left. `features` are the article's, to take its terms out of the story's profile.
    public mutating func split(_ article: ArticleFeatures) throws(ManualChangeError) -> [ClusterAction] {
        guard let holding = seq(holding: article.id) else {
            throw ManualChangeError(reason: "article \(article.id) is in no story")
        }
        guard working[holding]!.size > 1 else {
            throw ManualChangeError(reason: "article \(article.id) is alone in its story already")
        }
        // NB: a story is named after the article that started it; that one stays, the others can leave.
        guard working[holding]!.id != article.id else {
            throw ManualChangeError(
                reason: "article \(article.id) started its story and names it; split the other articles out instead")
        }
        let left = working[holding]!.id
        loadTerms(named: Array(article.terms.keys))
        let vector = profile(of: article)
        var story = working[holding]!
        story.articles.removeAll { $0 == article.id }
        story.size -= 1
        story.centroid.add(vector.map { ($0.term, -$0.value) })
        story.centroid.keep(Set(story.centroid.pairs.filter { $0.1 > 1e-9 }.map(\.0)))
        for name in article.names { story.unmention(name) }
        working[holding] = story
        // NB: the article may have named a story before, one merged away since: that story comes back under its
        // id, rather than a second story of the same id beside the old pointer (which made a merge cycle).
        let slot: Int
        if let earlier = seq(of: article.id) {
            slot = earlier
            unindex(slot)
        } else {
            slot = counters.nextStory
            counters.nextStory += 1
            storyIndex[article.id] = slot
        }
        var fresh = Story(seq: slot, id: article.id, article: article.id, published: article.published)
        fresh.centroid.add(vector)
        for name in article.names { fresh.mention(name) }
        working[slot] = fresh
        if !openStories.contains(slot) { openStories.append(slot) }
        reindex(slot)
        reindex(holding)
        setKeptApart(Self.pair(left, article.id), true)
        let reason = ClusterReason(
            score: 0, termSimilarity: 0, nameOverlap: 0, timeFactor: 1, sharedTerms: [], sharedNames: [],
            bestCandidate: left)
        return [.created(story: article.id, article: article.id, reason: reason)]
    }

    /// Pins a story (or unpins it): a pinned story never closes and is never merged into another.
    public mutating func pin(_ story: String, _ pinned: Bool = true) throws(ManualChangeError) {
        guard let seq = seq(of: currentStory(of: story)) else {
            throw ManualChangeError(reason: "no story \(story)")
        }
        working[seq]!.isPinned = pinned
        changed(seq)
        if pinned, working[seq]!.isClosed, working[seq]!.mergedInto == nil {
            working[seq]!.isClosed = false
            openStories.append(seq)
            reindex(seq)
        }
    }

    /// An article's term frequencies as they enter a story profile (log-scaled, normalised), from its features.
    func profile(of article: ArticleFeatures) -> [(term: Int32, value: Double)] {
        var pairs: [(term: Int32, value: Double)] = []
        for (word, count) in article.terms.sorted(by: { $0.key < $1.key }) {
            guard let term = terms.ids[word] else { continue }
            pairs.append((term, 1 + log(count)))
        }
        pairs.sort {
            $0.value * idf($0.term) != $1.value * idf($1.term)
                ? $0.value * idf($0.term) > $1.value * idf($1.term) : $0.term < $1.term
        }
        if pairs.count > options.termsPerArticle { pairs.removeLast(pairs.count - options.termsPerArticle) }
        let norm = sqrt(pairs.reduce(0) { $0 + $1.value * $1.value })
        return norm > 0 ? pairs.map { ($0.term, $0.value / norm) } : []
    }

    /// The key of a pair of story ids, in either order.
    static func pair(_ a: String, _ b: String) -> String { a < b ? a + "\t" + b : b + "\t" + a }
}
