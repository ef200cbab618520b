internal import Foundation

/// Choosing a story for an article: candidates through the inverted index, each scored against the article.
extension StoryClusterer {
    /// The best-scoring candidate story for the article, if any, with why (and the runner-up).
    mutating func bestStory(
        for vector: [(term: Int32, weight: Double, tf: Double)], article: ArticleFeatures
    ) -> (
        Int?, ClusterReason
    ) {
        var hits: [Int: Int] = [:]
        loadPostings(vector.prefix(options.lookupTerms).map(\.term))
        for (term, _, _) in vector.prefix(options.lookupTerms) {
            // NB: a term's newest stories only: a word common to thousands of open stories must not make each
            // article walk them all.
            // Postings hold open stories only (closing and merging unindex), so an unloaded story is open.
            for story in postingList(term).suffix(options.storiesPerTerm) where working[story]?.isClosed != true {
                hits[story, default: 0] += 1
            }
        }
        // NB: only the stories sharing the most lookup terms are scored, so an article's cost does not grow with
        // the number of open stories.
        // Hit counts are at most `lookupTerms`: bucket them (linear) instead of sorting every story hit.
        var byHits = [[Int]](repeating: [], count: options.lookupTerms + 1)
        for (story, count) in hits { byHits[min(count, options.lookupTerms)].append(story) }
        var candidates: [Int] = []
        for count in stride(from: options.lookupTerms, through: 1, by: -1)
        where candidates.count < options.maxCandidates {
            candidates += byHits[count].sorted().prefix(options.maxCandidates - candidates.count)
        }
        loadStories(candidates)
        let byTerm = vector.sorted { $0.term < $1.term }  // once per article, for every merge pass below
        let nameIDs = Set(article.nameTerms.compactMap { terms.ids[$0] })
        let isName = byTerm.map { nameIDs.contains($0.term) }
        let names = article.names.map { (name: $0, key: NameKey.of($0)) }  // likewise, for every candidate
        // NB: candidates are ranked on the score alone; only the chosen one's shared terms and names are spelt
        // out (by the same arithmetic, so the score is the same).
        let scored = candidates.map {
            ($0, score(byTerm, isName, article, names, against: working[$0]!, explain: false).score)
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        guard
            var chosen = scored.first.map({
                (seq: $0.0, reason: score(byTerm, isName, article, names, against: working[$0.0]!, explain: true))
            })
        else {
            return (
                nil,
                ClusterReason(
                    score: 0, termSimilarity: 0, nameOverlap: 0, timeFactor: 1, sharedTerms: [],
                    sharedNames: [], bestCandidate: nil)
            )
        }
        chosen.reason.bestCandidate = scored.dropFirst().first.map { working[$0.0]!.id }
        chosen.reason.runnerUpScore = scored.dropFirst().first?.1
        if chosen.reason.score < options.threshold { chosen.reason.bestCandidate = working[chosen.seq]!.id }
        return (chosen.seq, chosen.reason)
    }

    /// The article (its vector sorted by term, its names with their keys) against one story; the shared terms and
    /// names only if `explain`.
    func score(
        _ byTerm: [(term: Int32, weight: Double, tf: Double)], _ isName: [Bool], _ article: ArticleFeatures,
        _ names: [(name: String, key: UInt64)],
        against story: Story, explain: Bool
    ) -> ClusterReason {
        var dot = 0.0
        var shared: [(Int32, Double)] = []
        // One merge pass over the article's terms and the story's, both in term order.
        var squares = 0.0
        var evidence = 0.0
        var nameEvidence = 0.0
        var next = 0
        for (term, value) in story.centroid.pairs {
            let termIDF = idf(term)
            let weight = value * termIDF
            squares += weight * weight
            while next < byTerm.count, byTerm[next].term < term { next += 1 }
            if next < byTerm.count, byTerm[next].term == term {
                let product = byTerm[next].weight * weight
                dot += product
                evidence += termIDF
                if isName[next] { nameEvidence += termIDF }
                if explain { shared.append((term, product)) }
            }
        }
        let norm = sqrt(squares)
        let cosine = norm > 0 ? dot / norm : 0
        var sharedNames: [String] = []
        var sharedNameCount = 0
        for (name, key) in names where story.mentions(key: key) {
            sharedNameCount += 1
            if explain { sharedNames.append(name) }
        }
        sharedNames.sort()
        // The share of the article's names the story has mentioned.
        let overlap = article.names.isEmpty ? 0 : Double(sharedNameCount) / Double(article.names.count)
        var timeFactor = 1.0
        if let published = article.published, let last = story.lastSeen {
            let gap = abs(published.timeIntervalSince(last))
            timeFactor = gap > options.window ? 0 : pow(0.5, gap / options.halfLife)
        }
        // Names count only when there are names to compare (lower-cased text has none).
        let nameWeight = article.names.isEmpty || story.names.isEmpty ? 0 : options.nameWeight
        let blended = (1 - nameWeight) * cosine + nameWeight * min(overlap, 1)
        if explain { shared.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 } }
        var reason = ClusterReason(
            score: blended * timeFactor, termSimilarity: cosine, nameOverlap: min(overlap, 1), timeFactor: timeFactor,
            sharedTerms: shared.prefix(8).map { terms.word($0.0) }, sharedNames: Array(sharedNames.prefix(8)),
            bestCandidate: nil)
        // In units of the largest IDF a term can have now (a word no other article used), so that the rule
        // means the same in a young collection and a large one.
        reason.sharedEvidence = logCount > 0 ? evidence / logCount : 0
        reason.sharedEventEvidence = logCount > 0 ? (evidence - nameEvidence) / logCount : 0
        return reason
    }
}
