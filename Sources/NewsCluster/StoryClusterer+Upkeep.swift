internal import Foundation

/// Keeping stories right as time passes: merging stories that converged, closing quiet ones, indexing.
extension StoryClusterer {
    /// The story an article is in now, following merges.
    public func currentStory(of story: String) -> String {
        var current = story
        // NB: bounded, so that a cycle left by an older build cannot hang a reader.
        for _ in 0..<1_000 {
            guard let target = peekStory(named: current)?.mergedInto, target != current else { break }
            current = target
        }
        return current
    }

    /// The story with this id, here or in the source, without loading it.
    func peekStory(named id: String) -> Story? {
        if let seq = storyIndex[id] { return working[seq] }
        guard let source, let seq = source.seq(ofStory: id) else { return nil }
        return working[seq] ?? source.story(seq: seq)
    }

    /// Merges the story that just grew with the most similar open story when their term profiles converged;
    /// the smaller (then the younger) goes into the other.
    mutating func mergeIfConverged(_ seq: Int) -> ClusterAction? {
        let grown = working[seq]!
        // NB: convergence shows over several articles, so a story looks for a partner at sizes 2, 3, 4, 6, 8,
        // 12, 16, ...: merging stays linear in the articles however large a story grows.
        let size = grown.size
        guard size >= 2, size & (size - 1) == 0 || (size % 3 == 0 && (size / 3) & (size / 3 - 1) == 0) else {
            return nil
        }
        // Candidates share at least three of its indexed terms.
        var shared: [Int: Int] = [:]
        let indexed = grown.indexed.sorted()
        loadPostings(indexed)
        for term in indexed {
            for other in postingList(term) where other != seq && working[other]?.isClosed != true {
                shared[other, default: 0] += 1
            }
        }
        var best: (seq: Int, similarity: Double)?
        let candidates = shared.filter({ $0.value >= 3 }).keys.sorted()
        loadStories(candidates)
        loadKeptApart(candidates.compactMap { working[$0].map { Self.pair(grown.id, $0.id) } })
        for candidate in candidates {
            guard let other = loadStory(candidate), !other.isClosed else { continue }
            // A person kept these apart (a split), or both are pinned: the clusterer does not undo it.
            if isKeptApart(Self.pair(grown.id, other.id)) { continue }
            if grown.isPinned && other.isPinned { continue }
            // Stories days apart converge less readily: the same time factor as an article's.
            var timeFactor = 1.0
            if let a = grown.lastSeen, let b = other.lastSeen {
                let gap = abs(a.timeIntervalSince(b))
                if gap > options.window { continue }
                timeFactor = pow(0.5, gap / options.halfLife)
            }
            let similarity = centroidCosine(grown, other) * timeFactor
            if similarity > best?.similarity ?? -1 { best = (candidate, similarity) }
        }
        guard let best, best.similarity >= options.mergeThreshold else { return nil }
        // NB: a merge must not join two stories looser than either's members joined it: two tight stories of one
        // saga's neighbouring events converge without being one event.
        if options.mergeSpreadFactor > 0,
            let loosest = [grown, working[best.seq]!].compactMap({ $0.joins > 0 ? $0.loosestJoin : nil }).min(),
            best.similarity < options.mergeSpreadFactor * loosest
        {
            return nil
        }
        let other = best.seq
        let otherSize = working[other]!.size
        let otherIsSmaller = otherSize < grown.size || (otherSize == grown.size && other > seq)
        var (source, target) = otherIsSmaller ? (other, seq) : (seq, other)
        if working[source]!.isPinned { (source, target) = (target, source) }  // a pinned story keeps its id
        return combine(source, into: target, similarity: best.similarity)
    }

    /// Moves every article of the story `source` into the story `target` (both loaded).
    mutating func combine(_ source: Int, into target: Int, similarity: Double) -> ClusterAction {
        var into = working[target]!
        let from = working[source]!
        into.articles += from.articles
        into.size += from.size
        into.centroid.add(from.centroid)
        for (name, count) in from.names { into.mention(name, times: count) }
        into.joins += from.joins + 1
        into.loosestJoin = [into.loosestJoin, from.loosestJoin].compactMap { $0 }.min()
        if let first = from.firstSeen { into.firstSeen = min(into.firstSeen ?? first, first) }
        if let last = from.lastSeen { into.lastSeen = max(into.lastSeen ?? last, last) }
        working[target] = into
        unindex(source)
        working[source]!.isClosed = true
        working[source]!.mergedInto = into.id
        working[source]!.articles = []  // they are the target's now; the source stays as a pointer
        working[source]!.size = 0
        changed(source)
        pruneNames(target)
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

    /// Takes the story out of every term's postings.
    mutating func unindex(_ seq: Int) {
        let terms = working[seq]!.indexed.sorted()
        loadPostings(terms)
        for term in terms { removePosting(term, seq) }
        working[seq]!.indexed = []
        changed(seq)
    }

    /// Re-ranks a story's terms, prunes its profile and indexes its heaviest terms.
    mutating func reindex(_ seq: Int) {
        let centroid = working[seq]!.centroid
        let ranked = centroid.pairs.map { (term: $0.0, weight: $0.1 * idf($0.0)) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        if centroid.count > 2 * options.termsPerStory {
            working[seq]!.centroid.keep(Set(ranked.prefix(options.termsPerStory).map(\.term)))
        }
        // NB: in place, as in `join`: a copy put back would copy the story's indexed set.
        var added: [Int32] = []
        do {
            let indexed = working[seq]!.indexed
            added = ranked.prefix(options.lookupTerms * 2).map(\.term).filter { !indexed.contains($0) }
        }
        if !added.isEmpty { working[seq]!.indexed.formUnion(added) }
        loadPostings(added)
        for term in added { addPosting(term, seq) }
        changed(seq)
    }

    /// Closes the open stories quiet for longer than the window: those opened here and those the source knows.
    mutating func closeQuietStories(now: Date) -> [ClusterAction] {
        var ordered = openStories
        let opened = Set(openStories)
        if let source {
            // NB: the source is asked with a second to spare; the exact test below decides.
            let quiet = source.quietStories(lastSeenBefore: now.addingTimeInterval(1 - options.window))
            ordered = opened.union(quiet).sorted()
        }
        var actions: [ClusterAction] = []
        var stillOpen: [Int] = []
        loadStories(ordered)
        for seq in ordered {
            guard let story = loadStory(seq), !story.isClosed else { continue }
            guard !story.isPinned, let last = story.lastSeen, now.timeIntervalSince(last) > options.window else {
                if source == nil || opened.contains(seq) { stillOpen.append(seq) }
                continue
            }
            working[seq]!.isClosed = true
            unindex(seq)
            actions.append(.closed(story: story.id))
        }
        openStories = stillOpen
        return actions
    }
}
