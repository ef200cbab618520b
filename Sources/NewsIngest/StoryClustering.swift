internal import Foundation
public import NewsCluster
internal import NewsCore
internal import NewsDedup
public import NewsStore

/// What a clustering run did.
public struct StoryClusteringReport: Sendable, Hashable {
    /// Articles clustered.
    public var clustered = 0
    /// Stories started.
    public var created = 0
    /// Articles that joined an existing story.
    public var joined = 0
    /// Stories merged into others.
    public var merged = 0
    /// Articles found to be copies of earlier ones (identical or wire copies).
    public var copies = 0
}

/// Clusters the stored articles that are not in a story yet. Each batch runs in one clustering session (one
/// write transaction, serialised across processes): it reads the state its decisions need, row by row, and
/// writes what they changed with the assignments, so an interrupted run loses nothing and the next resumes.
public enum StoryClustering {
    /// The algorithm behind saved states; a state written by another is refused, not silently reset.
    public static let algorithm = "corroborate-stories.v1/" + MinHashSignature.algorithm

    /// What a damaged clustering state's error tells the operator to do.
    static let repairAdvice =
        "nothing was clustered; `corroborate check` shows what is damaged and `corroborate check --repair` "
        + "repairs it (articles stay where they are)"

    /// Articles clustered per session: large enough that loading the hot state is paid rarely, small enough
    /// that another writer waits seconds, not minutes (about 5 s at 1M stored).
    /// NB: 5,000 rather than 2,000: a page that every batch changes (a frequent term's row, a big story's) is
    /// written to the WAL once a commit, and at 1M stored a 20k add took 21 s instead of 23 s.
    static let batchSize = 5_000

