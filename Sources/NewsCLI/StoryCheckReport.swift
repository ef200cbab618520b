internal import NewsStore

/// How `corroborate info --check` prints what the story check found.
enum StoryCheckReport {
    /// Whether the stories can be served as they are: consistent (or just repaired), and clustered by this
    /// build's algorithm.
    static func isHealthy(_ check: StoryCheck, algorithm: String) -> Bool {
        (check.isConsistent || check.repaired) && (check.algorithm.map { $0 == algorithm } ?? true)
    }

    static func print(_ check: StoryCheck, algorithm: String) {
        var stories =
            "\(Terminal.count(check.liveStories)) listed, holding \(Terminal.count(check.articlesInLiveStories)) "
            + "of \(Terminal.count(check.articles)) articles"
        if check.waitingArticles > 0 {
            stories += " (\(Terminal.count(check.waitingArticles)) waiting: the next add or fetch clusters them)"
        }
        Terminal.output("stories    \(stories)")
        if let written = check.algorithm, written != algorithm {
            Terminal.output("clustering written by \(written); this build uses \(algorithm) and will refuse it")
            Terminal.message(
                "hint: keep the build that wrote it, or start a new database and `corroborate add` the articles again")
        }
        if check.isConsistent {
            Terminal.output("check      ok: every clustered article is in exactly one listed story")
            return
        }
        Terminal.output("check      \(check.findings.count) kind(s) of problem\(check.repaired ? ", repaired" : ""):")
        for finding in check.findings {
            var line = "  \(Terminal.count(finding.count)) \(finding.problem.rawValue): \(finding.problem.explanation)"
            if !finding.examples.isEmpty {
                line += " (e.g. \(finding.examples.map(String.init).joined(separator: ", ")))"
            }
            if check.repaired { line += " → \(finding.problem.repair)" }
            Terminal.output(line)
        }
        if !check.repaired {
            Terminal.message(
                "hint: `corroborate info --check --repair` fixes them in one transaction; nothing stored is lost")
        }
    }
}
