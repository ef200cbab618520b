internal import Foundation
internal import NewsIngest
internal import Synchronization

/// What `fetch` tells a person as feeds finish: a progress line on a terminal; elsewhere one logfmt line per
/// feed that failed or added articles (every feed with --verbose), for log collectors.
final class FeedLog: Sendable {
    private let progress: Bool
    private let verbose: Bool
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    init(progress: Bool, verbose: Bool) {
        self.progress = progress
        self.verbose = verbose
    }

    func record(_ update: FeedPollProgress) {
        let outcome = update.last
        if progress {
            let due = lastDrawn.withLock { last in
                let now = ContinuousClock.now
                guard last.map({ now - $0 > .milliseconds(100) }) ?? true || update.done == update.total else {
                    return false
                }
                last = now
                return true
            }
            if outcome.status == .failed {
                Terminal.progress(nil)
                Terminal.message("failed: \(outcome.url): \(outcome.error ?? "") [\(outcome.errorCode ?? "")]")
            }
            if due {
                Terminal.progress(
                    "fetching: \(update.done)/\(update.total) feeds · \(Terminal.count(update.added)) articles added · "
                        + "\(update.failed) failed · \(outcome.url)")
            }
            return
        }
        guard verbose || outcome.status == .failed || outcome.added > 0 else { return }
        var fields: [(String, String)] = [
            ("time", ISO8601DateFormatter().string(from: Date())),
            ("level", outcome.status == .failed ? "warn" : "info"),
            ("event", "feed.polled"), ("feed", String(outcome.feed)), ("url", outcome.url), ("source", outcome.source),
            ("status", outcome.status.rawValue),
        ]
        if let http = outcome.httpStatus { fields.append(("http", String(http))) }
        if outcome.status == .failed {
            fields += [
                ("error_code", outcome.errorCode ?? ""), ("error", outcome.error ?? ""),
                ("failures", String(outcome.failures)),
            ]
        } else {
            fields += [
                ("items", String(outcome.items)), ("new", String(outcome.newItems)), ("added", String(outcome.added)),
                ("pages", String(outcome.pagesFetched)), ("page_problems", String(outcome.pageProblems.count)),
            ]
        }
        fields.append(("ms", String(outcome.milliseconds)))
        Terminal.message(fields.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: " "))
        guard verbose else { return }
        for problem in outcome.pageProblems {
            Terminal.message(
                "level=warn event=item.skipped feed=\(outcome.feed) problem=\(Self.quoted(problem))")
        }
    }

    /// A phase after fetching (analysing, grouping) on the progress line; `nil` clears it.
    func phase(_ line: String?) {
        guard progress else { return }
        Terminal.progress(line)
    }

    func finish() {
        if progress { Terminal.progress(nil) }
    }

    /// A logfmt value: bare when it has no space, quote or equals sign, else quoted with escapes.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
