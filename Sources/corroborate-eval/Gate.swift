internal import ArgumentParser
internal import Foundation

/// Quality floors pinned in `Eval/baseline.json`: a score below its floor by more than the tolerance fails.
struct Gate {
    let path: String

    /// The metrics pinned, as dotted paths into the scorer's JSON report.
    static let metrics = [
        "word.f1", "shingle.f1", "page_types.article.word_f1", "page_types.article.shingle_f1",
        "metadata.title.exact", "metadata.author.exact", "metadata.date.exact",
    ]

    /// Writes the current scores as the floors, with the data's fingerprint.
    func pin(_ report: [String: Any], fingerprint: String) throws {
        var floors: [String: Double] = [:]
        for metric in Self.metrics {
            if let value = Self.value(report, metric) { floors[metric] = (value * 1000).rounded(.down) / 1000 }
        }
        let baseline: [String: Any] = [
            "tolerance": 0.005,
            "extraction": ["set": "wcxb-dev", "fingerprint": fingerprint, "floors": floors],
        ]
        let data = try JSONSerialization.data(withJSONObject: baseline, options: [.prettyPrinted, .sortedKeys])
        try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        print("pinned \(floors.count) floors in \(path)")
    }

    func check(_ report: [String: Any], fingerprint: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
            let baseline = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let extraction = baseline["extraction"] as? [String: Any],
            let floors = extraction["floors"] as? [String: Double]
        else { throw ValidationError("cannot read the floors in \(path)") }
        if let pinned = extraction["fingerprint"] as? String, pinned != fingerprint {
            throw ValidationError(
                "the evaluation data changed (fingerprint \(fingerprint.prefix(12)), pinned \(pinned.prefix(12))): "
                    + "check the scores, then re-pin with corroborate-eval extraction --pin")
        }
        let tolerance = (baseline["tolerance"] as? Double) ?? 0.005
        var failures: [String] = []
        for (metric, floor) in floors.sorted(by: { $0.key < $1.key }) {
            guard let value = Self.value(report, metric) else {
                failures.append("\(metric): missing from the scorer's report")
                continue
            }
            let verdict = value + tolerance >= floor ? "ok  " : "FAIL"
            print("gate \(verdict) \(metric) = \(String(format: "%.4f", value)) (floor \(floor))")
            if verdict == "FAIL" { failures.append("\(metric) \(value) < \(floor)") }
        }
        if !failures.isEmpty {
            throw ValidationError("quality dropped below the floors in \(path): " + failures.joined(separator: "; "))
        }
    }

    /// A dotted path into the report, such as `word.f1` or `by_type.article.word_f1`.
    static func value(_ report: [String: Any], _ path: String) -> Double? {
        var current: Any? = report
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return (current as? NSNumber)?.doubleValue
    }
}
