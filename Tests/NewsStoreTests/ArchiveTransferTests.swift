import Foundation
import NewsCore
import NewsIngest
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite
import NewsTesting
import Testing

/// A copy's direction: which engine the archive comes from and goes to.
struct TransferPair: Sendable, CustomTestStringConvertible {
    let from: StoreKind
    let to: StoreKind

    /// SQLite to SQLite always; to and from PostgreSQL when a test server runs.
    static var available: [TransferPair] {
        var pairs = [TransferPair(from: .sqliteFile, to: .sqliteFile)]
        if StoreKind.postgresURL != nil {
            pairs += [TransferPair(from: .sqliteFile, to: .postgres), TransferPair(from: .postgres, to: .sqliteFile)]
        }
        return pairs
    }

    var testDescription: String { "\(from.rawValue) → \(to.rawValue)" }
}

@Suite("Copying an archive between engines")
struct ArchiveTransferTests {
    static let when = Date(timeIntervalSince1970: 1_700_000_000)

    /// An archive with something in every table: articles in three languages with a duplicate, analyses, a
    /// rejection, stories clustered for real plus a merge into a later story, a feed with items, a saved search,
    /// a token and a kept rendering.
    static func fill(_ store: any ArticleStore, extra: Int = 0) async throws {
        var batch = [
            incoming(
                "Russian air strikes in Syria",
                "The United States criticised Russian air strikes in Syria on Wednesday.",
                source: "VOA", published: when),
            incoming(
                "US criticises Russian strikes", "The United States criticised the Russian air strikes in Syria.",
                source: "TRT World", published: when.addingTimeInterval(3600)),
            incoming(
                "Élections municipales", "Les électeurs votent dimanche dans toute la France.", source: "Le Monde",
                language: LanguageCode(rawValue: "fr"), published: when.addingTimeInterval(7200)),
            incoming(
                "Elecciones", "Los votantes acuden a las urnas el domingo en todo el país.", source: "El País",
                language: LanguageCode(rawValue: "es"), published: when.addingTimeInterval(9000)),
            incoming("No language", "Text whose language nobody knows.", source: nil, language: nil),
        ]
        for index in 0..<extra {
            batch.append(
                incoming("Filler \(index)", "Filler article number \(index) about harbour cranes.", source: "Wire"))
        }
        _ = try await store.add(batch)
        _ = try await store.add([batch[0]])
        try await store.recordRejections([
            RejectedInput(
                inputName: "bad.html", location: "", code: "extract.no-article", reason: "no article text",
                format: .html, raw: Array("<html></html>".utf8), rejectedAt: when)
        ])
        try await store.saveAnalyses([
            StoredAnalysis(
                articleID: ArticleID(1), analysis: AnalysisStoreTests.analysis("a.v1", entity: "Toner"),
                analysedAt: when)
        ])
        _ = try await StoryClustering.clusterPending(in: store)
        let feed = try #require(
            try await store.addFeeds(
                [NewFeed(url: "http://127.0.0.1/voa.xml", source: "VOA", title: "VOA", categories: ["world"])], at: when
            ).first?.record)
        var poll = FeedPoll(
            feed: feed.id, checked: when, nextCheck: when.addingTimeInterval(900), succeeded: true,
            items: [
                FeedItemRecord(key: "b-item", article: ArticleID(1), url: "http://127.0.0.1/one", categories: ["x"]),
                FeedItemRecord(key: "a-item", problem: "404"), FeedItemRecord(key: "Ä-item", problem: "410"),
            ])
        poll.etag = "\"v1\""
        try await store.saveFeedPoll(poll)
        _ = try await store.saveSearch(name: "syria", query: "\"air strikes\"", at: when)
        _ = try await store.addToken(name: "ci", hash: String(repeating: "ab", count: 32), at: when)
        try await store.saveRendering(
            CachedRendering(story: ArticleID(1), kind: "html", fingerprint: "f1", body: Data("<p>story</p>".utf8)))
    }

    static func transferring(_ store: any ArticleStore) throws -> any ArchiveTransferring {
        try #require(store as? any ArchiveTransferring)
    }

    /// Every row of every table, in key order, in neutral form.
    static func dump(_ store: any ArchiveTransferring) async throws -> [String: [[TransferValue]]] {
        var tables: [String: [[TransferValue]]] = [:]
        for table in ArchiveSchema.tables {
            tables[table.name] = try await store.transferRows(table, after: nil, limit: 1_000_000)
        }
        return tables
    }

    @Test("every table arrives whole, and the copy works as the original did", arguments: TransferPair.available)
    func copiesEverything(pair: TransferPair) async throws {
        let folder = try TemporaryFolder()
        let source = try await pair.from.open(in: folder)
        try await Self.fill(source)
        let destinationFolder = try TemporaryFolder()
        let destination = try await pair.to.open(in: destinationFolder)
        let report = try await ArchiveCopier(
            from: try Self.transferring(source), to: try Self.transferring(destination), destinationName: "copy"
        ).copy()
        #expect(!report.resumed)
        #expect(report.rows == report.copied)
        #expect(report.rows(of: "article") == 5 && report.rows(of: "feed_item") == 3)
        for table in ArchiveSchema.tables where !["cluster_kept_apart", "story_rendering"].contains(table.name) {
            // Every table but the two the fixture leaves nearly empty holds something, so each is tested.
            #expect(report.rows(of: table.name) > 0, "\(table.name) is empty in the fixture")
        }
        let before = try await Self.dump(try Self.transferring(source))
        let after = try await Self.dump(try Self.transferring(destination))
        for table in ArchiveSchema.tables {
            #expect(before[table.name] == after[table.name], "\(table.name) differs")
        }

        // What the product reads is the same.
        #expect(try await destination.articles(ArticleQuery(limit: 10)) == source.articles(ArticleQuery(limit: 10)))
        #expect(try await destination.rawInput(of: ArticleID(3)) == source.rawInput(of: ArticleID(3)))
        #expect(try await destination.stories(limit: 10, offset: 0) == source.stories(limit: 10, offset: 0))
        #expect(try await destination.feeds() == source.feeds())
        #expect(try await destination.settledFeedItems(of: 1) == source.settledFeedItems(of: 1))
        #expect(try await destination.savedSearches() == source.savedSearches())
        #expect(try await destination.tokens() == source.tokens())
        #expect(try await destination.rejections(limit: 10, offset: 0) == source.rejections(limit: 10, offset: 0))
        #expect(try await destination.analysis(of: ArticleID(1)) == source.analysis(of: ArticleID(1)))
        #expect(
            try await destination.cachedRendering(story: ArticleID(1), kind: "html", fingerprint: "f1")
                == Data("<p>story</p>".utf8))
        // The full-text index was rebuilt per language: stemmed French and Spanish words are found.
        for (query, id) in [("strike", 1), ("électeur", 3), ("votante", 4)] {
            let hits = try await destination.search(SearchQuery(query, limit: 5))
            #expect(hits.map(\.article.id).contains(ArticleID(Int64(id))), "\(query)")
        }
        let check = try await destination.checkStories(repair: false)
        #expect(check.isConsistent, "\(check.findings)")
        #expect(try await destination.checkIntegrity().isSound)

        // Writing goes on past the copied ids, and the clustering carries on from the copied state.
        let added = try await destination.add([
            incoming("Strikes again", "The United States criticised Russian air strikes in Syria again.", source: "AP")
        ])
        #expect(added.first?.id == ArticleID(6))
        _ = try await StoryClustering.clusterPending(in: destination)
        #expect(try await destination.assignment(of: ArticleID(6))?.story == ArticleID(1))
        #expect(try await destination.addToken(name: "second", hash: "cd", at: Self.when).id == 2)
    }

    @Test("a story merged into a later one keeps pointing at it", arguments: TransferPair.available)
    func forwardMerges(pair: TransferPair) async throws {
        let sourceFolder = try TemporaryFolder()
        let source = try await pair.from.open(in: sourceFolder)
        _ = try await source.add([
            incoming("One", "First."), incoming("Two", "Second."), incoming("Three", "Third."),
        ])
        try await source.withClusteringSession { session throws in
            var write = ClusteringWrite(
                meta: ClusteringMeta(
                    algorithm: "test.v1", options: Data("{}".utf8), counters: Data("{}".utf8), duplicateCount: 0))
            for (seq, id) in [Int64(1), 3].enumerated() {
                write.stories.append(
                    StoryStateRecord(
                        seq: Int64(seq), story: ArticleID(id), size: id == 1 ? 0 : 3, firstSeen: nil,
                        lastSeen: Self.when,
                        isClosed: false, mergedInto: id == 1 ? ArticleID(3) : nil, isPinned: id == 3,
                        profile: Data([1])))
            }
            write.assignments = (1...3).map { StoryStoreTests.assignment(Int64($0), story: 3) }
            write.merges = [StoryMerge(from: ArticleID(1), into: ArticleID(3))]
            try session.write(write)
        }
        let destinationFolder = try TemporaryFolder()
        let destination = try await pair.to.open(in: destinationFolder)
        _ = try await ArchiveCopier(
            from: try Self.transferring(source), to: try Self.transferring(destination), destinationName: "copy"
        ).copy()
        #expect(try await destination.storyArticles(ArticleID(1))?.story == ArticleID(3))
        #expect(try await destination.stories(limit: 10, offset: 0).map(\.id) == [ArticleID(3)])
        #expect(try await destination.stories(limit: 10, offset: 0).first?.isPinned == true)
        #expect(try await destination.checkStories(repair: false).isConsistent)
    }

    @Test("a copy that stops goes on where it stopped, writing nothing twice", arguments: TransferPair.available)
    func resumes(pair: TransferPair) async throws {
        let sourceFolder = try TemporaryFolder()
        let source = try await pair.from.open(in: sourceFolder)
        try await Self.fill(source, extra: 700)
        let destinationFolder = try TemporaryFolder()
        let destination = try await pair.to.open(in: destinationFolder)
        struct Stop: Error {}
        let copier = ArchiveCopier(
            from: try Self.transferring(source), to: try Self.transferring(destination), destinationName: "copy")
        await #expect(throws: Stop.self) {
            _ = try await copier.copy { progress in
                if progress.table == "article", progress.tableRows > 0 { throw Stop() }
            }
        }
        let partial = try await Self.transferring(destination).transferCount(ArchiveSchema.tables[1])
        #expect(partial > 0 && partial < 705)
        let report = try await copier.copy()
        #expect(report.resumed)
        #expect(report.rows(of: "article") == 705)
        #expect(report.tables.first { $0.name == "article" }?.copied == 705 - partial)
        #expect(report.tables.first { $0.name == "source" }?.copied == 0)
        #expect(try await destination.articleCount(ArticleQuery()) == 705)
        let hits = try await destination.search(SearchQuery("cranes", limit: 1000))
        #expect(hits.count == 700, "an article indexed twice or not at all")
        #expect(try await destination.checkStories(repair: false).isConsistent)
        // Once done, running it again copies nothing.
        #expect(try await copier.copy().copied == 0)
    }

    @Test("a destination holding another archive is refused, untouched", arguments: TransferPair.available)
    func refusesAnotherArchive(pair: TransferPair) async throws {
        let sourceFolder = try TemporaryFolder()
        let source = try await pair.from.open(in: sourceFolder)
        try await Self.fill(source)
        let destinationFolder = try TemporaryFolder()
        let destination = try await pair.to.open(in: destinationFolder)
        _ = try await destination.add([incoming("Mine", "An article of another archive.")])
        let copier = ArchiveCopier(
            from: try Self.transferring(source), to: try Self.transferring(destination), destinationName: "copy")
        do {
            _ = try await copier.copy()
            Issue.record("copied into a database holding another archive")
        } catch let error as StoreError {
            #expect(error.code == "store.holds-another-archive")
            #expect(error.suggestion != nil)
        }
        #expect(try await destination.articleCount(ArticleQuery()) == 1)
    }
}

