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
        // NB: the query is filtered as written (percent escapes kept): decoding and re-encoding it changed
        // addresses with invalid escapes, and cleaning a cleaned address must give it back unchanged.
        if let items = components.percentEncodedQueryItems {
            let kept = items.filter { item in
                let name = (item.name.removingPercentEncoding ?? item.name).lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        if components.percentEncodedQuery?.isEmpty == true { components.percentEncodedQuery = nil }
        return components.string ?? resolved.absoluteString
    }
}
