internal import Foundation

/// Article and feed addresses as Corroborate keeps them: absolute, with tracking parameters removed.
public enum FeedURL {
    /// Query parameters that identify a campaign or a click, never the page.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga",
        "_gl", "cmpid", "ocid", "smid", "sr_share", "at_medium", "at_campaign",
    ]

    /// `value` resolved against `base` (when relative) and without `utm_*` and other tracking parameters;
    /// `nil` when it is not an http(s) address.
    public static func clean(_ value: String, base: String? = nil) -> String? {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let resolved = URL(string: trimmed, relativeTo: base.flatMap { URL(string: $0) })?.absoluteURL
        guard let resolved, let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var components = URLComponents(url: resolved, resolvingAgainstBaseURL: true)
        else { return nil }
        if let items = components.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        return components.string ?? resolved.absoluteString
    }
}
