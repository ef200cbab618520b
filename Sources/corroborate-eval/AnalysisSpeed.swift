internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCore

/// `corroborate-eval analysis-speed`: full text analysis over ~4 KB news articles on one core.
struct AnalysisSpeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis-speed",
        abstract: "Time the full text analysis of ~4 KB articles on one core (reported, not asserted).",
        discussion: """
            The articles are built from the quote dev set and the bundled seed reports: paragraphs taken in a \
            fixed rotation until each article reaches the target size, so every run analyses the same text. \
            Pin the process to one core for a single-core figure: taskset -c 0 corroborate-eval analysis-speed.
            """)

    @Option(help: "How many articles to analyse.")
    var articles = 2000

    @Option(help: "The target size of each article in bytes.")
    var bytes = 4096

    @Option(help: "Runs; the best is reported beside the median.")
    var runs = 5

    @Option(help: "The annotated dev set whose texts are reused.")
    var data = "Eval/quotes-dev/articles.jsonl"

    @Flag(help: "Leave the learned attribution tagger out (to see its cost).")
    var withoutTagger = false

    @Option(help: "Folder of seed articles (JSON) whose texts are reused.")
    var seeds = "Samples/seeds"

    func run() throws {
        let corpus = try Self.corpus(data: data, seeds: seeds, count: articles, bytes: bytes)
        let totalBytes = corpus.reduce(0) { $0 + $1.utf8.count }
        let analyzer = TextAnalyzer(options: AnalysisOptions(attributionTagger: !withoutTagger))
        let published = Date(timeIntervalSince1970: 1_451_347_200)
        var timings: [Double] = []
        var checksum = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            for text in corpus {
                let analysis = analyzer.analyze(text, published: published)
                checksum &+= analysis.quotes.count + analysis.entities.count + analysis.numbers.count
            }
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let best = timings.min() ?? 0
        let median = timings.sorted()[timings.count / 2]
        print(
            "\(corpus.count) articles of ~\(totalBytes / max(1, corpus.count)) bytes, \(runs) runs: "
                + "best \(String(format: "%.3f", best)) s = \(String(format: "%.0f", Double(corpus.count) / best)) articles/s "
                + "(\(String(format: "%.2f", Double(totalBytes) / best / 1_048_576)) MB/s); "
                + "median \(String(format: "%.0f", Double(corpus.count) / median)) articles/s; "
                + "found \(checksum / runs) quotes, entities and numbers per run")
    }

    /// Deterministic ~`bytes`-long articles from the paragraphs of the dev set and the seeds.
    static func corpus(data: String, seeds: String, count: Int, bytes: Int) throws -> [String] {
        var paragraphs: [String] = []
        if let contents = FileManager.default.contents(atPath: data) {
            for line in contents.split(separator: UInt8(ascii: "\n")) {
                let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                paragraphs += ((object?["text"] as? String) ?? "").components(separatedBy: "\n\n")
            }
        }
        for file in (try? FileManager.default.contentsOfDirectory(atPath: seeds))?.sorted() ?? []
        where file.hasSuffix(".json") {
            let contents = try Data(contentsOf: URL(fileURLWithPath: seeds + "/" + file))
            let object = try JSONSerialization.jsonObject(with: contents) as? [String: Any]
            paragraphs += ((object?["text"] as? String) ?? "").components(separatedBy: "\n\n")
        }
        guard !paragraphs.isEmpty else {
            throw ValidationError("no texts in \(data) or \(seeds); run from the repository root")
        }
        var articles: [String] = []
        var next = 0
        for index in 0..<count {
            var article: [String] = []
            var size = 0
            while size < bytes {
                // NB: a stride co-prime with the paragraph count varies each article's mix deterministically.
                let paragraph = paragraphs[(next * 7 + index) % paragraphs.count]
                next += 1
                article.append(paragraph)
                size += paragraph.utf8.count + 2
            }
            articles.append(article.joined(separator: "\n\n"))
        }
        return articles
    }
}
