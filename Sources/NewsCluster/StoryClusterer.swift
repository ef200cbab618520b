public import Foundation

/// Online story clustering: a value-type state machine fed articles in time order. Each article is compared
/// with the open stories that share one of its heaviest terms (an inverted index, never a scan of every story)
/// and joins the best one scoring at least the threshold, or starts a story. Pure: no I/O, time comes in with
/// the articles.
public struct StoryClusterer: Sendable, Codable {
    /// A story as the clusterer keeps it.
    public struct Story: Sendable, Hashable, Codable {
        /// Its id: the id of the article that started it.
        public var id: String
        /// Its articles' ids, in the order they joined (empty once merged into another story).
        public var articles: [String]
        /// The first and last publication times seen, if any.
        public var firstSeen: Date?
        /// See `firstSeen`.
        public var lastSeen: Date?
        /// Whether it closed after a silence longer than the window, or was merged into another.
        public var isClosed: Bool
        /// The story it was merged into, if it was.
        public var mergedInto: String?
        /// Whether a person pinned it: it never closes and is never merged into another story.
        public var isPinned = false
        /// Term frequencies (log-scaled, each article's normalised) summed over its articles, by term id, pruned
        /// to its heaviest terms. Weighted by IDF only when compared, so early articles' IDF does not stick.
        var centroid: SparseVector
        /// How often each name was mentioned by its articles.
        var names: [String: Int]
        /// The terms it is indexed under.
        var indexed: Set<Int32>
    }

    /// The options in use.
    public let options: ClusterOptions
    /// Every story so far, in order of creation.
    public internal(set) var stories: [Story] = []
    var storyIndex: [String: Int] = [:]
    var vocabulary: [String: Int32] = [:]
    var words: [String] = []
    var documentFrequency: [Int32] = []
    var documentCount = 0
    /// log(documentCount + idfPrior).
    var logCount = 0.0
    /// log(documentFrequency + 0.5) per term.
    var logFrequency: [Double] = []
    var postings: [Int32: [Int]] = [:]
    var latest: Date?
    var lastSweep: Date?
    /// Stories not yet closed, the only ones a sweep looks at.
    var openStories: [Int] = []
    /// Pairs of stories a person split apart, which never merge again (ids joined by a tab, smaller first).
    var keptApart: Set<String> = []

    /// A clusterer with no stories.
    public init(options: ClusterOptions = ClusterOptions()) {
        self.options = options
    }

    /// The story an article belongs to, if it was added.
    public func story(of article: String) -> String? {
        stories.first { $0.articles.contains(article) }?.id
    }

    /// Adds articles that arrived at the same time: they are taken in order of id, so the order they are given
    /// in does not matter.
    public mutating func add(batch: [ArticleFeatures]) -> [ClusterAction] {
        batch.sorted { ($0.published ?? .distantPast, $0.id) < ($1.published ?? .distantPast, $1.id) }
            .flatMap { add($0) }
    }

    /// Adds one article and says where it went, and which stories closed as time moved on.
    public mutating func add(_ article: ArticleFeatures) -> [ClusterAction] {
        var actions: [ClusterAction] = []
        if let published = article.published, published > (latest ?? .distantPast) {
            latest = published
            // NB: sweeping at most once an hour of article time keeps closing linear in the articles.
            if lastSweep.map({ published.timeIntervalSince($0) >= 3_600 }) ?? true {
                lastSweep = published
                actions += closeQuietStories(now: published)
            }
        }
        let vector = weigh(article)
        let (best, reason) = bestStory(for: vector, article: article)
        if let best, reason.score >= options.threshold {
            join(best, vector: vector, article: article)
            actions.append(.assigned(story: stories[best].id, article: article.id, reason: reason))
            if let merge = mergeIfConverged(best) { actions.append(merge) }
        } else {
            let story = Story(
                id: article.id, articles: [], firstSeen: article.published, lastSeen: article.published,
                isClosed: false, mergedInto: nil, centroid: SparseVector(), names: [:], indexed: [])
            storyIndex[article.id] = stories.count
            openStories.append(stories.count)
            stories.append(story)
            join(stories.count - 1, vector: vector, article: article)
            actions.append(.created(story: article.id, article: article.id, reason: reason))
        }
        return actions
    }

    // MARK: Weighing

