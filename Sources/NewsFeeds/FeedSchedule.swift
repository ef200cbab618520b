public import Foundation

/// When a feed is next due: the publisher's hint (`ttl`, `Cache-Control: max-age`, `Expires`) within bounds
/// after a success, exponential back-off after failures (or the server's `Retry-After`, within bounds).
public struct FeedSchedule: Sendable, Hashable {
    /// The interval when the publisher gives no hint.
    public var defaultInterval: TimeInterval = 30 * 60
    /// The shortest interval, whatever the hint: polite to publishers.
    public var minimumInterval: TimeInterval = 10 * 60
    /// The longest interval, whatever the hint: news goes stale.
    public var maximumInterval: TimeInterval = 6 * 3600
    /// The first retry after a failure; doubled with each failure in a row.
    public var firstRetry: TimeInterval = 10 * 60
    /// The longest back-off.
    public var maximumBackoff: TimeInterval = 24 * 3600

    /// The default schedule.
    public init() {}

    /// The next check after a successful poll at `now`.
    public func next(
        after now: Date, timeToLiveMinutes: Int? = nil, cacheControl: String? = nil, expires: Date? = nil
    ) -> Date {
        var hint: TimeInterval?
        if let ttl = timeToLiveMinutes, ttl > 0 { hint = TimeInterval(ttl) * 60 }
        if let maxAge = cacheControl.flatMap(Self.maxAge) { hint = max(hint ?? 0, maxAge) }
        if hint == nil, let expires { hint = expires.timeIntervalSince(now) }
        let interval = min(max(hint ?? defaultInterval, minimumInterval), maximumInterval)
        return now.addingTimeInterval(interval)
    }

    /// The next check after the `failures`-th failure in a row (1 for the first).
    public func nextAfterFailure(at now: Date, failures: Int, retryAfterSeconds: Int? = nil) -> Date {
        let exponent = min(max(failures - 1, 0), 20)
        var interval = min(firstRetry * pow(2, Double(exponent)), maximumBackoff)
        if let retryAfter = retryAfterSeconds, retryAfter > 0 {
            interval = min(max(TimeInterval(retryAfter), firstRetry), maximumBackoff)
        }
        return now.addingTimeInterval(interval)
    }

    /// `max-age` (or `s-maxage`) of a `Cache-Control` header, in seconds.
    static func maxAge(_ header: String) -> TimeInterval? {
        for directive in header.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            if parts.count == 2, parts[0] == "max-age" || parts[0] == "s-maxage",
                let seconds = Double(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            {
                return seconds
            }
        }
        return nil
    }
}
