internal import Foundation
internal import NewsCore
internal import Synchronization

/// Story renderings kept in memory, least recently used dropped first once they pass a byte budget; the
/// store keeps them too, so what drops out here is read back rather than recomputed.
final class RenderingCache: Sendable {
    struct Key: Hashable {
        var story: ArticleID
        var kind: String
    }

    private struct Entry {
        var fingerprint: String
        var body: Data
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    let budget: Int

    init(budget: Int) { self.budget = budget }

    func get(_ key: Key, fingerprint: String) -> Data? {
        state.withLock { state in
            guard var entry = state.entries[key], entry.fingerprint == fingerprint else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            return entry.body
        }
    }

    func put(_ key: Key, fingerprint: String, body: Data) {
        guard body.count <= budget / 4 else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries[key] { state.bytes -= old.body.count }
            state.entries[key] = Entry(fingerprint: fingerprint, body: body, used: state.clock)
            state.bytes += body.count
            guard state.bytes > budget else { return }
            // NB: evict down to three quarters at once, so the sort is paid once per many insertions.
            for (key, entry) in state.entries.sorted(by: { $0.value.used < $1.value.used }) {
                guard state.bytes > budget * 3 / 4 else { break }
                state.entries[key] = nil
                state.bytes -= entry.body.count
            }
        }
    }

    /// Forgets everything (an outlet's owner changed, so every story's origins may have).
    func removeAll() {
        state.withLock { $0 = State() }
    }
}