    /// TF-IDF of the article's terms with the collection seen so far, its heaviest terms, L2-normalised, in
    /// descending weight (ties by term id, so the result never depends on dictionary order).
    private mutating func weigh(_ article: ArticleFeatures) -> [(term: Int32, weight: Double, tf: Double)] {
        documentCount += 1
        logCount = log(Double(documentCount) + options.idfPrior)
        var counted: [(Int32, Double)] = []
        counted.reserveCapacity(article.terms.count)
        // NB: new words get ids in sorted order, and every sum below runs in term order: dictionaries iterate
        // in a per-process random order, and ids or float sums taken in it would change results between runs.
        for (word, count) in article.terms.sorted(by: { $0.key < $1.key }) {
            let id: Int32
            if let known = vocabulary[word] {
                id = known
            } else {
                id = Int32(words.count)
                vocabulary[word] = id
                words.append(word)
                documentFrequency.append(0)
                logFrequency.append(0)
            }
            documentFrequency[Int(id)] += 1
            logFrequency[Int(id)] = log(Double(documentFrequency[Int(id)]) + 0.5)
            counted.append((id, count))
        }
        var weighted = counted.map { term, count -> (term: Int32, weight: Double, tf: Double) in
            let tf = 1 + log(count)
            return (term, tf * idf(term), tf)
        }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        if weighted.count > options.termsPerArticle { weighted.removeLast(weighted.count - options.termsPerArticle) }
        let norm = sqrt(weighted.reduce(0) { $0 + $1.weight * $1.weight })
        let tfNorm = sqrt(weighted.reduce(0) { $0 + $1.tf * $1.tf })
        guard norm > 0, tfNorm > 0 else { return [] }
        return weighted.map { ($0.term, $0.weight / norm, $0.tf / tfNorm) }
    }

    /// The inverse document frequency of a term in the collection seen so far.
    /// NB: both logarithms are kept (the collection's per article, each term's when its count changes), so an
    /// IDF is a subtraction: comparisons weigh every term of a story's profile.
    func idf(_ term: Int32) -> Double {
        max(0, logCount - logFrequency[Int(term)])
    }

    // MARK: Choosing

    private func bestStory(
        for vector: [(term: Int32, weight: Double, tf: Double)], article: ArticleFeatures
    ) -> (
        Int?, ClusterReason
    ) {
        var hits: [Int: Int] = [:]
        for (term, _, _) in vector.prefix(options.lookupTerms) {
            // NB: a term's newest stories only: a word common to thousands of open stories must not make each
            // article walk them all.
            for story in (postings[term] ?? []).suffix(options.storiesPerTerm) where !stories[story].isClosed {
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
        let byTerm = vector.sorted { $0.term < $1.term }  // once per article, for every merge pass below
        let scored = candidates.map { ($0, score(byTerm, article, against: stories[$0])) }
            .sorted { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0 < $1.0 }
        guard var chosen = scored.first.map({ (index: $0.0, reason: $0.1) }) else {
            return (
                nil,
                ClusterReason(
                    score: 0, termSimilarity: 0, nameOverlap: 0, timeFactor: 1, sharedTerms: [],
                    sharedNames: [], bestCandidate: nil)
            )
        }
        chosen.reason.bestCandidate = scored.dropFirst().first.map { stories[$0.0].id }
        if chosen.reason.score < options.threshold { chosen.reason.bestCandidate = stories[chosen.index].id }
        return (chosen.index, chosen.reason)
    }

    /// The article (its vector sorted by term) against one story.
    private func score(
        _ byTerm: [(term: Int32, weight: Double, tf: Double)], _ article: ArticleFeatures, against story: Story
    ) -> ClusterReason {
        var dot = 0.0
        var shared: [(Int32, Double)] = []
        // One merge pass over the article's terms and the story's, both in term order.
        var squares = 0.0
        var next = 0
        for (term, value) in story.centroid.pairs {
            let weight = value * idf(term)
            squares += weight * weight
            while next < byTerm.count, byTerm[next].term < term { next += 1 }
            if next < byTerm.count, byTerm[next].term == term {
                let product = byTerm[next].weight * weight
                dot += product
                shared.append((term, product))
            }
        }
        let norm = sqrt(squares)
        let cosine = norm > 0 ? dot / norm : 0
        var sharedNames: [String] = []
        for name in article.names where story.names[name] != nil { sharedNames.append(name) }
        sharedNames.sort()
        // The share of the article's names the story has mentioned.
        let overlap = article.names.isEmpty ? 0 : Double(sharedNames.count) / Double(article.names.count)
        var timeFactor = 1.0
        if let published = article.published, let last = story.lastSeen {
            let gap = abs(published.timeIntervalSince(last))
            timeFactor = gap > options.window ? 0 : pow(0.5, gap / options.halfLife)
        }
        // Names count only when there are names to compare (lower-cased text has none).
        let nameWeight = article.names.isEmpty || story.names.isEmpty ? 0 : options.nameWeight
        let blended = (1 - nameWeight) * cosine + nameWeight * min(overlap, 1)
        shared.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return ClusterReason(
            score: blended * timeFactor, termSimilarity: cosine, nameOverlap: min(overlap, 1), timeFactor: timeFactor,
            sharedTerms: shared.prefix(8).map { words[Int($0.0)] }, sharedNames: Array(sharedNames.prefix(8)),
            bestCandidate: nil)
    }

    // MARK: Updating

    mutating func join(
        _ index: Int, vector: [(term: Int32, weight: Double, tf: Double)], article: ArticleFeatures
    ) {
        var story = stories[index]
        story.articles.append(article.id)
        story.centroid.add(vector.map { ($0.term, $0.tf) })
        for name in article.names { story.names[name, default: 0] += 1 }
        if let published = article.published {
            story.firstSeen = min(story.firstSeen ?? published, published)
            story.lastSeen = max(story.lastSeen ?? published, published)
        }
        // Keep the story's heaviest terms: the centroid stays small and the index points at what it is about.
        stories[index] = story
        reindex(index)
    }
}
