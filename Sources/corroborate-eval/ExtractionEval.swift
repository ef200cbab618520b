internal import ArgumentParser
internal import Foundation
internal import NewsCore
internal import NewsExtract

/// `corroborate-eval extraction`: runs the HTML extractor over WCXB pages and scores it.
struct ExtractionEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Extract every page of a WCXB-layout set, score it with score-extraction, check the floors.",
        discussion: """
            Reads DATA/html/<id>.html.gz and DATA/metadata.json (for the pages' URLs), writes the predictions as \
            JSON for the scorer, and prints the scorer's report and the extraction speed (one core, in process). \
            With --gate, exits 1 when a score is below its floor in Eval/baseline.json (minus the tolerance).
            """)

    @Option(help: "The evaluation set (WCXB layout).")
    var data = "../shared/eval/extraction/wcxb-dev"

    @Option(help: "The scorer.")
    var scorer = "../shared/tools/score-extraction"

    @Option(help: "Where to write the predictions.")
    var out = "out/wcxb-dev.json"

    @OptionGroup var floors: GateOptions

    func run() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: data + "/html") else {
            print("skipped: \(data) is absent (the evaluation data lives in ../shared/eval, outside the repository)")
            return
        }
        let files = try Self.files(data + "/metadata.json")
        let urls = files.compactMapValues { $0["url"] as? String }
        let goldTypes = files.compactMapValues { $0["page_type"] as? String }
        var typeCounts: [String: (right: Int, all: Int, predicted: [String: Int])] = [:]
        let ids = try fileManager.contentsOfDirectory(atPath: data + "/html")
            .filter { $0.hasSuffix(".html.gz") }.map { String($0.dropLast(8)) }.sorted()
        let extractor = HTMLExtractor()
        var predictions: [String: [String: String]] = [:]
        var seconds = 0.0
        var bytes = 0
        for (number, id) in ids.enumerated() {
            let page = try Gzip.decompress(Data(contentsOf: URL(fileURLWithPath: "\(data)/html/\(id).html.gz")))
            bytes += page.count
            let start = DispatchTime.now().uptimeNanoseconds
            let result = extractor.extract(page, url: urls[id])
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            var prediction = ["text": result.text]
            if let title = result.metadata.title { prediction["title"] = title }
            if !result.metadata.authors.isEmpty {
                prediction["author"] = result.metadata.authors.joined(separator: ", ")
            }
            if let day = result.publishedDay { prediction["date"] = day }
            prediction["page_type"] = result.pageType.rawValue
            if var gold = goldTypes[id] {
                // NB: WCXB's "collection" (a shop's category, a set of links) is what we call a listing.
                if gold == "collection" { gold = "listing" }
                var counts = typeCounts[gold] ?? (0, 0, [:])
                counts.all += 1
                if gold == result.pageType.rawValue { counts.right += 1 }
                counts.predicted[result.pageType.rawValue, default: 0] += 1
                typeCounts[gold] = counts
            }
            predictions[id] = prediction
            if isatty(STDERR_FILENO) == 1, number % 50 == 0 {
                FileHandle.standardError.write(Data("\r\u{1B}[2Kextracting \(number + 1)/\(ids.count)".utf8))
            }
        }
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        try fileManager.createDirectory(
            atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(predictions).write(to: URL(fileURLWithPath: out))
        print(
            "speed: \(ids.count) pages, \(bytes / 1_048_576) MB in \(String(format: "%.2f", seconds)) s of extraction: "
                + "\(String(format: "%.0f", Double(ids.count) / seconds)) pages/s, "
                + "\(String(format: "%.1f", seconds * 1000 / Double(ids.count))) ms/page")
        let report = try Self.score(scorer: scorer, gold: data, predictions: out)
        print(report.text)
        if !typeCounts.isEmpty { print(Self.pageTypeReport(typeCounts)) }
        let fingerprint = try Self.fingerprint(data, ids: ids)
        try floors.apply(
            report.json, section: "extraction", set: "wcxb-dev", metrics: Self.metrics, fingerprint: fingerprint)
    }

    /// The scores pinned as floors, as dotted paths into the scorer's JSON report.
    static let metrics = [
        "word.f1", "shingle.f1", "page_types.article.word_f1", "page_types.article.shingle_f1",
        "page_types.forum.word_f1", "page_types.listing.word_f1", "page_types.collection.word_f1",
        "page_types.product.word_f1", "page_types.service.word_f1", "page_types.documentation.word_f1",
        "metadata.title.exact", "metadata.author.exact", "metadata.date.exact",
    ]

    /// SHA-256 over every page's and gold file's name and size: changes when the data set does.
    private static func fingerprint(_ data: String, ids: [String]) throws -> String {
        var hasher = SHA256()
        for id in ids {
            for file in ["html/\(id).html.gz", "ground-truth/\(id).json"] {
                let size =
                    (try FileManager.default.attributesOfItem(atPath: "\(data)/\(file)")[.size] as? NSNumber)?.intValue
                    ?? -1
                hasher.update(Array("\(file):\(size)\n".utf8))
            }
        }
        return SHA256.hex(hasher.finalize())
    }

    /// How often the page type the extractor tells matches the set's, per gold type, with what it said instead.
    private static func pageTypeReport(_ counts: [String: (right: Int, all: Int, predicted: [String: Int])]) -> String {
        let right = counts.values.reduce(0) { $0 + $1.right }
        let all = counts.values.reduce(0) { $0 + $1.all }
        var lines = [
            "page types told (gold collection counted as listing): \(right)/\(all) right, "
                + String(format: "accuracy %.3f", Double(right) / Double(max(all, 1)))
        ]
        for (gold, count) in counts.sorted(by: { ($0.value.all, $1.key) > ($1.value.all, $0.key) }) {
            let told = count.predicted.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                "\($0.key) \($0.value)"
            }
            lines.append(
                "  \(gold.padding(toLength: 14, withPad: " ", startingAt: 0)) \(count.right)/\(count.all)   told: "
                    + told.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The set's `metadata.json` entries by page id.
    private static func files(_ path: String) throws -> [String: [String: Any]] {
        guard let data = FileManager.default.contents(atPath: path),
            let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return root["files"] as? [String: [String: Any]] ?? [:]
    }

    /// Runs the scorer twice: once for the readable report, once for the JSON the gate reads.
    private static func score(
        scorer: String, gold: String, predictions: String
    ) throws -> (text: String, json: [String: Any]) {
        func run(_ extra: [String]) throws -> Data {
            try SharedScorer.output(scorer: scorer, gold: gold, predictions: predictions, extra: extra)
        }
        let text = String(decoding: try run([]), as: UTF8.self)
        let json = (try JSONSerialization.jsonObject(with: try run(["--json"])) as? [String: Any]) ?? [:]
        return (text, json)
    }
}
