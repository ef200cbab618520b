internal import ArgumentParser
internal import Foundation

/// Quality floors pinned in `Eval/baseline.json`, one section per evaluation: a score below its floor by more
/// than the tolerance fails.
struct Gate {
    let path: String
    /// The section of the baseline (`extraction`, `quotes`).
    let section: String
    /// The metrics pinned, as dotted paths into the report.
    let metrics: [String]

    /// Writes the current scores as this section's floors, with the data's fingerprint; other sections stay.
    func pin(_ report: [String: Any], set: String, fingerprint: String) throws {
        var floors: [String: Double] = [:]
        for metric in metrics {
            if let value = Self.value(report, metric) { floors[metric] = (value * 1000).rounded(.down) / 1000 }
        }
        var baseline = (try? Self.read(path)) ?? ["tolerance": 0.005]
        baseline[section] = ["set": set, "fingerprint": fingerprint, "floors": floors]
        let data = try JSONSerialization.data(withJSONObject: baseline, options: [.prettyPrinted, .sortedKeys])
        try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        print("pinned \(floors.count) \(section) floors in \(path)")
    }

    func check(_ report: [String: Any], fingerprint: String) throws {
        guard let baseline = try? Self.read(path), let pinned = baseline[section] as? [String: Any],
            let floors = pinned["floors"] as? [String: Double]
        else { throw ValidationError("cannot read the \(section) floors in \(path)") }
        if let pinnedPrint = pinned["fingerprint"] as? String, pinnedPrint != fingerprint {
            throw ValidationError(
                "the evaluation data changed (fingerprint \(fingerprint.prefix(12)), pinned \(pinnedPrint.prefix(12))): "
                    + "check the scores, then re-pin with corroborate-eval \(section) --pin")
        }
        let tolerance = (baseline["tolerance"] as? Double) ?? 0.005
        var failures: [String] = []
        for (metric, floor) in floors.sorted(by: { $0.key < $1.key }) {
            guard let value = Self.value(report, metric) else {
                failures.append("\(metric): missing from the report")
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

    private static func read(_ path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path),
            let baseline = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw ValidationError("cannot read \(path)") }
        return baseline
    }

    /// A dotted path into the report, such as `word.f1` or `by_type.article.word_f1`.
    static func value(_ report: [String: Any], _ path: String) -> Double? {
        var current: Any? = report
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return (current as? NSNumber)?.doubleValue
    }
}
