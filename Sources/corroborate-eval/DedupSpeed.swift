internal import ArgumentParser
internal import Foundation
internal import NewsDedup
internal import NewsTesting

/// `corroborate-eval dedup-speed`: the near-duplicate check's cost, signature and lookup apart.
struct DedupSpeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup-speed",
        abstract: "Time MinHash signatures of ~4 KB articles and lookups against an index of N articles.",
        discussion: """
            Signatures are timed on the ~4 KB articles analysis-speed builds from the dev set and the seeds. The \
            index is filled with N signatures of random shingle sets (seeded), then every article is looked up \
            and added: the lookup cost at that index size. Run on one core: taskset -c 0.
            """)

    @Option(help: "Articles in the index before the timed lookups.")
    var index = 1_000_000

    @Option(help: "Articles timed.")
    var articles = 2000

    func run() throws {
        let corpus = try AnalysisSpeed.corpus(
            data: "Eval/quotes-dev/articles.jsonl", seeds: "Samples/seeds", count: articles, bytes: 4096)
        let signStart = DispatchTime.now().uptimeNanoseconds
        let signatures = corpus.map { MinHashSignature(text: $0) }
        let signSeconds = Double(DispatchTime.now().uptimeNanoseconds - signStart) / 1e9

        var generator = SeededGenerator(seed: 7)
        var duplicates = DuplicateIndex()
        let fillStart = DispatchTime.now().uptimeNanoseconds
        for number in 0..<index {
            let shingles = (0..<40).map { _ in generator.next() }
            _ = duplicates.add(id: "f\(number)", signature: MinHashSignature(shingles: shingles), credits: [])
        }
        let fillSeconds = Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9
        let lookupStart = DispatchTime.now().uptimeNanoseconds
        var copies = 0
        for (number, signature) in signatures.enumerated() {
            if duplicates.add(id: "a\(number)", signature: signature, credits: []).relation != .independent {
                copies += 1
            }
        }
        let lookupSeconds = Double(DispatchTime.now().uptimeNanoseconds - lookupStart) / 1e9
        print(
            "signature: \(String(format: "%.1f", signSeconds * 1e6 / Double(articles))) µs per ~4 KB article; "
                + "index of \(index) filled in \(String(format: "%.1f", fillSeconds)) s; "
                + "lookup + add: \(String(format: "%.1f", lookupSeconds * 1e6 / Double(articles))) µs per article "
                + "(\(copies) of \(articles) found as copies of earlier ones)")
    }
}
