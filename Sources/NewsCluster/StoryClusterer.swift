internal import Foundation

/// Online story clustering: a value-type state machine fed articles in time order. Each article is compared
/// with the open stories that share one of its heaviest terms (an inverted index, never a scan of every story)
/// and joins the best one scoring at least the threshold, or starts a story. Pure: no I/O, time comes in with
/// the articles.
///
/// It holds everything itself, or works over a `StoryStateSource` (a store's saved state), loading what each
/// decision needs and keeping what it changed for `takeChanges()`; both give the same decisions.
public struct StoryClusterer {
    /// The options in use.
    public let options: ClusterOptions
    /// The saved state this clusterer works over, if any.
    let source: (any StoryStateSource)?
    /// The stories loaded or made, by creation number.
    var working: [Int: Story] = [:]
    /// Story ids to creation numbers, for the stories loaded or made.
    var storyIndex: [String: Int] = [:]
    /// The terms loaded or made.
    var terms = TermTable()
    var counters = ClustererCounters()
    /// log(documentCount + idfPrior).
    var logCount = 0.0
    /// Term → stories indexed under it (creation numbers, in indexing order), for the terms loaded.
    var postings: [Int32: [Int]] = [:]
    /// Stories opened here and not yet closed (a source knows the rest).
    var openStories: [Int] = []
    /// Pairs of stories a person split apart (ids joined by a tab, smaller first), as known here.
    var keptApart: [String: Bool] = [:]
    /// What changed, when changes are kept (over a source, or to save a clusterer's state).
    var changeLog: ChangeLog?

    /// A clusterer with no stories, holding everything itself.
    public init(options: ClusterOptions = ClusterOptions()) {
        self.options = options
        source = nil
    }

    /// A clusterer over saved state: `counters` as saved, the rest read from `source` as needed; what changes
    /// is kept for `takeChanges()`.
    public init(options: ClusterOptions, counters: ClustererCounters, source: any StoryStateSource) {
        self.options = options
        self.source = source
        self.counters = counters
        logCount = counters.documentCount > 0 ? log(Double(counters.documentCount) + options.idfPrior) : 0
        changeLog = ChangeLog()
    }

    /// The stories this clusterer holds (every story, for one that started empty), in order of creation.
    public var stories: [Story] { working.values.sorted { $0.seq < $1.seq } }

    /// The story an article belongs to, if it was added.
    public func story(of article: String) -> String? {
        if let held = working.values.first(where: { $0.articles.contains(article) }) { return held.id }
        guard let seq = source?.seq(holding: article) else { return nil }
        return working[seq]?.id ?? source?.story(seq: seq)?.id
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
        if let published = article.published, published > (counters.latest ?? .distantPast) {
            counters.latest = published
            // NB: sweeping at most once an hour of article time keeps closing linear in the articles.
            if counters.lastSweep.map({ published.timeIntervalSince($0) >= 3_600 }) ?? true {
                counters.lastSweep = published
                actions += closeQuietStories(now: published)
            }
        }
        let vector = weigh(article)
        var (best, reason) = bestStory(for: vector, article: article)
        let threshold = joinThreshold(terms: vector.count, dated: article.published != nil)
        if threshold > options.threshold {
            reason.requiredScore = threshold
            if let seq = best, reason.score < threshold { reason.bestCandidate = working[seq]!.id }
        }
        if let seq = best, reason.score >= threshold, let floor = spreadFloor(seq),
            reason.termSimilarity < floor
        {
            // NB: closer to the story than the threshold but looser than any article it took: a related event
            // (the next day of one saga), not this one. Without dates this is what keeps sagas apart.
            reason.spreadFloor = floor
            reason.bestCandidate = working[seq]!.id
            best = nil
        }
        if let seq = best, reason.score >= threshold, reason.termSimilarity < options.looseJoinBelow,
            let evidence = reason.sharedEvidence, evidence < options.looseJoinEvidence
        {
            // NB: a loose match on common words only: another event of the same topic and people, not this one.
            reason.evidenceNeeded = options.looseJoinEvidence
            reason.bestCandidate = working[seq]!.id
            best = nil
        }
        if let seq = best, reason.score >= threshold, reason.termSimilarity < options.eventEvidenceBelow,
            let evidence = reason.sharedEventEvidence, evidence < options.eventEvidence
        {
            // NB: the same people and places, but not what happened to them: another event of one saga.
            reason.eventEvidenceNeeded = options.eventEvidence
            reason.bestCandidate = working[seq]!.id
            best = nil
        }
        if let best, reason.score >= threshold {
            working[best]!.loosestJoin = min(working[best]!.loosestJoin ?? reason.termSimilarity, reason.termSimilarity)
            working[best]!.joins += 1
            join(best, vector: vector, article: article)
            actions.append(.assigned(story: working[best]!.id, article: article.id, reason: reason))
            if let merge = mergeIfConverged(best) { actions.append(merge) }
        } else {
            let seq = counters.nextStory
            counters.nextStory += 1
            working[seq] = Story(seq: seq, id: article.id, article: article.id, published: article.published)
            storyIndex[article.id] = seq
            openStories.append(seq)
            profile(seq, vector: vector, article: article)
            actions.append(.created(story: article.id, article: article.id, reason: reason))
        }
        return actions
    }

