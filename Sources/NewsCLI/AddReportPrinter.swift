internal import NewsCore
internal import NewsExtract
internal import NewsIngest

/// Prints what `add` did: a line per input (in small runs, or with --verbose), problems always, a summary.
struct AddReportPrinter {
    let report: IngestReport
    let verbose: Bool
    let database: String

    /// Inputs listed one by one up to this many, unless --verbose.
    static let listLimit = 25
    /// Rejected records shown per input before they are only counted.
    static let rejectionsShown = 10

    func print() {
        let listAll = verbose || report.inputs.count <= Self.listLimit
        for input in report.inputs {
            if let problem = input.problem {
                Terminal.message("error: \(ErrorRendering.line(input, problem))")
                continue
            }
            if listAll { Terminal.output(summaryLine(input)) }
            for rejection in input.rejections.prefix(Self.rejectionsShown) {
                Terminal.message(
                    "error: "
                        + ErrorRendering.line(
                            input: input.input, location: rejection.location, reason: rejection.rejection.reason))
            }
            if input.rejections.count > Self.rejectionsShown {
                Terminal.message(
                    "error: \(Terminal.shown(input.input)): \(input.rejections.count - Self.rejectionsShown) more rejected records"
                )
            }
            for warning in input.warnings.prefix(Self.rejectionsShown) {
                Terminal.message("warning: \(Terminal.shown(input.input)): \(warning)")
            }
            if input.warnings.count > Self.rejectionsShown {
                Terminal.message(
                    "warning: \(Terminal.shown(input.input)): \(input.warnings.count - Self.rejectionsShown) more warnings"
                )
            }
        }
        if !report.skippedFiles.isEmpty {
            Terminal.message(
                "note: skipped \(report.skippedFiles.count) file(s) that are not .txt, .json or .jsonl, e.g. \(report.skippedFiles[0])"
            )
        }
        var parts = [
            "\(Terminal.count(report.addedCount)) added", "\(Terminal.count(report.duplicateCount)) already stored",
        ]
        if report.rejectedCount > 0 {
            parts.append("\(Terminal.count(report.rejectedCount)) rejected (kept: corroborate rejections)")
        }
        Terminal.message("\(parts.joined(separator: ", ")) (database: \(database))")
    }

    private func summaryLine(_ input: InputReport) -> String {
        switch (input.added.count, input.duplicates.count) {
        case (0, 0): return "rejected   \(Terminal.shown(input.input))"
        case (1, 0): return "added      \(Terminal.shown(input.input))  \(input.added[0])"
        case (0, 1): return "unchanged  \(Terminal.shown(input.input))  already stored as \(input.duplicates[0])"
        case (let added, let duplicates):
            var line = "added      \(Terminal.shown(input.input))  \(Terminal.count(added)) articles"
            if let first = input.added.min(), let last = input.added.max(), added > 0 { line += " (\(first)–\(last))" }
            if duplicates > 0 { line += ", \(Terminal.count(duplicates)) already stored" }
            return line
        }
    }
}