@Suite("Both engines group alike")
struct EngineAgreementTests {
    /// Articles of a few events with wire copies among them, in two halves clustered one after the other, so the
    /// second half's decisions read the first's saved postings, terms and near-duplicate buckets.
    static func half(_ part: Int) -> [IncomingArticle] {
        let events = [
            "The river burst its banks in the old town after days of heavy rain, flooding streets and shops",
            "A magnitude 6.8 earthquake struck off northern Japan, shaking buildings in Tokyo without a tsunami",
            "The central bank raised its benchmark interest rate by half a point to fight inflation again",
        ]
        return (0..<150).map { index in
            let number = part * 150 + index
            let event = events[number % events.count]
            // Every fifth article is a wire copy of the one before it: the same text in another outlet.
            let detail = number % 5 == 4 ? number - 1 : number
            return incoming(
                "\(event.prefix(30)) \(number)", "\(event). Report \(detail) adds detail \(detail * 7919 % 1000).",
                source: "Outlet \(number % 7)",
                published: Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 1800))
        }
    }

    @Test("the same articles end in the same stories on every engine")
    func sameStories() async throws {
        // NB: `reason` is JSON whose key order is not fixed; what was decided is compared.
        var assignments: [[String]] = []
        for kind in StoreKind.available where kind != .sqliteMemory {
            let folder = try TemporaryFolder()
            let store = try await kind.open(in: folder)
            for part in 0..<2 {
                _ = try await store.add(Self.half(part))
                _ = try await StoryClustering.clusterPending(in: store)
            }
            var found: [StoryAssignment?] = []
            for id in 1...300 { found.append(try await store.assignment(of: ArticleID(Int64(id)))) }
            #expect(found.allSatisfy { $0 != nil })
            #expect(found.contains { $0?.relation == "wireCopy" }, "the fixture makes no wire copies")
            assignments.append(
                found.map {
                    "\($0?.story.rawValue ?? 0) \($0?.origin.rawValue ?? 0) \($0?.relation ?? "") \($0?.score ?? 0)"
                })
        }
        for other in assignments.dropFirst() { #expect(other == assignments.first) }
    }
}
