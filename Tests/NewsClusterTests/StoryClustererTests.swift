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