    /// Clusters every unclustered article, oldest first. `progress` gets the count done after each batch.
    public static func clusterPending(
        in store: any ArticleStore, options: ClusterOptions = ClusterOptions(),
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(StoreError) -> StoryClusteringReport {
        var total = StoryClusteringReport()
        let carried = CarriedClusterer()
        while true {
            let batch = try await store.withClusteringSession { session throws(StoreError) in
                try clusterBatch(session, options: options, carried: carried)
            }
            guard let batch else { break }
            total.clustered += batch.clustered
            total.created += batch.created
            total.joined += batch.joined
            total.merged += batch.merged
            total.copies += batch.copies
            progress?(total.clustered)
        }
        return total
    }

    /// One batch inside a session; `nil` when nothing waits. The clusterer the previous batch left in `carried`
    /// is used again when nobody wrote since (its loaded stories and terms are still the saved ones), and the
    /// one this batch leaves is put there.
    static func clusterBatch(
        _ session: any ClusteringSession, options: ClusterOptions, carried: CarriedClusterer? = nil
    ) throws(StoreError) -> StoryClusteringReport? {
        let ids = try session.unclusteredArticles(limit: batchSize)
        guard !ids.isEmpty else { return nil }
        let kept = carried?.take()
        var state = try SessionState(session, options: options, reusing: kept)
        let extractor = FeatureExtractor(titleWeight: state.clusterer.options.titleWeight)
        let encoder = JSONEncoder()
        var report = StoryClusteringReport()
        var assignments: [StoryAssignment] = []
        for article in try session.clusteringInputs(ids) {
            let key = String(article.id.rawValue)
            let duplicate = state.duplicates.add(id: key, text: article.title + "\n\n" + article.text)
            if duplicate.relation != .independent { report.copies += 1 }
            let document = ClusterDocument(
                id: key, title: article.title, text: article.text, published: article.published ?? article.ingested)
            for action in state.clusterer.add(extractor.features(of: document)) {
                switch action {
                case .created(let story, _, let reason), .assigned(let story, _, let reason):
                    if case .created = action { report.created += 1 } else { report.joined += 1 }
                    let reasonJSON = (try? encoder.encode(reason)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                    assignments.append(
                        StoryAssignment(
                            article: article.id, story: ArticleID(Int64(story) ?? article.id.rawValue),
                            origin: ArticleID(Int64(duplicate.origin) ?? article.id.rawValue),
                            relation: duplicate.relation.rawValue, score: reason.score, reason: reasonJSON))
                case .merged:
                    report.merged += 1
                case .closed:
                    break
                }
            }
            report.clustered += 1
        }
        try state.save(session, assignments: assignments)
        try state.source.check()
        if state.reused { carried?.countReuse() }
        if let carried, let generation = try session.meta()?.generation {
            state.clusterer.forgetSaved()
            carried.keep(state.clusterer, source: state.source, generation: generation)
        }
        return report
    }
}

/// A clusterer one run keeps between its sessions, with the generation of the state it matches.
///
/// NB: @unchecked Sendable because the sessions of one run follow each other (each awaits the one before),
/// so only one of them touches it at a time; it never leaves the run.
final class CarriedClusterer: @unchecked Sendable {
    private var kept: (clusterer: StoryClusterer, source: SessionSource, generation: Int64)?
    /// How many batches used the clusterer the one before left.
    private(set) var reuses = 0

    /// Keeps a clusterer saved at `generation`.
    func keep(_ clusterer: StoryClusterer, source: SessionSource, generation: Int64) {
        kept = (clusterer, source, generation)
    }

    /// Counts a batch that used what was kept.
    func countReuse() { reuses += 1 }

    /// Takes what was kept (nothing is kept meanwhile: a batch that fails leaves nothing behind).
    func take() -> (clusterer: StoryClusterer, source: SessionSource, generation: Int64)? {
        defer { kept = nil }
        return kept
    }
}

/// The clusterer and near-duplicate index over one session, with the schema-7 state moved first if it is
/// still there.
struct SessionState {
    var clusterer: StoryClusterer
    var duplicates: DuplicateIndex
    let source: SessionSource
    /// Whether the clusterer is one a previous batch left (the state had not changed since).
    private(set) var reused = false
    private var movedLegacyState = false

    /// The state over `session`: the clusterer `reusing` holds when the saved state is still at its
    /// generation, else one that loads what it needs afresh.
    init(
        _ session: any ClusteringSession, options: ClusterOptions,
        reusing kept: (clusterer: StoryClusterer, source: SessionSource, generation: Int64)? = nil
    ) throws(StoreError) {
        if try session.meta() == nil, let legacy = try session.legacyState() {
            try Self.moveLegacyState(legacy, session)
        }
        if let meta = try session.meta() {
            guard meta.algorithm == StoryClustering.algorithm else {
                throw StoreError.failed(
                    "the clustering state", operation: "reading it",
                    reason: "it was written by \(meta.algorithm), not \(StoryClustering.algorithm); "
                        + "run `corroborate info --check` to see the stories it left")
            }
            if let kept, kept.generation == meta.generation {
                kept.source.rebind(to: session)
                source = kept.source
                clusterer = kept.clusterer
                duplicates = DuplicateIndex(count: meta.duplicateCount, source: source)
                reused = true
                return
            }
            source = SessionSource(session)
            do {
                let saved = try JSONDecoder().decode(ClusterOptions.self, from: meta.options)
                let counters = try JSONDecoder().decode(ClustererCounters.self, from: meta.counters)
                clusterer = StoryClusterer(options: saved, counters: counters, source: source)
            } catch {
                throw StoreError.failed(
                    "the clustering state", operation: "reading it", reason: "\(error); \(StoryClustering.repairAdvice)"
                )
            }
            duplicates = DuplicateIndex(count: meta.duplicateCount, source: source)
        } else {
            source = SessionSource(session)
            clusterer = StoryClusterer(options: options, counters: ClustererCounters(), source: source)
            duplicates = DuplicateIndex(count: 0, source: source)
        }
    }

    /// Moves a schema-7 state (one document of everything) into the session's tables.
    private static func moveLegacyState(_ legacy: ClusteringState, _ session: any ClusteringSession) throws(StoreError)
    {
        guard legacy.algorithm == StoryClustering.algorithm else {
            throw StoreError.failed(
                "the schema-7 clustering state", operation: "moving it into the story tables",
                reason: "it was written by \(legacy.algorithm), not \(StoryClustering.algorithm)")
        }
        var clusterer: StoryClusterer
        var duplicates: DuplicateIndex
        do {
            clusterer = try StoryClusterer(legacyState: legacy.clusterer)
            duplicates = try DuplicateIndex(legacyState: Array(legacy.duplicates))
        } catch let error as StoryClusterer.Story.ProfileError {
            throw StoreError.failed("the schema-7 clustering state", operation: "reading it", reason: error.reason)
        } catch let error as DuplicateStateError {
            throw StoreError.failed("the schema-7 clustering state", operation: "reading it", reason: error.reason)
        } catch {
            throw StoreError.failed("the schema-7 clustering state", operation: "reading it", reason: "\(error)")
        }
        var write = try Self.write(&clusterer, &duplicates, assignments: [], merges: [])
        write.movedLegacyState = true
        try session.write(write)
    }

    /// Writes what changed, with the batch's assignments (re-pointed through merges made in the batch).
    mutating func save(_ session: any ClusteringSession, assignments: [StoryAssignment]) throws(StoreError) {
        var assignments = assignments
        for index in assignments.indices {
            let current = clusterer.currentStory(of: String(assignments[index].story.rawValue))
            assignments[index].story = ArticleID(Int64(current) ?? assignments[index].story.rawValue)
        }
        try source.check()
        let write = try Self.write(&clusterer, &duplicates, assignments: assignments, merges: nil)
        try session.write(write)
    }

    /// The write of everything the clusterer and index changed; merges are the changed stories that point
    /// elsewhere, unless given.
    static func write(
        _ clusterer: inout StoryClusterer, _ duplicates: inout DuplicateIndex, assignments: [StoryAssignment],
        merges given: [StoryMerge]?
    ) throws(StoreError) -> ClusteringWrite {
        let changes = clusterer.takeChanges()
        let entries = duplicates.takeNewEntries()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let meta: ClusteringMeta
        do {
            meta = ClusteringMeta(
                algorithm: StoryClustering.algorithm, options: try encoder.encode(clusterer.options),
                counters: try encoder.encode(changes.counters), duplicateCount: duplicates.count)
        } catch {
            throw StoreError.failed("the clustering state", operation: "encoding it", reason: "\(error)")
        }
        var write = ClusteringWrite(meta: meta)
        write.stories = changes.stories.map { story in
            StoryStateRecord(
                seq: Int64(story.seq), story: ArticleID(Int64(story.id) ?? 0), size: story.size,
                firstSeen: story.firstSeen, lastSeen: story.lastSeen, isClosed: story.isClosed,
                mergedInto: story.mergedInto.map { ArticleID(Int64($0) ?? 0) }, isPinned: story.isPinned,
                profile: Data(story.encodedProfile()))
        }
        write.terms = changes.terms.map { TermRecord(id: $0.id, word: $0.word, frequency: $0.frequency) }
        write.postings = changes.postings.map {
            switch $0 {
            case .add(let term, let story, let position): .add(term: term, story: Int64(story), position: position)
            case .remove(let term, let story): .remove(term: term, story: Int64(story))
            }
        }
        write.keptApart = changes.keptApart
        write.duplicates = entries.map { entry in
            DuplicateRecord(
                position: entry.position, article: ArticleID(Int64(entry.id) ?? 0), origin: entry.origin,
                originArticle: ArticleID(Int64(entry.originID) ?? 0),
                signature: Data(
                    entry.signature.values.flatMap { value in withUnsafeBytes(of: value.littleEndian, Array.init) }),
                credits: entry.credits, bucketKeys: entry.bandKeys.map { Int64(bitPattern: $0) })
        }
        write.oldestDuplicateCompared = duplicates.oldestCompared
        write.assignments = assignments
        write.merges =
            given
            ?? changes.stories.compactMap { story in
                guard story.mergedInto != nil else { return nil }
                return StoryMerge(
                    from: ArticleID(Int64(story.id) ?? 0),
                    into: ArticleID(Int64(clusterer.currentStory(of: story.id)) ?? 0))
            }
        return write
    }
}

/// The session as the clusterer's and the index's source. Their reads cannot throw, so the first store error
/// is kept and `check()` throws it before anything is written.
final class SessionSource: StoryStateSource, DuplicateSource {
    private(set) var session: any ClusteringSession
    private var failure: StoreError?
    /// Kept with the source across the sessions of a run (closed blocks stay closed whoever writes).
    private var bucketFilter: DuplicateBucketFilter

    init(_ session: any ClusteringSession, bucketFilter: DuplicateBucketFilter = DuplicateBucketFilter()) {
        self.session = session
        self.bucketFilter = bucketFilter
    }

    /// Reads from another session from now on (a clusterer kept for the next batch).
    func rebind(to session: any ClusteringSession) {
        self.session = session
        failure = nil
    }

    /// Throws the first error a read met.
    func check() throws(StoreError) {
        if let failure { throw failure }
    }

    private func attempt<T>(_ fallback: T, _ body: () throws(StoreError) -> T) -> T {
        guard failure == nil else { return fallback }
        do {
            return try body()
        } catch {
            failure = error
            return fallback
        }
    }

    func terms(named words: [String]) -> [TermEntry] {
        attempt([]) { () throws(StoreError) in
            try session.terms(named: words).map { TermEntry(id: $0.id, word: $0.word, frequency: $0.frequency) }
        }
    }

    func terms(withIDs ids: [Int32]) -> [TermEntry] {
        attempt([]) { () throws(StoreError) in
            try session.terms(withIDs: ids).map { TermEntry(id: $0.id, word: $0.word, frequency: $0.frequency) }
        }
    }

    func postings(of term: Int32) -> [Int] {
        attempt([]) { () throws(StoreError) in try session.postings(of: term).map { Int($0) } }
    }

    func story(seq: Int) -> StoryClusterer.Story? {
        attempt(nil) { () throws(StoreError) -> StoryClusterer.Story? in
            try session.storyState(seq: Int64(seq)).map(Self.story)
        }
    }

    func stories(seqs: [Int]) -> [Int: StoryClusterer.Story] {
        attempt([:]) { () throws(StoreError) -> [Int: StoryClusterer.Story] in
            var found: [Int: StoryClusterer.Story] = [:]
            for record in try session.storyStates(seqs: seqs.map(Int64.init)) {
                found[Int(record.seq)] = try Self.story(record)
            }
            return found
        }
    }

    private static func story(_ record: StoryStateRecord) throws(StoreError) -> StoryClusterer.Story {
        do {
            return try StoryClusterer.Story(
                seq: Int(record.seq), id: String(record.story.rawValue), size: record.size,
                firstSeen: record.firstSeen, lastSeen: record.lastSeen, isClosed: record.isClosed,
                mergedInto: record.mergedInto.map { String($0.rawValue) }, isPinned: record.isPinned,
                profile: Array(record.profile))
        } catch {
            throw StoreError.failed(
                "the clustering state", operation: "reading story \(record.story.rawValue)",
                reason: "\(error); \(StoryClustering.repairAdvice)")
        }
    }

    func seq(ofStory id: String) -> Int? {
        guard let story = Int64(id) else { return nil }
        return attempt(nil) { () throws(StoreError) in try session.storySeq(of: ArticleID(story)).map { Int($0) } }
    }

    func seq(holding article: String) -> Int? {
        guard let id = Int64(article) else { return nil }
        return attempt(nil) { () throws(StoreError) in
            try session.storySeq(holding: ArticleID(id)).map { Int($0) }
        }
    }

    func quietStories(lastSeenBefore date: Date) -> [Int] {
        attempt([]) { () throws(StoreError) in try session.quietStories(lastSeenBefore: date).map { Int($0) } }
    }

    func keptApart(_ pair: String) -> Bool {
        attempt(false) { () throws(StoreError) in try session.keptApart(pair) }
    }

    func keptApart(pairs: [String]) -> Set<String> {
        attempt([]) { () throws(StoreError) in try session.keptApart(pairs: pairs) }
    }

    func postings(of terms: [Int32]) -> [Int32: [Int]] {
        attempt([:]) { () throws(StoreError) in try session.postings(of: terms).mapValues { $0.map { Int($0) } } }
    }

    func positions(inBuckets keys: [(key: UInt64, limit: Int)], in range: Range<Int32>) -> [[Int32]] {
        attempt(keys.map { _ in [] }) { () throws(StoreError) in
            let keys = keys.map { (key: Int64(bitPattern: $0.key), limit: $0.limit) }
            let session = session
            guard
                let recent = try bucketFilter.recentPart(
                    of: range, looking: keys.count,
                    keys: { range throws(StoreError) in try session.duplicateBucketKeys(in: range) })
            else {
                return try session.duplicatePositions(inBuckets: keys, in: range)
            }
            // A key no closed block holds is sought in the newest part only: the rest of the range has none of it.
            var old: [Int] = []
            var new: [Int] = []
            for index in keys.indices {
                if bucketFilter.mayHold(keys[index].key, in: range, before: recent) {
                    old.append(index)
                } else {
                    new.append(index)
                }
            }
            var lists = [[Int32]](repeating: [], count: keys.count)
            for (parts, part) in [(old, range), (new, recent)] where !parts.isEmpty {
                let found = try session.duplicatePositions(inBuckets: parts.map { keys[$0] }, in: part)
                for (index, positions) in zip(parts, found) { lists[index] = positions }
            }
            return lists
        }
    }

    func positions(inBucket key: UInt64, in range: Range<Int32>, limit: Int) -> [Int32] {
        attempt([]) { () throws(StoreError) in
            try session.duplicatePositions(inBucket: Int64(bitPattern: key), in: range, limit: limit)
        }
    }

    func entries(at positions: [Int32]) -> [DuplicateEntry] {
        attempt([]) { () throws(StoreError) in
            try session.duplicateEntries(at: positions).map { record in
                let bytes = Array(record.signature)
                let values = stride(from: 0, to: bytes.count - 3, by: 4).map { offset in
                    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
                }
                return DuplicateEntry(
                    position: record.position, id: String(record.article.rawValue), origin: record.origin,
                    originID: String(record.originArticle.rawValue), signature: MinHashSignature(values: values),
                    credits: record.credits)
            }
        }
    }
}
