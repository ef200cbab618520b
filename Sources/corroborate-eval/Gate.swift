internal import ArgumentParser
internal import Foundation

/// Quality floors pinned in `Eval/baseline.json`: a score below its floor by more than the tolerance fails.
struct Gate {
    let path: String

    func check(_ report: [String: Any]) throws {
        guard let data = FileManager.default.contents(atPath: path),
            let baseline = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let floors = (baseline["extraction"] as? [String: Any])?["floors"] as? [String: Double]
        else { throw ValidationError("cannot read the floors in \(path)") }
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
