internal import Foundation
internal import NewsExtract

/// Maps RSS, RDF and Atom documents onto `Feed`.
struct XMLFeedReader {
    let document: XMLDocument
    let base: String?

    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let atom = "http://www.w3.org/2005/Atom"

    // MARK: - RSS 2.0

    func rss(_ root: Int) -> Feed {
        let channel = document.child(root, "channel") ?? root
        var feed = Feed(
            format: .rss, title: plain(document.childText(channel, "title")),
            siteURL: link(document.childText(channel, "link")), description: document.childText(channel, "description"),
            language: document.childText(channel, "language"),
            timeToLiveMinutes: document.childText(channel, "ttl").flatMap { Int($0) })
        // Some feeds put items beside the channel instead of in it.
        let items = document.children(channel, "item") + (channel == root ? [] : document.children(root, "item"))
        feed.items = items.map(rssItem)
        return feed
    }

    private func rssItem(_ node: Int) -> FeedItem {
        var item = FeedItem(title: plain(document.childText(node, "title")))
        item.url = link(document.childText(node, "link"))
        if let guid = document.child(node, "guid") {
            item.id = nonEmpty(document.text(guid))
            let permalink = document.attribute(guid, "isPermaLink")?.lowercased() != "false"
            if item.url == nil, permalink, let id = item.id, id.hasPrefix("http") { item.url = link(id) }
        }
        item.id = item.id ?? item.url
        item.published =
            (document.childText(node, "pubDate") ?? document.childText(node, "date", namespace: Self.dublinCore))
            .flatMap(PublicationDate.parse)
        item.authors = unique(
            document.children(node, "creator", namespace: Self.dublinCore).map { document.text($0) }
                + document.children(node, "author").map { Self.rssAuthor(document.text($0)) })
        item.categories = unique(
            document.children(node, "category").map { document.text($0) }
                + document.children(node, "subject", namespace: Self.dublinCore).map { document.text($0) })
        item.summaryHTML = document.childText(node, "description")
        item.contentHTML = document.childText(node, "encoded", namespace: Self.content)
        if let source = document.child(node, "source") {
            item.source = FeedSource(name: nonEmpty(document.text(source)), url: document.attribute(source, "url"))
        }
        item.enclosures = document.children(node, "enclosure").compactMap { enclosure in
            link(document.attribute(enclosure, "url")).map {
                FeedEnclosure(
                    url: $0, type: document.attribute(enclosure, "type"),
                    length: document.attribute(enclosure, "length").flatMap { Int($0) })
            }
        }
        return item
    }

    /// RSS `<author>` is an e-mail address, often with the name in parentheses: "jo@x.org (Jo Bloggs)".
    static func rssAuthor(_ text: String) -> String {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            return String(text[text.index(after: open)..<close]).trimmingWhitespace()
        }
        return text
    }

    // MARK: - RSS 1.0 (RDF)

    func rdf(_ root: Int) -> Feed {
        let channel = document.child(root, "channel")
        var feed = Feed(
            format: .rdf, title: channel.flatMap { plain(document.childText($0, "title")) },
            siteURL: channel.flatMap { link(document.childText($0, "link")) },
            description: channel.flatMap { document.childText($0, "description") },
            language: channel.flatMap { document.childText($0, "language", namespace: Self.dublinCore) })
        feed.items = document.children(root, "item").map { node in
            var item = rssItem(node)
            item.id = document.attribute(node, "about") ?? item.id
            return item
        }
        return feed
    }

    // MARK: - Atom

    func atom(_ root: Int) -> Feed {
        var feed = Feed(
            format: .atom, title: atomText(document.child(root, "title")), siteURL: atomLink(root),
            description: atomText(document.child(root, "subtitle")),
            language: document.attribute(root, "lang"))
        feed.items = document.children(root, "entry").map { entry in
            var item = FeedItem(id: document.childText(entry, "id"), title: atomText(document.child(entry, "title")))
            item.url = atomLink(entry)
            item.id = item.id ?? item.url
            item.published = document.childText(entry, "published").flatMap(PublicationDate.parse)
            item.updated = document.childText(entry, "updated").flatMap(PublicationDate.parse)
            if item.published == nil { item.published = item.updated }
            item.authors = unique(
                document.children(entry, "author").compactMap { document.childText($0, "name") })
            item.categories = unique(
                document.children(entry, "category").compactMap {
                    document.attribute($0, "label") ?? document.attribute($0, "term")
                })
            item.summaryHTML = atomHTML(document.child(entry, "summary"))
            item.contentHTML = atomHTML(document.child(entry, "content"))
            if let source = document.child(entry, "source") {
                item.source = FeedSource(name: atomText(document.child(source, "title")), url: atomLink(source))
            }
            item.enclosures = document.children(entry, "link").filter { document.attribute($0, "rel") == "enclosure" }
                .compactMap { node in
                    link(document.attribute(node, "href")).map {
                        FeedEnclosure(
                            url: $0, type: document.attribute(node, "type"),
                            length: document.attribute(node, "length").flatMap { Int($0) })
                    }
                }
            return item
        }
        return feed
    }

    /// The `rel="alternate"` link (or one without `rel`), preferring HTML.
    private func atomLink(_ node: Int) -> String? {
        let links = document.children(node, "link").filter {
            let rel = document.attribute($0, "rel") ?? "alternate"
            return rel == "alternate"
        }
        let html = links.first { (document.attribute($0, "type") ?? "text/html").contains("html") }
        return (html ?? links.first).flatMap { link(document.attribute($0, "href")) }
    }

    /// An Atom text construct as plain text.
    private func atomText(_ node: Int?) -> String? {
        guard let node else { return nil }
        return plain(atomHTML(node))
    }

    /// An Atom text construct as HTML: `xhtml` serialised again, `html` as is, `text` escaped.
    private func atomHTML(_ node: Int?) -> String? {
        guard let node else { return nil }
        switch document.attribute(node, "type")?.lowercased() {
        case "xhtml": return nonEmpty(document.innerMarkup(node).trimmingWhitespace())
        case "html", "text/html": return nonEmpty(document.text(node))
        default: return nonEmpty(document.text(node)).map(XMLEscaping.escape)
        }
    }

    // MARK: - Helpers

    private func link(_ value: String?) -> String? { value.flatMap { FeedURL.clean($0, base: base) } }

    private func plain(_ html: String?) -> String? { html.flatMap { nonEmpty(HTMLText.plain($0)) } }
}

func nonEmpty(_ text: String) -> String? {
    let trimmed = text.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
}

/// `values` without empties and repeats, in first-seen order.
func unique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
}
