internal import ArgumentParser
internal import Foundation
internal import NewsCluster
internal import NewsCore
internal import NewsExtract
internal import NewsTesting

/// `corroborate-eval clustering`: clusters the shared story sets online and scores them.
struct ClusteringEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clustering",
        abstract: "Cluster BASIL and GoogleNews-TS online, score them with score-clustering, check the floors.",
        discussion: """
            Articles are taken in order of publication, then id (GoogleNews-TS has no dates: id order). Two \
            sets are made from BASIL: basil-undated (its dates removed, in a fixed shuffled order), basil-leads (the same cut to \
            headline and lead) and \
            basil-recurring (its 100 events moved to start 36 hours apart, so that events of one topic recur \
            within days of each other and time cannot keep them apart). The two undated sets are crowded with \
            PolNeAR's 924 political articles, unscored, as the other stories of an archive. Prints \
            each set's scorer summary and the clustering speed (in process, one core). With --gate, exits 1 when \
            a score is below its floor in Eval/baseline.json (minus the tolerance).
            """)

    @Option(help: "The folder holding basil.jsonl and googlenews-ts.jsonl.")
    var data = "../shared/eval/clustering"

    @Option(help: "The folder holding polnear-train.jsonl and polnear-dev.jsonl (distractors of the crowded sets).")
    var quotes = "../shared/eval/quotes"

    @Option(help: "The scorer.")
    var scorer = "../shared/tools/score-clustering"

    @Option(help: "Where to write the predictions.")
    var out = "out"

    @OptionGroup var floors: GateOptions

    @Option(help: "Instead of scoring: time clustering N articles made by perturbing the GoogleNews-TS texts.")
    var scale: Int?

    @Flag(help: "With --scale: let events come and go (each text's copies appear within 2 days of a time of its own).")
    var events = false

    @Flag(
        help: "Also write each set's decisions with their reasons to OUT/SET.trace.jsonl (one JSON object per action).")
    var trace = false

    @Option(
        name: .customLong("set"),
        help: "Try another value of a clustering option (NAME=VALUE, a ClusterOptions field; repeatable).")
    var overrides: [String] = []

    /// The options scored: the defaults, with `--set` applied through their JSON form.
    func options() throws -> ClusterOptions {
        guard !overrides.isEmpty else { return ClusterOptions() }
        var object =
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(ClusterOptions())) as? [String: Any] ?? [:]
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, object[parts[0]] != nil, let value = Double(parts[1]) else {
                throw ValidationError(
                    "--set \(override): expected NAME=NUMBER with NAME one of \(object.keys.sorted().joined(separator: ", "))"
                )
            }
            object[parts[0]] = value
        }
        return try JSONDecoder().decode(ClusterOptions.self, from: JSONSerialization.data(withJSONObject: object))
    }

    static let metrics = [
        "basil.pairwise.f1", "basil.bcubed.f1", "googlenews.pairwise.f1", "googlenews.bcubed.f1", "googlenews.nmi",
        "basil-undated.pairwise.f1", "basil-undated.bcubed.f1", "basil-leads.pairwise.f1", "basil-leads.bcubed.f1",
        "basil-recurring.pairwise.f1", "basil-recurring.bcubed.f1",
    ]

    func run() throws {
        guard FileManager.default.fileExists(atPath: data + "/basil.jsonl") else {
            print("skipped: \(data) is absent (the evaluation data lives in ../shared/eval, outside the repository)")
            return
        }
        if let scale {
            try measureScale(scale)
            return
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var report: [String: Any] = [:]
        var hasher = SHA256()
        var loaded: [String: [ClusterDocument]] = [:]
        for file in ["basil.jsonl", "googlenews-ts.jsonl"] {
            let path = data + "/" + file
            let contents = try Data(contentsOf: URL(fileURLWithPath: path))
            hasher.update(Array("\(file):\(contents.count)\n".utf8))
            loaded[file] = try Self.documents(contents, path: path)
        }
        var crowd: [ClusterDocument] = []
        for file in ["polnear-train.jsonl", "polnear-dev.jsonl"] {
            let path = quotes + "/" + file
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(path) is missing: the crowded sets mix PolNeAR's articles in")
            }
            hasher.update(Array("\(file):\(contents.count)\n".utf8))
            crowd += try Self.documents(contents, path: path).map {
                ClusterDocument(id: "polnear:" + $0.id, title: $0.title, text: $0.text, published: nil)
            }
        }
        let options = try options()
        for set in ClusteringSet.all {
            let documents = set.documents(from: loaded[set.file]! + (set.crowded ? crowd : []))
            let start = DispatchTime.now().uptimeNanoseconds
            let extractor = FeatureExtractor(titleWeight: options.titleWeight)
            let features = documents.map { extractor.features(of: $0) }
            let extracted = DispatchTime.now().uptimeNanoseconds
            var clusterer = StoryClusterer(options: options)
            // NB: one at a time, in the set's order (a batch would be re-sorted by time, then id).
            var merges = 0
            var decisions: [ClusterAction] = []
            for article in features {
                let actions = clusterer.add(article)
                merges += actions.count { if case .merged = $0 { true } else { false } }
                if trace { decisions += actions }
            }
            let clustered = DispatchTime.now().uptimeNanoseconds
            var lines = ""
            for story in clusterer.stories {
                let current = clusterer.currentStory(of: story.id)
                for article in story.articles { lines += "\(article)\t\(current)\n" }
            }
            let predictions = "\(out)/\(set.name).pred.tsv"
            if trace { try Self.writeTrace(decisions, to: "\(out)/\(set.name).trace.jsonl") }
            try lines.write(toFile: predictions, atomically: true, encoding: .utf8)
            let json = try SharedScorer.report(scorer: scorer, gold: data + "/" + set.file, predictions: predictions)
            report[set.name] = json
            print("\(set.name): \(json["summary"] as? String ?? "")")
            print(
                "\(set.name): \(documents.count) articles, features \(Self.milliseconds(start, extracted)) ms, "
                    + "clustering \(Self.milliseconds(extracted, clustered)) ms, \(clusterer.stories.count) stories, "
                    + "\(merges) merges")
        }
        let fingerprint = SHA256.hex(hasher.finalize())
        try floors.apply(
            report, section: "clustering", set: "basil+googlenews-ts", metrics: Self.metrics, fingerprint: fingerprint)
    }

    /// The documents of one set's JSON Lines, read as `corroborate cluster` and `add` read them (`id`, `text`,
    /// and `title` and `date` where the set has them).
    private static func documents(_ contents: Data, path: String) throws -> [ClusterDocument] {
        var parser = ArticleParser()
        parser.defaults.requiresTitle = false
        var number = 0
        return try contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).compactMap {
            line -> ClusterDocument? in
            number += 1
            guard let record = parser.parseLine(line, number: number) else { return nil }
            guard case .success(let draft) = record.outcome, let id = draft.recordID else {
                throw ValidationError("\(path) line \(number): not an article with an id and a text")
            }
            return ClusterDocument(id: id, title: draft.title, text: draft.text, published: draft.published)
        }
    }

    /// Clusters `count` synthetic articles: GoogleNews-TS texts with a fifth of their words dropped at random
    /// (seeded), spread over one day per 10,000 articles, features made first ("already analysed").
    private func measureScale(_ count: Int) throws {
        let contents = try Data(contentsOf: URL(fileURLWithPath: data + "/googlenews-ts.jsonl"))
        let texts = try contents.split(separator: UInt8(ascii: "\n")).map { line -> [Substring] in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            return ((object?["text"] as? String) ?? "").split(separator: " ")
        }
        var generator = SeededGenerator(seed: 42)
        let extractor = FeatureExtractor()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        // Without --events every text recurs all along, so its story never goes quiet. With --events each text
        // is an event with a time of its own over the whole span, its copies published within 2 days of it.
        let span = Double(count) * 86_400 / 10_000
        let centres = texts.indices.map { _ in Double(generator.next() % 1_000_000) / 1_000_000 * span }
        var drafts: [(text: Int, time: Double)] = (0..<count).map { index in
            let text = Int(generator.next() % UInt64(texts.count))
            let time =
                events
                ? centres[text] + Double(generator.next() % 1_000_000) / 1_000_000 * 2 * 86_400
                : Double(index) * 86_400 / 10_000
            return (text, time)
        }
        drafts.sort { $0.time != $1.time ? $0.time < $1.time : $0.text < $1.text }
        let features = drafts.enumerated().map { index, draft -> ArticleFeatures in
            let words = texts[draft.text].filter { _ in generator.next() % 5 != 0 }
            let document = ClusterDocument(
                id: String(index), title: "", text: words.joined(separator: " "),
                published: start.addingTimeInterval(draft.time))
            return extractor.features(of: document)
        }
        var clusterer = StoryClusterer()
        let begin = DispatchTime.now().uptimeNanoseconds
        for article in features { _ = clusterer.add(article) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
        print(
            "scale: \(count) articles clustered in \(String(format: "%.2f", seconds)) s "
                + "(\(String(format: "%.1f", seconds * 1e6 / Double(count))) µs/article), \(clusterer.stories.count) stories"
        )
    }

    /// Writes the decisions of one run, one JSON object each: what happened, to which article and story, and why.
    static func writeTrace(_ actions: [ClusterAction], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        for action in actions {
            var object: [String: Any] = ["story": action.story]
            switch action {
            case .created(_, let article, let reason), .assigned(_, let article, let reason):
                object["action"] = if case .created = action { "created" } else { "assigned" }
                object["article"] = article
                object["reason"] = try JSONSerialization.jsonObject(with: encoder.encode(reason))
            case .closed:
                object["action"] = "closed"
            case .merged(_, let into, let similarity):
                object["action"] = "merged"
                object["into"] = into
                object["similarity"] = similarity
            }
            lines += try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(UInt8(ascii: "\n"))
        }
        try lines.write(to: URL(fileURLWithPath: path))
    }

    static func milliseconds(_ from: UInt64, _ to: UInt64) -> String {
        String(format: "%.0f", Double(to - from) / 1e6)
    }

    static func day(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: String(text.prefix(10)))
    }
}