    /// The score an article of `terms` weighed terms needs to join a story (see
    /// `ClusterOptions.undatedThresholdPerTerm`).
    func joinThreshold(terms: Int, dated: Bool) -> Double {
        guard !dated else { return options.threshold }
        return options.threshold + options.undatedThresholdPerTerm
            * Double(max(0, terms - options.undatedThresholdFreeTerms))
    }

    /// The least term similarity the story takes an article with now: a share of its loosest member's (at most
    /// the cap), once enough articles joined it to show its spread; `nil` before.
    func spreadFloor(_ seq: Int) -> Double? {
        let story = working[seq]!
        guard options.spreadFactor > 0, story.joins >= options.spreadAfterJoins, let loosest = story.loosestJoin else {
            return nil
        }
        return min(options.spreadFactor * loosest, options.spreadCap)
    }

    // MARK: Weighing

    /// TF-IDF of the article's terms with the collection seen so far, its heaviest terms, L2-normalised, in
    /// descending weight (ties by term id, so the result never depends on dictionary order).
    private mutating func weigh(_ article: ArticleFeatures) -> [(term: Int32, weight: Double, tf: Double)] {
        counters.documentCount += 1
        logCount = log(Double(counters.documentCount) + options.idfPrior)
        var counted: [(Int32, Double)] = []
        counted.reserveCapacity(article.terms.count)
        // NB: new words get ids in sorted order, and every sum below runs in term order: dictionaries iterate
        // in a per-process random order, and ids or float sums taken in it would change results between runs.
        let sorted = article.terms.sorted(by: { $0.key < $1.key })
        loadTerms(named: sorted.map(\.key))
        for (word, count) in sorted {
            let id: Int32
            if let known = terms.ids[word] {
                id = known
            } else {
                id = counters.nextTerm
                counters.nextTerm += 1
                terms.set(TermEntry(id: id, word: word, frequency: 0))
            }
            terms.count(id)
            changeLog?.terms.insert(id)
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
        max(0, logCount - terms.logFrequency(term))
    }

    // MARK: Updating

    /// Adds the article to the story `seq`.
    mutating func join(
        _ seq: Int, vector: [(term: Int32, weight: Double, tf: Double)], article: ArticleFeatures
    ) {
        // NB: in place: a copy taken out and put back would copy its article list on every join.
        working[seq]!.articles.append(article.id)
        working[seq]!.size += 1
        if let published = article.published {
            working[seq]!.firstSeen = min(working[seq]!.firstSeen ?? published, published)
            working[seq]!.lastSeen = max(working[seq]!.lastSeen ?? published, published)
        }
        profile(seq, vector: vector, article: article)
    }

    /// Adds the article's terms and names to the story's profile and re-indexes it.
    mutating func profile(
        _ seq: Int, vector: [(term: Int32, weight: Double, tf: Double)], article: ArticleFeatures
    ) {
        working[seq]!.centroid.add(vector.map { ($0.term, $0.tf) })
        for name in article.names { working[seq]!.mention(name) }
        pruneNames(seq)
        // Keep the story's heaviest terms: the centroid stays small and the index points at what it is about.
        reindex(seq)
    }

    /// Keeps the story's most mentioned names (ties by name, so every process keeps the same) once it holds
    /// twice `ClusterOptions.namesPerStory`: pruning in bulk keeps the cost per join constant.
    mutating func pruneNames(_ seq: Int) {
        let limit = options.namesPerStory
        guard limit > 0, working[seq]!.names.count > 2 * limit else { return }
        let kept = working[seq]!.names.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit)
        working[seq]!.replaceNames(Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) }))
    }
}
