import Foundation
import Testing

/// Golden files: the expected output in plain view under Snapshots/, rewritten with RECORD_SNAPSHOTS=1.
enum Golden {
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = SeedFixtures.snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(expectedLines, actualLines).enumerated().first { $1.0 != $1.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            """
            \(name) differs at line \(line + 1) (re-record with RECORD_SNAPSHOTS=1 if intended):
              expected: \(line < expectedLines.count ? String(expectedLines[line]) : "(end)")
              actual:   \(line < actualLines.count ? String(actualLines[line]) : "(end)")
            """, sourceLocation: sourceLocation)
    }
}
