internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCompare
internal import NewsCore

/// `corroborate-eval comparison`: compares the coverage of BASIL's three-outlet stories and times it.
struct ComparisonEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comparison",
        abstract: "Compare BASIL's stories (Fox, NYT, HuffPost): share of claims per status, and the time taken.",
        discussion: """
            Each BASIL story's articles are analysed, then compared as one story (three outlets, three \
            independent origins). Prints the share of claim groups and of figures per status, quotes carried \
            by several outlets, and timings: analysis apart (the product stores analyses), comparison per story, \
            and one 50-article story (BASIL's first 50 articles compared together: full-length articles and no \
            copies, so every sentence meets many candidates). Run under `taskset -c 0` for one core. \
            There is no gold alignment for BASIL: these are descriptive numbers, not scores.
            """)

    @Option(help: "BASIL as JSON Lines.")
    var data = "../shared/eval/clustering/basil.jsonl"

    @Option(help: "How many times to time the 50-article story (the best is reported).")
    var repeats = 5

    @Flag(help: "Analyse without the learned attribution tagger: the rules alone (for comparison).")
    var withoutTagger = false

    @Flag(help: "Also print each story's counts.")
    var verbose = false

    @Option(help: "Override the alignment threshold (cosine), to measure its effect.")
    var alignThreshold: Double?

    func run() throws {
        guard FileManager.default.fileExists(atPath: data) else {
            print("skipped: \(data) is absent (the evaluation data lives in ../shared/eval, outside the repository)")
            return
        }
        let contents = try Data(contentsOf: URL(fileURLWithPath: data))
        var stories: [String: [(id: Int64, title: String, text: String, outlet: String, published: Date?)]] = [:]
        var order: [String] = []
        for (index, line) in contents.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let story = object["story"] as? String, let text = object["text"] as? String
            else { throw ValidationError("\(data):\(index + 1): a line without story or text") }
            if stories[story] == nil { order.append(story) }
            stories[story, default: []].append(
                (
                    Int64(index + 1), (object["title"] as? String) ?? "", text, (object["source"] as? String) ?? "?",
                    (object["date"] as? String).flatMap(ClusteringEval.day)
                ))
        }
        let analyzer = TextAnalyzer(options: AnalysisOptions(attributionTagger: !withoutTagger))
        var analysisNanoseconds: UInt64 = 0
        var bytes = 0
        var inputs: [[CoverageArticle]] = []
        for story in order {
            inputs.append(
                stories[story]!.map { article in
                    let start = DispatchTime.now().uptimeNanoseconds
                    let analysis = analyzer.analyze(article.text, published: article.published, languageHint: .english)
                    analysisNanoseconds += DispatchTime.now().uptimeNanoseconds - start
                    bytes += article.text.utf8.count
                    return CoverageArticle(
                        id: ArticleID(article.id), title: article.title, text: article.text, outlet: article.outlet,
                        published: article.published, analysis: analysis)
                })
        }
        var options = ComparisonOptions()
        if let alignThreshold { options.alignThreshold = alignThreshold }
        let comparer = CoverageComparer(options: options)
        var claimStatus: [String: Int] = [:]
        var figureStatus: [String: Int] = [:]
        var rowAgreement: [String: Int] = [:]
        var sharedQuotes = 0
        var sharedEvidence = 0
        var claimsByOrigins: [Int: Int] = [:]
        var relayingSentences = 0
        var relayedGroups = 0
        var externalOrigins = 0
        var times: [Double] = []
        for (index, articles) in inputs.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            let comparison = comparer.compare(story: articles[0].id, articles: articles)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            for (status, count) in comparison.statusCounts { claimStatus[status, default: 0] += count }
            for group in comparison.claims { claimsByOrigins[group.origins.count, default: 0] += 1 }
            let relaying = comparison.claims.flatMap(\.evidence).filter { $0.via != nil }
            relayingSentences += relaying.count
            relayedGroups += comparison.claims.filter { $0.relayedBy != nil }.count
            externalOrigins += comparison.origins.filter { $0.external == true }.count
            for row in comparison.figures {
                rowAgreement[row.agreement, default: 0] += 1
                for figure in row.figures { figureStatus[figure.status.rawValue, default: 0] += 1 }
            }
            sharedQuotes += comparison.quotes.shared.count
            sharedEvidence += comparison.quotes.shared.reduce(0) { $0 + $1.evidence.reduce(0) { $0 + $1.text.count } }
            if verbose {
                print(
                    "\(order[index]): \(comparison.claims.count) claims \(comparison.statusCounts), "
                        + "\(comparison.quotes.shared.count) shared quotes")
                for citation in relaying {
                    print("  via \(citation.via ?? ""): [\(citation.outlet)] \(citation.text.prefix(160))")
                }
                for claim in comparison.claims where claim.status == .contested {
                    print("  contested: \(claim.conflict ?? "")")
                }
                for row in comparison.figures where row.agreement == "conflict" {
                    let figures = row.figures.map { "\($0.number.text) [\($0.number.outlet), \($0.reporter ?? "-")]" }
                    print("  conflict: \(row.counted): " + figures.joined(separator: " | "))
                }
            }
        }
        func shares(_ counts: [String: Int]) -> String {
            let total = max(1, counts.values.reduce(0, +))
            return counts.sorted { $0.key < $1.key }.map {
                String(format: "%@ %d (%.1f%%)", $0.key, $0.value, 100 * Double($0.value) / Double(total))
            }.joined(separator: ", ")
        }
        let articleCount = inputs.reduce(0) { $0 + $1.count }
        print("BASIL: \(inputs.count) stories, \(articleCount) articles (\(bytes / 1024) KB)")
        print("claim groups: \(claimStatus.values.reduce(0, +)) — " + shares(claimStatus))
        print(
            "claim groups by origins: "
                + claimsByOrigins.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        print(
            "relayed: \(relayingSentences) claim sentences name another origin as their source, in \(relayedGroups) "
                + "groups; \(externalOrigins) named origins ran no article")
        print("figures: " + shares(figureStatus))
        print("figure rows: " + shares(rowAgreement))
        // NB: the characters quoted count the same words however they are split into quotes.
        print("quotes carried by several outlets: \(sharedQuotes) (\(sharedEvidence) characters in their citations)")
        let sorted = times.sorted()
        print(
            String(
                format:
                    "analysis: %.2f s for %d articles (%.0f/s); comparison per story: mean %.2f ms, median %.2f ms, max %.2f ms",
                Double(analysisNanoseconds) / 1e9, articleCount,
                Double(articleCount) / (Double(analysisNanoseconds) / 1e9),
                times.reduce(0, +) / Double(max(1, times.count)), sorted[sorted.count / 2], sorted.last ?? 0))
        let fifty = Array(inputs.joined().prefix(50))
        var best = Double.infinity
        var claims = 0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            let comparison = comparer.compare(story: fifty[0].id, articles: fifty)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            claims = comparison.claims.count
        }
        print(
            String(
                format: "50-article story (%d KB, %d claim groups): best of %d %.1f ms",
                fifty.reduce(0) { $0 + $1.text.utf8.count } / 1024,
                claims, max(1, repeats), best))
    }
}
