internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCore

/// `corroborate-eval quotes`: scores quote finding and attribution on the hand-annotated dev set.
struct QuotesEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Score quotes and speakers on PolNeAR dev (the gate) and on the project's own sets.",
        discussion: """
            PolNeAR dev is scored by ../shared/tools/score-quotes: content P/R/F1 (character Jaccard >= 0.5), \
            speaker accuracy and end-to-end F1, with recall by kind (direct, mixed, indirect). On the project's \
            own set (--data), kept as a regression check: a predicted quote matches a gold one of the same group (in quote marks: direct and partial; or \
            indirect) when their spans overlap by at least half of the longer one. Speaker accuracy counts \
            matched quotes whose speaker names the gold speaker. With --gate, exits 1 when a score is below its \
            floor in Eval/baseline.json (minus the tolerance).
            """)

    @Option(help: "The annotated articles (JSON Lines: id, published, text, quotes[kind, text, speaker]).")
    var data = "Eval/quotes-dev/articles.jsonl"

    @Option(help: "PolNeAR's annotated articles, scored with --scorer (the gate); skipped when absent.")
    var polnear = "../shared/eval/quotes/polnear-dev.jsonl"

    @Option(help: "The shared quote scorer.")
    var scorer = "../shared/tools/score-quotes"

    @Option(help: "Where to write PolNeAR's predictions.")
    var out = "out"

    @OptionGroup var floors: GateOptions

    @Flag(help: "Leave the learned attribution tagger out: the rules alone (for comparison).")
    var withoutTagger = false

    @Flag(help: "Print every miss and every wrong speaker.")
    var verbose = false

    static let metrics = [
        "direct.f1", "direct.speaker_accuracy", "indirect.f1", "indirect.speaker_accuracy", "polnear.content.f1",
        "polnear.speaker_accuracy", "polnear.end_to_end.f1",
    ]

    struct GoldQuote: Decodable {
        var kind: String
        var text: String
        var speaker: String
    }

    struct GoldArticle: Decodable {
        var id: String
        var published: String
        var text: String
        var quotes: [GoldQuote]
    }

    /// Counts for one group of quotes.
    struct Tally {
        var gold = 0
        var predicted = 0
        var matched = 0
        var speakerRight = 0

        var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var speakerAccuracy: Double { matched == 0 ? 0 : Double(speakerRight) / Double(matched) }

        var json: [String: Any] {
            [
                "gold": gold, "predicted": predicted, "matched": matched, "precision": precision, "recall": recall,
                "f1": f1, "speaker_accuracy": speakerAccuracy,
            ]
        }
    }

    func run() throws {
        guard let contents = FileManager.default.contents(atPath: data) else {
            throw ValidationError("cannot read \(data); run from the repository root or pass --data")
        }
        let articles = try contents.split(separator: UInt8(ascii: "\n")).map {
            try JSONDecoder().decode(GoldArticle.self, from: Data($0))
        }
        let analyzer = TextAnalyzer(options: AnalysisOptions(attributionTagger: !withoutTagger))
        var tallies = ["direct": Tally(), "indirect": Tally()]
        var seconds = 0.0
        for article in articles {
            let published = ISO8601DateFormatter().date(from: article.published + "T00:00:00Z")
            let start = DispatchTime.now().uptimeNanoseconds
            let analysis = analyzer.analyze(article.text, published: published)
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            // NB: reported speech holding words in marks is both: its clause reported, its phrases quoted.
            let items = analysis.quotes.flatMap { quote -> [(group: String, quote: Quote)] in
                guard let words = quote.quotedWords else { return [(Self.group(quote.kind.rawValue), quote)] }
                var clause = quote
                clause.kind = .indirect
                return [("indirect", clause)]
                    + words.map { range in
                        var phrase = quote
                        phrase.range = range
                        return ("direct", phrase)
                    }
            }
            for group in ["direct", "indirect"] {
                let gold = article.quotes.filter { Self.group($0.kind) == group }
                let predicted = items.filter { $0.group == group }.map(\.quote)
                score(article, analysis, gold: gold, predicted: predicted, into: &tallies[group, default: Tally()])
            }
        }
        var report: [String: Any] = [:]
        for (group, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            report[group] = tally.json
            print(
                "\(group.padding(toLength: 9, withPad: " ", startingAt: 0)) gold \(tally.gold)  predicted \(tally.predicted)  "
                    + "P \(Self.format(tally.precision))  R \(Self.format(tally.recall))  F1 \(Self.format(tally.f1))  "
                    + "speaker \(Self.format(tally.speakerAccuracy)) (\(tally.speakerRight)/\(tally.matched))")
        }
        print(
            "\(articles.count) articles in \(String(format: "%.1f", seconds * 1000)) ms of analysis "
                + "(\(String(format: "%.2f", seconds * 1000 / Double(max(1, articles.count)))) ms/article)")
        var hasher = SHA256()
        hasher.update(Array(contents))
        if let polnearContents = FileManager.default.contents(atPath: polnear) {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let scoring = PolNeARScoring(
                gold: polnear, scorer: scorer, predictions: out + "/polnear.pred.jsonl", analyzer: analyzer)
            let polnearReport = try scoring.run(contents: polnearContents)
            report["polnear"] = polnearReport
            print("polnear: \(polnearReport["summary"] as? String ?? "")")
            hasher.update(Array(polnearContents))
        } else {
            // NB: the floors are PolNeAR's and the own set's together, pinned with both files' fingerprint.
            print(
                "polnear: skipped, \(polnear) is absent (the evaluation data lives in ../shared/eval); "
                    + "the floors are not checked without it")
            return
        }
        let fingerprint = SHA256.hex(hasher.finalize())
        try floors.apply(
            report, section: "quotes", set: "polnear-dev+quotes-dev", metrics: Self.metrics, fingerprint: fingerprint)
    }

    static func group(_ kind: String) -> String { kind == "indirect" ? "indirect" : "direct" }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Greedy one-to-one matching by overlap, then speakers of the matched pairs.
    private func score(
        _ article: GoldArticle, _ analysis: ArticleAnalysis, gold: [GoldQuote], predicted: [Quote],
        into tally: inout Tally
    ) {
        tally.gold += gold.count
        tally.predicted += predicted.count
        var used = Set<Int>()
        for quote in gold {
            guard let goldRange = Self.range(of: quote.text, in: article.text) else { continue }
            let best = predicted.indices.filter { !used.contains($0) }.map { index -> (Int, Double) in
                let range = predicted[index].range
                let overlap = max(0, min(range.end, goldRange.end) - max(range.start, goldRange.start))
                return (index, Double(overlap) / Double(max(range.length, goldRange.length)))
            }.max { $0.1 < $1.1 }
            guard let (index, overlap) = best, overlap >= 0.5 else {
                if verbose { print("  miss \(article.id): [\(quote.kind)] \(quote.text.prefix(70))") }
                continue
            }
            used.insert(index)
            tally.matched += 1
            let predictedQuote = predicted[index]
            let name =
                predictedQuote.speaker.map { analysis.entities[$0].name }
                ?? predictedQuote.speakerMention.map { $0.slice(of: article.text) } ?? ""
            if Self.sameSpeaker(name, quote.speaker) {
                tally.speakerRight += 1
            } else if verbose {
                print(
                    "  speaker \(article.id): \(name.isEmpty ? "(none)" : name) ≠ \(quote.speaker) for \(quote.text.prefix(50))"
                )
            }
        }
        if verbose {
            for index in predicted.indices where !used.contains(index) {
                print(
                    "  extra \(article.id): [\(predicted[index].kind.rawValue)] \(predicted[index].range.slice(of: article.text).prefix(70))"
                )
            }
        }
    }

    /// The UTF-8 range of the first occurrence of `needle`.
    static func range(of needle: String, in text: String) -> TextRange? {
        guard let found = text.range(of: needle) else { return nil }
        let start = text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound)
        return TextRange(start, start + needle.utf8.count)
    }

    /// Names match when one holds the other once articles and case are set aside ("the Red Cross" names
    /// "Red Cross"; "Toner" names "Mark Toner").
    static func sameSpeaker(_ predicted: String, _ gold: String) -> Bool {
        func normalized(_ name: String) -> String {
            var result = name.lowercased()
            for prefix in ["the ", "a ", "an "] where result.hasPrefix(prefix) { result.removeFirst(prefix.count) }
            return result
        }
        let left = normalized(predicted)
        let right = normalized(gold)
        guard !left.isEmpty else { return false }
        return left == right || left.contains(right) || right.contains(left)
    }
}
