internal import Foundation

/// Keeping stories right as time passes: merging stories that converged, closing quiet ones, indexing.
extension StoryClusterer {
    /// The story an article is in now, following merges.
    public func currentStory(of story: String) -> String {
        var current = story
        while let index = storyIndex[current], let target = stories[index].mergedInto { current = target }
        return current
    }

    /// Merges the story that just grew with the most similar open story when their term profiles converged;
    /// the smaller (then the younger) goes into the other.
    mutating func mergeIfConverged(_ index: Int) -> ClusterAction? {
        let grown = stories[index]
        // NB: convergence shows over several articles, so a story looks for a partner at sizes 2, 3, 4, 6, 8,
        // 12, 16, ...: merging stays linear in the articles however large a story grows.
        let size = grown.articles.count
        guard size >= 2, size & (size - 1) == 0 || (size % 3 == 0 && (size / 3) & (size / 3 - 1) == 0) else {
            return nil
        }
        // Candidates share at least three of its indexed terms.
        var shared: [Int: Int] = [:]
        for term in grown.indexed {
            for other in postings[term] ?? [] where other != index && !stories[other].isClosed {
                shared[other, default: 0] += 1
            }
        }
        var best: (index: Int, similarity: Double)?
        for candidate in shared.filter({ $0.value >= 3 }).keys.sorted() {
            // A person kept these apart (a split), or both are pinned: the clusterer does not undo it.
            if keptApart.contains(Self.pair(grown.id, stories[candidate].id)) { continue }
            if grown.isPinned && stories[candidate].isPinned { continue }
            // Stories days apart converge less readily: the same time factor as an article's.
            var timeFactor = 1.0
            if let a = grown.lastSeen, let b = stories[candidate].lastSeen {
                let gap = abs(a.timeIntervalSince(b))
                if gap > options.window { continue }
                timeFactor = pow(0.5, gap / options.halfLife)
            }
            let similarity = centroidCosine(grown, stories[candidate]) * timeFactor
            if similarity > best?.similarity ?? -1 { best = (candidate, similarity) }
        }
        guard let best, best.similarity >= options.mergeThreshold else { return nil }
        let other = best.index
        let similarity = best.similarity
        let otherIsSmaller =
            stories[other].articles.count < grown.articles.count
            || (stories[other].articles.count == grown.articles.count && other > index)
        var (source, target) = otherIsSmaller ? (other, index) : (index, other)
        if stories[source].isPinned { (source, target) = (target, source) }  // a pinned story keeps its id
        return combine(source, into: target, similarity: similarity)
    }

    /// Moves every article of the story at `source` into the one at `target`.
    mutating func combine(_ source: Int, into target: Int, similarity: Double) -> ClusterAction {
        var into = stories[target]
        let from = stories[source]
        into.articles += from.articles
        into.centroid.add(from.centroid)
        for (name, count) in from.names { into.names[name, default: 0] += count }
        if let first = from.firstSeen { into.firstSeen = min(into.firstSeen ?? first, first) }
        if let last = from.lastSeen { into.lastSeen = max(into.lastSeen ?? last, last) }
        stories[target] = into
        unindex(source)
        stories[source].isClosed = true
        stories[source].mergedInto = into.id
        stories[source].articles = []  // they are the target's now; the source stays as a pointer
        reindex(target)
        return .merged(story: from.id, into: into.id, similarity: similarity)
    }

    /// The cosine of two stories' TF-IDF profiles.
    func centroidCosine(_ a: Story, _ b: Story) -> Double {
        var dot = 0.0
        var normA = 0.0
        var normB = 0.0
        var next = 0
        let bTerms = b.centroid.terms
        let bValues = b.centroid.values
        for (term, value) in a.centroid.pairs {
            let weight = value * idf(term)
            normA += weight * weight
            while next < bTerms.count, bTerms[next] < term { next += 1 }
            if next < bTerms.count, bTerms[next] == term { dot += weight * bValues[next] * idf(term) }
        }
        for (term, value) in b.centroid.pairs {
            let weight = value * idf(term)
            normB += weight * weight
        }
        return normA > 0 && normB > 0 ? dot / sqrt(normA * normB) : 0
    }

    mutating func unindex(_ index: Int) {
        for term in stories[index].indexed {
            postings[term]?.removeAll { $0 == index }
            if postings[term]?.isEmpty == true { postings[term] = nil }
        }
        stories[index].indexed = []
    }

    /// Re-ranks a story's terms, prunes its profile and indexes its heaviest terms.
    mutating func reindex(_ index: Int) {
        var story = stories[index]
        let ranked = story.centroid.pairs.map { (term: $0.0, weight: $0.1 * idf($0.0)) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        if story.centroid.count > 2 * options.termsPerStory {
            story.centroid.keep(Set(ranked.prefix(options.termsPerStory).map(\.term)))
        }
        for term in ranked.prefix(options.lookupTerms * 2).map(\.term) where !story.indexed.contains(term) {
            postings[term, default: []].append(index)
            story.indexed.insert(term)
        }
        stories[index] = story
    }

    mutating func closeQuietStories(now: Date) -> [ClusterAction] {
        var actions: [ClusterAction] = []
        var stillOpen: [Int] = []
        for index in openStories where !stories[index].isClosed {
            if stories[index].isPinned {
                stillOpen.append(index)
                continue
            }
            guard let last = stories[index].lastSeen, now.timeIntervalSince(last) > options.window else {
                stillOpen.append(index)
                continue
            }
            stories[index].isClosed = true
            unindex(index)
            actions.append(.closed(story: stories[index].id))
        }
        openStories = stillOpen
        return actions
    }
}
