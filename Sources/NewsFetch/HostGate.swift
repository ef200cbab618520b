/// Politeness per host: at most `limit` requests in flight to a host, and their starts at least `interval`
/// apart (longer when robots.txt asks for a crawl delay). Other hosts never wait for a slow one.
actor HostGate {
    private struct HostState {
        var active = 0
        var nextStart: ContinuousClock.Instant?
        var interval: Duration
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let limit: Int
    private let interval: Duration
    private var hosts: [String: HostState] = [:]

    init(limit: Int, interval: Duration) {
        self.limit = max(1, limit)
        self.interval = interval
    }

    /// Waits for a slot on `host` and returns when the request may start.
    func enter(_ host: String) async -> ContinuousClock.Instant {
        while hosts[host, default: HostState(interval: interval)].active >= limit {
            await withCheckedContinuation { continuation in
                hosts[host, default: HostState(interval: interval)].waiting.append(continuation)
            }
        }
        var state = hosts[host, default: HostState(interval: interval)]
        let now = ContinuousClock.now
        let start = max(now, state.nextStart ?? now)
        state.nextStart = start + state.interval
        state.active += 1
        hosts[host] = state
        return start
    }

    /// Gives the slot back.
    func leave(_ host: String) {
        guard var state = hosts[host] else { return }
        state.active -= 1
        if !state.waiting.isEmpty { state.waiting.removeFirst().resume() }
        hosts[host] = state
    }

    /// Spaces a host's requests further apart (robots.txt `Crawl-delay`).
    func slowDown(_ host: String, to interval: Duration) {
        hosts[host, default: HostState(interval: self.interval)].interval = max(self.interval, interval)
    }
}
