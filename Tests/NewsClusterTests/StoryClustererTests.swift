import Foundation
import NewsCluster
import NewsTesting
import Testing

@Suite("Online story clustering")
struct StoryClustererTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_451_347_200)

    static func document(_ id: String, _ title: String, _ text: String, day: Double? = 0) -> ClusterDocument {
        ClusterDocument(
            id: id, title: title, text: text, published: day.map { start.addingTimeInterval($0 * Self.day) })
    }

    /// The seed reports, read from Samples/seeds.
    static func seeds() throws -> [ClusterDocument] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/seeds")
        return try ["trt-world", "voa"].map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return document(name, try #require(object["title"] as? String), try #require(object["text"] as? String))
        }
    }

    static let others = [
        document(
            "quake", "Earthquake strikes off the coast of Japan",
            "A magnitude 6.8 earthquake struck off northern Japan on Tuesday, shaking buildings in Tokyo. No tsunami warning was issued, the meteorological agency said."
        ),
        document(
            "final", "Argentina win World Cup final on penalties",
            "Argentina beat France on penalties in the World Cup final in Qatar. Lionel Messi scored twice as the match ended 3-3 after extra time."
        ),
        document(
            "rates", "Central bank raises interest rates again",
            "The central bank raised its benchmark interest rate by half a point to fight inflation, its fourth increase this year, and signalled more to come."
        ),
    ]

    static func cluster(_ documents: [ClusterDocument], options: ClusterOptions = ClusterOptions()) -> [String: String]
    {
        let extractor = FeatureExtractor()
        var clusterer = StoryClusterer(options: options)
        _ = clusterer.add(batch: documents.map { extractor.features(of: $0) })
        var result: [String: String] = [:]
        for story in clusterer.stories {
            for article in story.articles { result[article] = clusterer.currentStory(of: story.id) }
        }
        return result
    }

    @Test("the two seed reports form one story, apart from unrelated news")
    func seedsFormOneStory() throws {
        let stories = Self.cluster(try Self.seeds() + Self.others)
        #expect(stories["trt-world"] == stories["voa"])
        for other in Self.others { #expect(stories[other.id] == other.id) }
    }

    @Test("every decision says why: score, shared terms and names")
    func why() throws {
        let extractor = FeatureExtractor()
        var clusterer = StoryClusterer()
        let seeds = try Self.seeds()
        let first = clusterer.add(extractor.features(of: seeds[0]))
        guard case .created(let story, _, _)? = first.first else { Issue.record("no story created"); return }
        let second = clusterer.add(extractor.features(of: seeds[1]))
        guard case .assigned(let joined, _, let reason)? = second.first else {
            Issue.record("VOA did not join: \(second)")
            return
        }
        #expect(joined == story)
        #expect(reason.score >= clusterer.options.threshold)
        #expect(reason.sharedTerms.contains("russian") || reason.sharedTerms.contains("russia"))
        #expect(reason.sharedNames.contains("kerry") && reason.sharedNames.contains("russia"))
    }

    @Test("stories close after the window and take no more articles")
    func closing() {
        let extractor = FeatureExtractor()
        var clusterer = StoryClusterer()
        let text = "Floods hit the valley after heavy rain; rescuers evacuated villages along the river."
        _ = clusterer.add(extractor.features(of: Self.document("a", "Floods hit valley", text, day: 0)))
        let later = clusterer.add(extractor.features(of: Self.document("b", "Floods hit valley", text, day: 30)))
        #expect(later.contains(.closed(story: "a")))
        #expect(later.contains { if case .created(story: "b", _, _) = $0 { true } else { false } })
    }

    @Test("same input, same stories; order within equal times does not matter", arguments: 0..<12)
    func orderWithinBatch(seed: UInt64) throws {
        var documents = try Self.seeds() + Self.others
        documents += (0..<6).map { Self.document("copy\($0)", documents[$0 % 5].title, documents[$0 % 5].text) }
        let reference = Self.cluster(documents)
        var generator = SeededGenerator(seed: seed)
        #expect(Self.cluster(documents.shuffled(using: &generator)) == reference)
    }

    @Test("articles reach stories through the index, not a scan: unrelated text starts its own")
    func unrelated() {
        let stories = Self.cluster(Self.others)
        #expect(Set(stories.values).count == 3)
    }
}

@Suite("Manual control of stories")
struct ManualControlTests {
    static func features(_ id: String, _ text: String, day: Double = 0) -> ArticleFeatures {
        FeatureExtractor().features(of: StoryClustererTests.document(id, "", text, day: day))
    }

    static let flood = "Floods hit the valley after heavy rain; rescuers evacuated villages along the river banks."

