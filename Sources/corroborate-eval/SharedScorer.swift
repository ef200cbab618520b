internal import ArgumentParser
internal import Foundation

/// Runs the scorers of `../shared/tools` (Python scripts taking `--gold` and `--pred`).
enum SharedScorer {
    /// What the scorer printed; throws when it exits with a failure.
    static func output(scorer: String, gold: String, predictions: String, extra: [String] = []) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer, "--gold", gold, "--pred", predictions] + extra
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("the scorer \(scorer) failed with status \(process.terminationStatus)")
        }
        return output
    }

    /// The scorer's `--json` report; throws when it fails or prints no JSON object.
    static func report(scorer: String, gold: String, predictions: String) throws -> [String: Any] {
        let output = try output(scorer: scorer, gold: gold, predictions: predictions, extra: ["--json"])
        guard let json = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw ValidationError("the scorer \(scorer) printed no JSON report")
        }
        return json
    }
}
