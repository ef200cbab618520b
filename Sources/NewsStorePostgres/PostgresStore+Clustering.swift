internal import Foundation
internal import Logging
internal import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.withClusteringSession(_:)`: one transaction holding the write lock, so a second process
    /// clustering (or adding) waits instead of deciding on what the first changes.
    ///
    /// NB: the session is synchronous (the clusterer asks as it decides) and postgres-nio is not, so `body` runs
    /// on a thread of its own that waits for each statement; waiting on one of the concurrency pool's few threads
    /// could starve the tasks that answer it.
    public func withClusteringSession<T: Sendable>(
        _ body: @Sendable (any ClusteringSession) throws -> T
    ) async throws(StoreError) -> T {
        let location = location
        return try await transaction("clustering stories", writing: true) { [logger] connection in
            let session = PostgresClusteringSession(
                connection: BlockingConnection(connection: connection, logger: logger, location: location))
            return try await withoutActuallyEscaping(body) { body in
                try await Self.onOwnThread { try body(session) }
            }
        }
    }

    /// Runs `work` on a new thread and waits for it without holding a concurrency thread.
    ///
    /// NB: the thread drops `work` before resuming the caller: the closure handed to `withClusteringSession` is
    /// non-escaping, and a `Thread` keeps its block until it is deallocated, later.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let box = WorkBox(work)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let result = box.run()
                continuation.resume(with: result)
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}

/// Holds a thread's work until it runs once, then lets it go.
private final class WorkBox<T: Sendable>: @unchecked Sendable {
    private var work: (@Sendable () throws -> T)?

    init(_ work: @escaping @Sendable () throws -> T) { self.work = work }

    func run() -> Result<T, any Error> {
        guard let work else { return .failure(CancellationError()) }
        self.work = nil
        return Result { try work() }
    }
}

/// A connection in a transaction, used from a thread that may block: each statement waits for its rows.
final class BlockingConnection: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let location: PostgresLocation

    init(connection: PostgresConnection, logger: Logger, location: PostgresLocation) {
        self.connection = connection
        self.logger = logger
        self.location = location
    }

    private final class Outcome: @unchecked Sendable {
        var result: Result<[PostgresRow], any Error> = .success([])
    }

    /// Runs a statement and returns its rows; never call it from a concurrency thread.
    @discardableResult
    func rows(_ operation: String, _ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task { [connection, logger] in
            do {
                outcome.result = .success(try await connection.all(query, logger))
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        switch outcome.result {
        case .success(let rows): return rows
        case .failure(let error): throw PostgresErrorMapping.map(error, location: location, operation: operation)
        }
    }

    /// Runs a statement and decodes each row.
    func decoded<T>(
        _ operation: String, _ query: PostgresQuery, _ decode: (PostgresRow) throws -> T
    ) throws(StoreError) -> [T] {
        let rows = try rows(operation, query)
        do {
            return try rows.map(decode)
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: operation)
        }
    }
}

/// `ClusteringSession` over one PostgreSQL transaction holding the write lock.
///
/// NB: unchecked Sendable: it is made for one session and used by the one thread that runs it.
final class PostgresClusteringSession: ClusteringSession, @unchecked Sendable {
    let connection: BlockingConnection

    init(connection: BlockingConnection) { self.connection = connection }

    func meta() throws(StoreError) -> ClusteringMeta? {
        try connection.decoded(
            "reading the clustering state",
            "SELECT algorithm, options, counters, duplicate_count, generation FROM cluster_meta WHERE id = 1"
        ) { row in
            let (algorithm, options, counters, duplicates, generation) = try row.decode(
                (String, Data, Data, Int, Int64).self)
            return ClusteringMeta(
                algorithm: algorithm, options: options, counters: counters, duplicateCount: duplicates,
                generation: generation)
        }.first
    }

    /// PostgreSQL stores were never written by schema 7: there is no single-document state to move.
    func legacyState() throws(StoreError) -> ClusteringState? { nil }

    func unclusteredArticles(limit: Int) throws(StoreError) -> [ArticleID] {
        try connection.decoded("finding articles to cluster", PostgresStore.unclusteredQuery(limit: limit)) {
            ArticleID(try $0.decode(Int64.self))
        }
    }

    func clusteringInputs(_ ids: [ArticleID]) throws(StoreError) -> [ClusteringInput] {
        guard !ids.isEmpty else { return [] }
        let found = try connection.decoded(
            "reading articles to cluster",
            """
            SELECT id, title, body, published_at, ingested_at FROM article WHERE id = ANY(\(ids.map(\.rawValue)))
            """
        ) { row in
            let (id, title, body, published, ingested) = try row.decode((Int64, String, String, Date?, Date).self)
            return ClusteringInput(
                id: ArticleID(id), title: title, text: body, published: published, ingested: ingested)
        }
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    func assignment(of article: ArticleID) throws(StoreError) -> StoryAssignment? {
        try connection.decoded(
            "reading a story assignment",
            "SELECT story_id, origin_id, relation, score, reason FROM story_article WHERE article_id = \(article.rawValue)"
        ) { try PostgresStore.assignment(article, $0) }.first
    }

    func terms(named words: [String]) throws(StoreError) -> [TermRecord] {
        guard !words.isEmpty else { return [] }
        let found = try connection.decoded(
            "reading clustering terms", "SELECT id, word, frequency FROM cluster_term WHERE word = ANY(\(words))"
        ) { row in
            let (id, word, frequency) = try row.decode((Int32, String, Int32).self)
            return TermRecord(id: id, word: word, frequency: frequency)
        }
        let byWord = Dictionary(found.map { ($0.word, $0) }, uniquingKeysWith: { first, _ in first })
        return words.compactMap { byWord[$0] }
    }

    func terms(withIDs ids: [Int32]) throws(StoreError) -> [TermRecord] {
        guard !ids.isEmpty else { return [] }
        let found = try connection.decoded(
            "reading clustering terms", "SELECT id, word, frequency FROM cluster_term WHERE id = ANY(\(ids))"
        ) { row in
            let (id, word, frequency) = try row.decode((Int32, String, Int32).self)
            return TermRecord(id: id, word: word, frequency: frequency)
        }
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    func postings(of term: Int32) throws(StoreError) -> [Int64] { try postings(of: [term])[term] ?? [] }

    func postings(of terms: [Int32]) throws(StoreError) -> [Int32: [Int64]] {
        guard !terms.isEmpty else { return [:] }
        var lists: [Int32: [Int64]] = [:]
        let rows = try connection.decoded(
            "reading story postings",
            "SELECT term_id, story_seq FROM cluster_posting WHERE term_id = ANY(\(terms)) ORDER BY term_id, position"
        ) { try $0.decode((Int32, Int64).self) }
        for (term, seq) in rows { lists[term, default: []].append(seq) }
        return lists
    }

    /// The `story` columns `storyState(_:)` decodes, in its order.
    static let stateColumns = "seq, id, size, cluster_first, cluster_last, closed, merged_into, pinned, profile"

    func storyState(seq: Int64) throws(StoreError) -> StoryStateRecord? {
        try connection.decoded(
            "reading a story's state", "SELECT \(unescaped: Self.stateColumns) FROM story WHERE seq = \(seq)",
            Self.storyState
        ).first
    }

    /// A decision's candidate stories in one round trip (a hundred articles into a large archive asked for
    /// thousands one by one).
    func storyStates(seqs: [Int64]) throws(StoreError) -> [StoryStateRecord] {
        guard !seqs.isEmpty else { return [] }
        return try connection.decoded(
            "reading stories' state", "SELECT \(unescaped: Self.stateColumns) FROM story WHERE seq = ANY(\(seqs))",
            Self.storyState)
    }

    /// A `story` row read with `stateColumns`, as the clustering and the state summary read it.
    static func storyState(_ row: PostgresRow) throws -> StoryStateRecord {
        let (seq, id, size, first, last, closed, merged, pinned, profile) = try row.decode(
            (Int64, Int64, Int, Double?, Double?, Bool, Int64?, Bool, Data?).self)
        return StoryStateRecord(
            seq: seq, story: ArticleID(id), size: size,
            firstSeen: first.map(Date.init(timeIntervalSinceReferenceDate:)),
            lastSeen: last.map(Date.init(timeIntervalSinceReferenceDate:)), isClosed: closed,
            mergedInto: merged.map { ArticleID($0) }, isPinned: pinned, profile: profile ?? Data())
    }

    func storySeq(of story: ArticleID) throws(StoreError) -> Int64? {
        try connection.decoded("reading a story's state", "SELECT seq FROM story WHERE id = \(story.rawValue)") {
            try $0.decode(Int64?.self)
        }.first ?? nil
    }

    func storySeq(holding article: ArticleID) throws(StoreError) -> Int64? {
        try connection.decoded(
            "reading a story's state",
            """
            SELECT story.seq FROM story_article JOIN story ON story.id = story_article.story_id
            WHERE story_article.article_id = \(article.rawValue)
            """
        ) { try $0.decode(Int64?.self) }.first ?? nil
    }

    func quietStories(lastSeenBefore date: Date) throws(StoreError) -> [Int64] {
        try connection.decoded(
            "finding quiet stories",
            """
            SELECT seq FROM story
            WHERE NOT closed AND NOT pinned AND cluster_last <= \(date.timeIntervalSinceReferenceDate)
                AND seq IS NOT NULL
            """
        ) { try $0.decode(Int64.self) }.sorted()
    }

    func keptApart(_ pair: String) throws(StoreError) -> Bool {
        try !connection.rows("reading stories kept apart", "SELECT 1 FROM cluster_kept_apart WHERE pair = \(pair)")
            .isEmpty
    }

    func keptApart(pairs: [String]) throws(StoreError) -> Set<String> {
        guard !pairs.isEmpty else { return [] }
        return Set(
            try connection.decoded(
                "reading stories kept apart", "SELECT pair FROM cluster_kept_apart WHERE pair = ANY(\(pairs))"
            ) { try $0.decode(String.self) })
    }

    func duplicatePositions(inBucket key: Int64, in range: Range<Int32>, limit: Int) throws(StoreError) -> [Int32] {
        guard limit > 0 else { return [] }
        return try duplicatePositions(inBuckets: [(key, limit)], in: range)[0]
    }

    func duplicatePositions(
        inBuckets keys: [(key: Int64, limit: Int)], in range: Range<Int32>
    ) throws(StoreError) -> [[Int32]] {
        guard !range.isEmpty, !keys.isEmpty else { return keys.map { _ in [] } }
        let epochs = Array(
            PostgresClusteringWriter.epoch(
                of: range.lowerBound)...PostgresClusteringWriter.epoch(of: range.upperBound - 1))
        var lists = [[Int32]](repeating: [], count: keys.count)
        let rows = try connection.decoded(
            "reading near-duplicate buckets",
            """
            SELECT k.ord, b.position
            FROM unnest(\(keys.map(\.key)), \(keys.map { Int64($0.limit) })) WITH ORDINALITY AS k(key, lim, ord)
            CROSS JOIN LATERAL (
                SELECT position FROM duplicate_bucket
                WHERE epoch = ANY(\(epochs)) AND key = k.key AND position >= \(range.lowerBound)
                    AND position < \(range.upperBound)
                ORDER BY position DESC LIMIT k.lim) b
            ORDER BY k.ord, b.position DESC
            """
        ) { try $0.decode((Int64, Int32).self) }
        for (index, position) in rows { lists[Int(index) - 1].append(position) }
        return lists
    }

    func duplicateBucketKeys(in range: Range<Int32>) throws(StoreError) -> [Int64]? {
        guard !range.isEmpty else { return [] }
        // NB: (epoch, key, position) is the key, so each epoch is one range of the index; no DISTINCT (the
        // keys of a block are nearly all distinct, and the filter takes repeats).
        let epochs = Array(
            PostgresClusteringWriter.epoch(
                of: range.lowerBound)...PostgresClusteringWriter.epoch(of: range.upperBound - 1))
        return try connection.decoded(
            "listing near-duplicate buckets",
            """
            SELECT key FROM duplicate_bucket
            WHERE epoch = ANY(\(epochs)) AND position >= \(range.lowerBound) AND position < \(range.upperBound)
            """
        ) { try $0.decode(Int64.self) }
    }

    func duplicateEntries(at positions: [Int32]) throws(StoreError) -> [DuplicateRecord] {
        guard !positions.isEmpty else { return [] }
        let found = try connection.decoded(
            "reading near-duplicate entries",
            """
            SELECT position, article_id, origin_position, origin_id, signature, credits
            FROM duplicate_entry WHERE position = ANY(\(positions))
            """
        ) { row in
            let (position, article, origin, originArticle, signature, credits) = try row.decode(
                (Int32, Int64, Int32, Int64, Data, String).self)
            return DuplicateRecord(
                position: position, article: ArticleID(article), origin: origin,
                originArticle: ArticleID(originArticle),
                signature: signature, credits: PostgresArticleRow.decodeArray(credits), bucketKeys: [])
        }
        let byPosition = Dictionary(found.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        return positions.compactMap { byPosition[$0] }
    }

    func write(_ changes: ClusteringWrite) throws(StoreError) {
        try PostgresClusteringWriter(connection: connection).write(changes)
    }
}