    @Test("a split article keeps its own story and never merges back; a manual merge stays")
    func splitAndMerge() throws {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.features("a", Self.flood))
        _ = clusterer.add(Self.features("b", Self.flood))
        #expect(clusterer.currentStory(of: "a") == clusterer.story(of: "b"))
        let actions = try clusterer.split(Self.features("b", Self.flood))
        #expect(actions.count == 1 && actions.first?.story == "b")
        #expect(clusterer.story(of: "b") == "b" && clusterer.story(of: "a") == "a")
        // More of the same keeps coming: the two stories grow but are not merged back.
        for index in 0..<6 { _ = clusterer.add(Self.features("c\(index)", Self.flood)) }
        #expect(clusterer.story(of: "b") == "b")
        #expect(clusterer.stories.first { $0.id == "b" }?.mergedInto == nil)
        // A person merges them after all: that holds.
        _ = try clusterer.merge("b", into: "a")
        #expect(clusterer.currentStory(of: "b") == "a")
        #expect(throws: StoryClusterer.ManualChangeError.self) { try clusterer.split(Self.features("a", Self.flood)) }
    }

    @Test("a pinned story never closes")
    func pin() throws {
        var clusterer = StoryClusterer()
        _ = clusterer.add(Self.features("a", Self.flood, day: 0))
        try clusterer.pin("a")
        let later = clusterer.add(
            Self.features("z", "An unrelated report on rates and inflation at the central bank.", day: 40))
        #expect(!later.contains(.closed(story: "a")))
        #expect(clusterer.stories.first { $0.id == "a" }?.isClosed == false)
        #expect(throws: StoryClusterer.ManualChangeError.self) { try clusterer.pin("nope") }
    }
}

/// A store's saved clustering state in memory: what `takeChanges()` hands back, applied the way a store applies
/// it, read back through `StoryStateSource` (profiles through their saved bytes).
final class SavedStoryState: StoryStateSource {
    var terms: [Int32: TermEntry] = [:]
    var stories: [Int: (story: StoryClusterer.Story, profile: [UInt8])] = [:]
    var postings: [Int32: [(position: Int64, story: Int)]] = [:]
    var kept: Set<String> = []
    var counters = ClustererCounters()
    var holding: [String: Int] = [:]
    /// Questions asked for one story and for several at once: a store pays a round trip for each.
    var singleStoryQuestions = 0
    var storyBatchQuestions = 0
    var singleKeptApartQuestions = 0
    var keptApartBatchQuestions = 0

    func apply(_ changes: StoryStateChanges, actions: [ClusterAction]) {
        for term in changes.terms { terms[term.id] = term }
        for story in changes.stories { stories[story.seq] = (story, story.encodedProfile()) }
        for change in changes.postings {
            switch change {
            case .add(let term, let story, let position): postings[term, default: []].append((position, story))
            case .remove(let term, let story): postings[term]?.removeAll { $0.story == story }
            }
        }
        for (pair, isKept) in changes.keptApart {
            if isKept { kept.insert(pair) } else { kept.remove(pair) }
        }
        counters = changes.counters
        for action in actions {
            if case .created(let story, let article, _) = action { holding[article] = seq(ofStory: story) }
            if case .assigned(let story, let article, _) = action { holding[article] = seq(ofStory: story) }
        }
        for (article, seq) in holding {
            var current = stories[seq]!.story
            while let target = current.mergedInto, let next = self.seq(ofStory: target) {
                current = stories[next]!.story
            }
            holding[article] = current.seq
        }
    }

    func terms(named words: [String]) -> [TermEntry] {
        let wanted = Set(words)
        return terms.values.filter { wanted.contains($0.word) }
    }

    func terms(withIDs ids: [Int32]) -> [TermEntry] { ids.compactMap { terms[$0] } }

    func postings(of term: Int32) -> [Int] { (postings[term] ?? []).sorted { $0.position < $1.position }.map(\.story) }

    func story(seq: Int) -> StoryClusterer.Story? {
        singleStoryQuestions += 1
        return savedStory(seq)
    }

    func stories(seqs: [Int]) -> [Int: StoryClusterer.Story] {
        storyBatchQuestions += 1
        return Dictionary(uniqueKeysWithValues: seqs.compactMap { seq in savedStory(seq).map { (seq, $0) } })
    }

    private func savedStory(_ seq: Int) -> StoryClusterer.Story? {
        guard let saved = stories[seq] else { return nil }
        let story = saved.story
        return try? StoryClusterer.Story(
            seq: seq, id: story.id, size: story.size, firstSeen: story.firstSeen, lastSeen: story.lastSeen,
            isClosed: story.isClosed, mergedInto: story.mergedInto, isPinned: story.isPinned, profile: saved.profile)
    }

    func seq(ofStory id: String) -> Int? { stories.values.first { $0.story.id == id }?.story.seq }

    func seq(holding article: String) -> Int? { holding[article] }

