internal import Foundation
internal import NewsIngest
internal import Synchronization

/// A one-line progress display on standard error, redrawn at most ten times a second, shown only on a
/// terminal and only once a run has lasted half a second.
final class ProgressMeter: Sendable {
    private struct State {
        var started = Date()
        var lastDrawn: Date?
        var drew = false
    }

    private let enabled: Bool
    private let state = Mutex(State())

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: IngestProgress) {
        guard enabled else { return }
        state.withLock { state in
            let now = Date()
            let elapsed = now.timeIntervalSince(state.started)
            guard elapsed > 0.5, state.lastDrawn.map({ now.timeIntervalSince($0) > 0.1 }) ?? true else { return }
            state.lastDrawn = now
            state.drew = true
            let rate = Double(progress.added + progress.duplicates) / max(elapsed, 0.001)
            let name = (progress.current as NSString).lastPathComponent
            var position = "input \(progress.inputNumber)/\(progress.inputsTotal) \(name)"
            if let fraction = progress.currentFraction, progress.inputsTotal == 1 || fraction < 1 {
                position += " \(Int(fraction * 100))%"
            }
            let line =
                "adding: \(position) · \(Terminal.count(progress.added)) added · "
                + "\(Terminal.count(progress.duplicates)) already stored · \(Terminal.count(progress.rejected)) rejected"
                + " · \(Terminal.count(Int(rate)))/s"
            let width = Terminal.errorWidth
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Terminal.truncated(line, to: width - 1)).utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        state.withLock { state in
            if state.drew { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}
