internal import Foundation
internal import GRDB
internal import Synchronization

/// How a connection waits for another process's write: retrying for up to `limit`, telling `waiting` (once
/// after a couple of seconds, then every ten) how long it has waited, so a person at a terminal knows why
/// nothing moves.
final class BusyWait: Sendable {
    /// The longest wait before the operation fails as busy.
    static let limit: Duration = .seconds(120)
    private let waiting: (@Sendable (Duration) -> Void)?
    private let state = Mutex<(started: ContinuousClock.Instant, told: Duration)?>(nil)

    init(waiting: (@Sendable (Duration) -> Void)?) { self.waiting = waiting }

    /// SQLite's busy handler: `true` to try again.
    func retry(_ tries: Int) -> Bool {
        let now = ContinuousClock.now
        let (waited, tell): (Duration, Bool) = state.withLock { state in
            // NB: SQLite counts tries from 0 for each new wait.
            if tries == 0 || state == nil { state = (now, .zero) }
            let waited = now - state!.started
            let due = state!.told == .zero ? Duration.seconds(2) : state!.told + .seconds(10)
            guard waited >= due else { return (waited, false) }
            state!.told = waited
            return (waited, true)
        }
        if waited >= Self.limit { return false }
        if tell { waiting?(waited) }
        // Short sleeps first (most waits are for a batch about to commit), then a tenth of a second.
        let pause = tries < 8 ? [1, 2, 5, 10, 15, 20, 25, 50][tries] : 100
        usleep(useconds_t(pause * 1_000))
        return true
    }
}