    func quietStories(lastSeenBefore date: Date) -> [Int] {
        stories.values.filter {
            !$0.story.isClosed && !$0.story.isPinned && ($0.story.lastSeen.map { $0 <= date } ?? false)
        }
        .map(\.story.seq).sorted()
    }

    func keptApart(_ pair: String) -> Bool {
        singleKeptApartQuestions += 1
        return kept.contains(pair)
    }

    func keptApart(pairs: [String]) -> Set<String> {
        keptApartBatchQuestions += 1
        return kept.intersection(pairs)
    }
}

@Suite("Clustering over saved state")
struct SavedStateClusteringTests {
    /// Articles of a few events over three weeks, so stories grow, merge and close.
    static func stream() -> [ArticleFeatures] {
        let extractor = FeatureExtractor()
        let events = [
            (
                "flood", "River floods the old town after days of rain",
                "The river burst its banks in the old town after days of heavy rain, flooding streets and shops; the mayor ordered evacuations."
            ),
            (
                "quake", "Earthquake strikes off the coast of Japan",
                "A magnitude 6.8 earthquake struck off northern Japan, shaking buildings in Tokyo; no tsunami warning was issued."
            ),
            (
                "rates", "Central bank raises interest rates again",
                "The central bank raised its benchmark interest rate by half a point to fight inflation and signalled more to come."
            ),
            (
                "strike", "Rail workers strike over pay",
                "Rail workers walked out over pay, halting trains across the country as the union and the operator traded blame."
            ),
        ]
        var features: [ArticleFeatures] = []
        for index in 0..<60 {
            let (name, title, text) = events[index % events.count]
            let words = text.split(separator: " ")
            let kept = words.enumerated().filter { ($0.offset + index) % 5 != 0 }.map(\.element).joined(separator: " ")
            let day = Double(index / 4) * (name == "rates" ? 3 : 0.5) + Double(index % 4) * 0.1
            let document = StoryClustererTests.document("\(name)-\(index)", title, kept, day: day)
            features.append(extractor.features(of: document))
        }
        return features.sorted { ($0.published!, $0.id) < ($1.published!, $1.id) }
    }

