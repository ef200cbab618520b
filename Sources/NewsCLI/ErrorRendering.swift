internal import ArgumentParser
internal import NewsExtract
internal import NewsIngest
internal import NewsStore

/// The one place the CLI turns errors into what a person reads, and into exit codes.
enum ErrorRendering {
    /// Exit code when nothing was done because of bad input or a database error.
    static let failure = ExitCode(1)
    /// Exit code when some inputs were added and others rejected.
    static let partial = ExitCode(3)

    /// Prints a store error with its hint and returns the exit code to end with.
    static func report(_ error: StoreError) -> ExitCode {
        Terminal.message("error: \(error.description)")
        if let suggestion = error.suggestion { Terminal.message("hint: \(suggestion)") }
        return failure
    }

    /// `path: reason`, or `path:17: reason` for a record.
    static func line(input: String, location: RecordLocation = .whole, reason: String) -> String {
        "\(Terminal.shown(input))\(location): \(reason)"
    }

    /// The line for an input that yielded nothing.
    static func line(_ report: InputReport, _ problem: IngestProblem) -> String {
        line(input: report.input, reason: problem.reason)
    }
}
