/// One subscription in an OPML file: a feed address with its folder path.
public struct OPMLSubscription: Sendable, Hashable {
    /// The feed's address (`xmlUrl`).
    public var feedURL: String
    /// Its name (`title`, else `text`).
    public var title: String?
    /// The site's address (`htmlUrl`).
    public var siteURL: String?
    /// The folders it sits in, outermost first (the outlines around it).
    public var folders: [String]
    /// Its `category` attribute, split on commas.
    public var categories: [String]

    /// Creates a subscription.
    public init(
        feedURL: String, title: String? = nil, siteURL: String? = nil, folders: [String] = [], categories: [String] = []
    ) {
        self.feedURL = feedURL
        self.title = title
        self.siteURL = siteURL
        self.folders = folders
        self.categories = categories
    }
}

/// Reads and writes OPML subscription lists (OPML 1.0 and 2.0), keeping folders and categories.
public enum OPML {
    /// The subscriptions in an OPML document, in document order.
    public static func read(_ bytes: [UInt8]) -> Result<[OPMLSubscription], FeedError> {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let document = try? XMLDocument(text), let root = document.root, document.nodes[root].local == "opml",
            let body = document.child(root, "body")
        else {
            return .failure(FeedError(code: "opml.malformed", reason: "not an OPML document (no <opml><body>)"))
        }
        var subscriptions: [OPMLSubscription] = []
        // (outline, folders above it), walked without recursion.
        var stack: [(Int, [String])] = document.children(body, "outline").reversed().map { ($0, []) }
        while let (node, folders) = stack.popLast() {
            let name = document.attribute(node, "title") ?? document.attribute(node, "text")
            if let feed = document.attribute(node, "xmlUrl"), let url = FeedURL.clean(feed) {
                let categories = (document.attribute(node, "category") ?? "").split(separator: ",")
                    .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                subscriptions.append(
                    OPMLSubscription(
                        feedURL: url, title: name.flatMap(nonEmpty),
                        siteURL: document.attribute(node, "htmlUrl").flatMap { FeedURL.clean($0) }, folders: folders,
                        categories: categories))
            }
            let inner =
                folders + (document.attribute(node, "xmlUrl") == nil ? [name.flatMap(nonEmpty) ?? "(untitled)"] : [])
            stack.append(contentsOf: document.children(node, "outline").reversed().map { ($0, inner) })
        }
        return .success(subscriptions)
    }

    /// An OPML 2.0 document listing `subscriptions`, grouped into nested folder outlines.
    public static func write(_ subscriptions: [OPMLSubscription], title: String = "Corroborate subscriptions") -> String
    {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">",
            "  <head><title>\(XMLEscaping.escape(title))</title></head>", "  <body>",
        ]
        var open: [String] = []
        // Grouped by folder path (so each folder is written once), otherwise in the given order.
        let sorted = subscriptions.enumerated().sorted { a, b in
            let (x, y) = (a.element.folders.joined(separator: "\u{0}"), b.element.folders.joined(separator: "\u{0}"))
            return x == y ? a.offset < b.offset : x < y
        }
        for (_, subscription) in sorted {
            let shared = zip(open, subscription.folders).prefix { $0 == $1 }.count
            while open.count > shared {
                open.removeLast()
                lines.append(String(repeating: "  ", count: open.count + 2) + "</outline>")
            }
            for folder in subscription.folders[open.count...] {
                let name = XMLEscaping.escape(folder)
                lines.append(
                    String(repeating: "  ", count: open.count + 2) + "<outline text=\"\(name)\" title=\"\(name)\">")
                open.append(folder)
            }
            var attributes = ["type=\"rss\""]
            let name = XMLEscaping.escape(subscription.title ?? subscription.feedURL)
            attributes += [
                "text=\"\(name)\"", "title=\"\(name)\"", "xmlUrl=\"\(XMLEscaping.escape(subscription.feedURL))\"",
            ]
            if let site = subscription.siteURL { attributes.append("htmlUrl=\"\(XMLEscaping.escape(site))\"") }
            if !subscription.categories.isEmpty {
                attributes.append("category=\"\(XMLEscaping.escape(subscription.categories.joined(separator: ",")))\"")
            }
            lines.append(
                String(repeating: "  ", count: open.count + 2) + "<outline " + attributes.joined(separator: " ") + "/>")
        }
        while !open.isEmpty {
            open.removeLast()
            lines.append(String(repeating: "  ", count: open.count + 2) + "</outline>")
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