    @Test(
        "in batches of any size over saved state, the decisions are those of one clusterer holding everything",
        arguments: [1, 7, 25])
    func sameDecisions(batch: Int) throws {
        let articles = Self.stream()
        var whole = StoryClusterer()
        let expected = articles.flatMap { whole.add($0) }
        let saved = SavedStoryState()
        var actions: [ClusterAction] = []
        for start in stride(from: 0, to: articles.count, by: batch) {
            var clusterer = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
            let made = articles[start..<min(start + batch, articles.count)].flatMap { clusterer.add($0) }
            saved.apply(clusterer.takeChanges(), actions: made)
            actions += made
        }
        #expect(actions == expected)
        #expect(expected.contains { if case .closed = $0 { true } else { false } }, "the stream closes stories")
        #expect(saved.singleKeptApartQuestions == 0, "pairs kept apart are asked about in batches")
        // Manual changes over saved state: split an article out, merge it back, pin.
        var clusterer = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        let joined = try #require(
            articles.first {
                whole.story(of: $0.id) != $0.id && whole.currentStory(of: whole.story(of: $0.id)!) != $0.id
            })
        _ = try clusterer.split(joined)
        #expect(clusterer.story(of: joined.id) == joined.id)
        saved.apply(clusterer.takeChanges(), actions: [])
        saved.holding[joined.id] = saved.seq(ofStory: joined.id)
        var again = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        let home = whole.currentStory(of: whole.story(of: joined.id)!)
        _ = try again.merge(joined.id, into: home)
        #expect(again.currentStory(of: joined.id) == home)
        try again.pin(home)
        #expect(again.takeChanges().stories.contains { $0.id == home && $0.isPinned })
    }

    @Test(
        "one clusterer kept between saved batches, letting go of what was saved, decides as one holding everything",
        arguments: [(7, 50_000), (7, 2), (25, 0)])
    func keptBetweenBatches(batch: Int, budget: Int) {
        let articles = Self.stream()
        var whole = StoryClusterer()
        let expected = articles.flatMap { whole.add($0) }
        let saved = SavedStoryState()
        var clusterer = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        var actions: [ClusterAction] = []
        var forgotten = false
        for start in stride(from: 0, to: articles.count, by: batch) {
            let made = articles[start..<min(start + batch, articles.count)].flatMap { clusterer.add($0) }
            saved.apply(clusterer.takeChanges(), actions: made)
            actions += made
            let before = clusterer.stories.count
            clusterer.forgetSaved(budget: budget)
            forgotten = forgotten || clusterer.stories.count < before
            #expect(clusterer.stories.allSatisfy { !$0.isClosed && $0.articles.isEmpty })
        }
        #expect(actions == expected)
        #expect(forgotten, "stories were let go of")
    }

    @Test("a merge's candidates are checked against the pairs kept apart in one question, not one per candidate")
    func keptApartInOneQuestion() {
        func article(_ id: String, own: String, shared: [String]) -> ArticleFeatures {
            var terms = Dictionary(uniqueKeysWithValues: (0..<12).map { ("\(own)\($0)", 1.0) })
            for term in shared { terms[term] = 1 }
            return ArticleFeatures(id: id, published: nil, terms: terms, names: [])
        }
        let shared = ["alpha", "beta", "gamma"]
        let saved = SavedStoryState()
        var clusterer = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        // Three stories that share three words with one another, too few to join.
        let made = ["x", "y", "z"].flatMap { clusterer.add(article("\($0)1", own: $0, shared: shared)) }
        saved.apply(clusterer.takeChanges(), actions: made)
        #expect(Set(made.map(\.story)).count == 3)
        var fresh = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        saved.singleKeptApartQuestions = 0
        saved.keptApartBatchQuestions = 0
        // The first story grows to two articles and looks for a story to merge with: both others are candidates.
        let actions = fresh.add(article("x2", own: "x", shared: shared))
        #expect(actions.contains { if case .assigned(let story, _, _) = $0 { story == "x1" } else { false } })
        #expect(saved.singleKeptApartQuestions == 0)
        #expect(saved.keptApartBatchQuestions == 1)
    }

    @Test("an article's candidate stories are loaded in one question, not one per story")
    func candidatesInOneQuestion() {
        let articles = Self.stream()
        let saved = SavedStoryState()
        var clusterer = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        let made = articles.prefix(8).flatMap { clusterer.add($0) }
        saved.apply(clusterer.takeChanges(), actions: made)
        // A fresh clusterer over the saved state knows no story: every candidate comes from the source. A
        // roundup naming all four events has each of their stories for a candidate.
        var fresh = StoryClusterer(options: ClusterOptions(), counters: saved.counters, source: saved)
        saved.singleStoryQuestions = 0
        saved.storyBatchQuestions = 0
        let roundup = FeatureExtractor().features(
            of: StoryClustererTests.document(
                "roundup", "River floods, earthquake in Japan, bank raises rates, rail workers strike",
                "The river flooded the old town; an earthquake struck Japan; the central bank raised interest rates; "
                    + "rail workers walked out over pay.", day: 1))
        _ = fresh.add(roundup)
        #expect(fresh.stories.count >= 4, "every event's story was weighed")
        #expect(saved.singleStoryQuestions == 0)
        #expect(saved.storyBatchQuestions == 1)
    }
}

@Suite("Keeping a saga's events apart without dates")
struct UndatedEventTests {
    /// An article of `count` terms: the first `shared` are the story's vocabulary (counted thrice, so they lead
    /// its lookup), the rest its own.
    static func article(_ id: String, terms count: Int, shared: Int, published: Date?) -> ArticleFeatures {
        var terms: [String: Double] = [:]
        for index in 0..<count {
            terms[index < shared ? "common\(index)" : "\(id)own\(index)"] = index < shared ? 3 : 1
        }
        return ArticleFeatures(id: id, published: published, terms: terms, names: [])
    }

    static func decision(terms: Int, shared: Int, dated: Bool) -> (joined: Bool, reason: ClusterReason?) {
        var clusterer = StoryClusterer()
        let when: Date? = dated ? StoryClustererTests.start : nil
        _ = clusterer.add(article("seed", terms: 60, shared: 60, published: when))
        let actions = clusterer.add(article("next", terms: terms, shared: shared, published: when))
        for action in actions {
            if case .assigned(_, _, let reason) = action { return (true, reason) }
            if case .created(_, _, let reason) = action { return (false, reason) }
        }
        return (false, nil)
    }

    @Test("a long undated text needs more than the threshold to join; dated or short texts do not")
    func longUndatedTextsNeedMore() throws {
        let dated = Self.decision(terms: 60, shared: 9, dated: true)
        let score = try #require(dated.reason?.score)
        try #require(
            score > ClusterOptions().threshold && score < 0.24, "the case sits between the thresholds: \(score)")
        #expect(dated.joined)
        let undated = Self.decision(terms: 60, shared: 9, dated: false)
        #expect(!undated.joined && undated.reason?.requiredScore == 0.24 && undated.reason?.bestCandidate == "seed")
        // A record of 30 terms (a headline and lead) is held to the usual threshold.
        let short = Self.decision(terms: 30, shared: 8, dated: false)
        #expect(short.reason?.requiredScore == nil)
        if let score = short.reason?.score, score >= ClusterOptions().threshold { #expect(short.joined) }
    }
}
