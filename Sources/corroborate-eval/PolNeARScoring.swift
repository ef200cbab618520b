internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCore

/// Scores the analysis's quotes on PolNeAR (Newell, Margolin and Ruths, LREC 2018) with the shared
/// `score-quotes`: every attribution's content span and the spans naming its speaker, in Unicode scalars of the
/// article's text as given.
struct PolNeARScoring {
    /// The annotated articles (`../shared/eval/quotes/polnear-dev.jsonl`).
    var gold: String
    /// The shared scorer.
    var scorer: String
    /// Where the predictions go.
    var predictions: String
    /// The analyser whose quotes are scored.
    var analyzer = TextAnalyzer()

    /// The scorer's JSON report for the annotated articles `contents` (the bytes of `gold`), with the analysis
    /// time per article added.
    func run(contents: Data) throws -> [String: Any] {
        var lines = Data()
        var seconds = 0.0
        var count = 0
        for line in contents.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String, let text = object["text"] as? String
            else { throw ValidationError("\(gold): a line without id or text") }
            let published = (object["publication_date"] as? String).flatMap(ClusteringEval.day)
            let start = DispatchTime.now().uptimeNanoseconds
            let analysis = analyzer.analyze(text, published: published)
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            count += 1
            let prediction: [String: Any] = ["id": id, "quotes": Self.quotes(analysis, text: text)]
            lines += try JSONSerialization.data(withJSONObject: prediction, options: [.sortedKeys])
            lines += Data("\n".utf8)
        }
        try lines.write(to: URL(fileURLWithPath: predictions))
        var report = try SharedScorer.report(scorer: scorer, gold: gold, predictions: predictions)
        report["ms_per_article"] = seconds * 1000 / Double(max(1, count))
        return report
    }

    /// The quotes as the scorer reads them: content `[start, end)` and every speaker span (the mention the quote
    /// names and the mentions of the entity it resolves to), in Unicode scalars.
    static func quotes(_ analysis: ArticleAnalysis, text: String) -> [[String: Any]] {
        // Byte offset → scalar offset, for every byte boundary of the text.
        var scalarAt = [Int](repeating: 0, count: text.utf8.count + 1)
        var byte = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let width = UTF8.width(scalar)
            for offset in 0..<width { scalarAt[byte + offset] = index }
            byte += width
        }
        scalarAt[byte] = text.unicodeScalars.count
        func scalars(_ range: TextRange) -> [Int] {
            [scalarAt[min(range.start, byte)], scalarAt[min(range.end, byte)]]
        }
        return analysis.quotes.map { quote in
            var speakers: [TextRange] = quote.speakerMention.map { [$0] } ?? []
            if let entity = quote.speaker { speakers += analysis.entities[entity].mentions.map(\.range) }
            let content = scalars(quote.range)
            // NB: words in pieces around their attribution are scored as the pieces, without the attribution.
            return [
                "start": content[0], "end": content[1], "content": quote.spans.map(scalars),
                "speaker": Set(speakers).sorted().map(scalars), "kind": quote.kind.rawValue,
            ]
        }
    }
}
