public import Foundation
public import Testing

/// Golden files: expected output kept in plain view beside the tests, rewritten with RECORD_SNAPSHOTS=1.
public enum GoldenFile {
    /// Compares `actual` with the file at `url`, or writes it there when RECORD_SNAPSHOTS is set; a
    /// difference is recorded with the first line that differs.
    public static func check(
        _ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(expectedLines, actualLines).enumerated().first { $1.0 != $1.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            """
            \(url.lastPathComponent) differs at line \(line + 1) (re-record with RECORD_SNAPSHOTS=1 if intended):
              expected: \(line < expectedLines.count ? String(expectedLines[line]) : "(end)")
              actual:   \(line < actualLines.count ? String(actualLines[line]) : "(end)")
            """, sourceLocation: sourceLocation)
    }
}
