internal import Foundation
internal import NewsCore

/// Gathers a page's metadata. Structured sources (JSON-LD, then OpenGraph and `article:*`, then Dublin Core
/// and other meta tags) come before visible ones (`<time>`, bylines) and the URL.
struct MetadataExtractor {
    let document: HTMLDocument
    let url: String?

    /// The metadata, the JSON-LD `articleBody` (a candidate text, not trusted blindly) and the published day
    /// as written on the page.
    func extract() -> (PageMetadata, articleBody: String?, publishedDay: String?) {
        var meta: [String: [String]] = [:]
        var scripts: [String] = []
        var canonical: String?
        var firstH1: String?
        var htmlLang: String?
        var title: String?
        var timeDates: [(String, Bool)] = []
        var bylines: [String] = []
        var visibleDates: [String] = []
        /// Other scripts, read for a date only when every other source failed.
        var stateScripts: [Int] = []
        for (index, node) in document.nodes.enumerated() where !node.isText {
            switch node.name {
            case "meta":
                let key =
                    (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
                    ?? node.attribute("http-equiv"))?.lowercased()
                if let key, let content = node.attribute("content") ?? node.attribute("datetime"), !content.isEmpty {
                    meta[key, default: []].append(content)
                }
            case "script" where node.attribute("type")?.lowercased().contains("ld+json") == true:
                scripts.append(text(index))
            case "script": stateScripts.append(index)
            case "link" where node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true:
                canonical = canonical ?? node.attribute("href")
            case "html": htmlLang = node.attribute("lang") ?? node.attribute("xml:lang")
            case "title" where title == nil: title = text(index)
            case "h1" where firstH1 == nil:
                let heading = Whitespace.folded(text(index))
                if (5...300).contains(heading.count) { firstH1 = heading }
            case "time":
                if let value = node.attribute("datetime") {
                    let marked =
                        node.attribute("itemprop") == "datePublished" || node.attribute("pubdate") != nil
                        || ClassNames(node).matches(Self.publishedWords)
                    timeDates.append((value, marked))
                }
            default: break
            }
            // Bylines and visible dates are short: only small subtrees are read, so a wrapper whose class
            // happens to say "date" or "author" costs nothing.
            let small = document.subtreeEnd[index] - index <= 24
            let names = small ? ClassNames(node) : nil
            if small, visibleDates.count < 20, names?.matches(Self.dateWords) == true {
                let value = Whitespace.folded(text(index))
                if (6...120).contains(value.utf8.count) { visibleDates.append(value) }
            }
            if small,
                node.attribute("rel") == "author" || node.attribute("itemprop") == "author"
                    || names?.matches(Self.authorWords) == true
            {
                let value = Whitespace.folded(node.attribute("content") ?? text(index))
                if (3...120).contains(value.count) { bylines.append(value) }
            }
        }
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = meta[key]?.first.map(Whitespace.folded), !value.isEmpty { return value } }
            return nil
        }
        let jsonLD = JSONLDArticle(scripts: scripts)
        var page = PageMetadata()
        page.schemaTypes = jsonLD.types
        page.openGraphType = first("og:type")
        page.siteName = first("og:site_name", "application-name", "twitter:site") ?? jsonLD.publisher
        page.canonicalURL = canonical ?? first("og:url") ?? url
        page.language = htmlLang ?? first("og:locale", "content-language", "dc.language", "language") ?? jsonLD.language
        page.description = first("description", "og:description", "twitter:description") ?? jsonLD.description
        page.section = first("article:section", "parsely-section", "section") ?? jsonLD.section
        page.tags =
            (meta["article:tag"] ?? [])
            + (first("keywords", "news_keywords").map {
                $0.split(separator: ",").map { Whitespace.trimmed($0) }.filter { !$0.isEmpty }
            } ?? [])
        if page.tags.isEmpty { page.tags = jsonLD.keywords }
        page.image = first("og:image", "og:image:url", "twitter:image", "twitter:image:src") ?? jsonLD.image

        page.title = chooseTitle(
            structured: first("og:title", "twitter:title") ?? jsonLD.headline, documentTitle: title, heading: firstH1,
            siteNames: [page.siteName, jsonLD.publisher, host].compactMap { $0 })

        let metaAuthors = [
            first("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator")
        ]
        .compactMap { $0 }.filter { !$0.contains("://") && !$0.hasPrefix("@") }
        let authors = jsonLD.authors.filter { !$0.contains("://") }
        page.authors = Self.unique(
            (authors.isEmpty ? (metaAuthors.isEmpty ? Array(bylines.prefix(1)) : metaAuthors) : authors).map(
                Self.cleanAuthor)
        )
        .filter { !$0.isEmpty }

        let publishedCandidates: [String?] = [
            jsonLD.published,
            first(
                "article:published_time", "og:published_time", "datepublished", "article.published", "pubdate",
                "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                "sailthru.date", "parsely-pub-date", "citation_publication_date", "original-publish-date", "published",
                "article:published", "publication_date"),
            timeDates.first(where: \.1)?.0,
        ]
        var publishedDay = publishedCandidates.compactMap { $0 }.lazy.compactMap(DateFinder.day).first
        publishedDay =
            publishedDay ?? url.flatMap(DateFinder.urlDay) ?? timeDates.first.flatMap { DateFinder.day($0.0) }
            ?? visibleDates.lazy.compactMap(DateFinder.day).first ?? dateNearHeadline() ?? labelledDate()
            ?? stateScripts.lazy.compactMap { Self.publicationDate(inScript: text($0)) }.first
        page.published =
            publishedCandidates.compactMap { $0 }.lazy.compactMap(PublicationDate.parse).first
            ?? publishedDay.flatMap(DateFinder.date)
        let modified =
            jsonLD.modified ?? first("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
        page.modified = modified.flatMap(PublicationDate.parse)
        return (page, jsonLD.body, publishedDay)
    }

    private static let publishedWords = WordList(["publish*", "posted*", "created*"])
    /// Classes of elements that show a date: a written date inside one is the page's when nothing
    /// structured gives one.
    private static let dateWords = WordList([
        "date*", "time*", "posted*", "publish*", "pubdate", "byline*", "entry-meta", "post-meta", "article-meta",
        "meta-info", "updated*", "timestamp",
    ])
    private static let authorWords = WordList([
        "author-name", "byline__name", "byline-name", "author__name", "contributor-name",
    ])

    /// A written date in the text right after the first `<h1>`, where bylines sit on pages without markup.
    private func dateNearHeadline() -> String? {
        guard let heading = document.nodes.firstIndex(where: { $0.name == "h1" }) else { return nil }
        // NB: 80 nodes, measured on wcxb-dev: 40 finds fewer dates (0.795), 300 barely more (0.814 vs 0.812).
        for index in heading..<min(heading + 80, document.nodes.count) {
            let node = document.nodes[index]
            // Script and style text sits directly under its element.
            guard node.isText, node.text.utf8.count < 200,
                !["script", "style", "noscript"].contains(document.nodes[Int(node.parent)].name)
            else { continue }
            if let day = DateFinder.writtenDay(node.text) { return day }
        }
        return nil
    }

    /// The first date the page labels as its own in its text ("Published October 14, 2025", "Last updated:
    /// November 13, 2025", "[Submitted on 18 Dec 2025]"), the label and the date in one text or the label
    /// alone with the date in one of the next three texts.
    private func labelledDate() -> String? {
        var labelSeen = -1
        var texts = 0
        for index in document.nodes.indices {
            let node = document.nodes[index]
            guard node.isText, node.text.utf8.count < 200,
                !["script", "style", "noscript", "title"].contains(document.nodes[Int(node.parent)].name)
            else { continue }
            texts += 1
            let folded = Whitespace.folded(node.text).lowercased().trimmingPrefix("[")
            let label = Self.dateLabels.first { folded.hasPrefix($0) }
            if let label {
                if let day = DateFinder.writtenDay(String(folded.dropFirst(label.count))) { return day }
                if folded.count <= label.count + 4 { labelSeen = texts }
            } else if labelSeen >= 0, texts - labelSeen <= 3, let day = DateFinder.writtenDay(String(folded)) {
                return day
            }
        }
        return nil
    }

    private static let dateLabels = [
        "published", "posted", "last updated", "updated", "submitted", "date:", "publication date", "released",
    ]

    /// Keys under which pages' inline application state (Next.js data, data layers, escaped JSON-LD) names
    /// the publication date.
    private static let stateDateKeys = [
        "datePublished", "publishDate", "publishedDate", "published_at", "publishedAt", "date_published",
        "firstPublishedDate", "pubDate", "publish_date", "publicationDate",
    ].map { Array($0.utf8) }

    /// The first `YYYY-MM-DD` that follows a publication key in a script, quotes (escaped or not) and colons
    /// between them skipped.
    static func publicationDate(inScript script: String) -> String? {
        let bytes = Array(script.utf8)
        for key in stateDateKeys {
            var start = 0
            while start + key.count < bytes.count {
                guard bytes[start] == key[0], bytes[start..<(start + key.count)].elementsEqual(key) else {
                    start += 1
                    continue
                }
                var position = start + key.count
                let limit = min(position + 12, bytes.count)
                while position < limit, [0x22, 0x27, 0x5C, 0x3A, 0x20, 0x3D].contains(bytes[position]) { position += 1 }
                if let day = DateFinder.isoPrefixDay(
                    String(decoding: bytes[position..<min(position + 10, bytes.count)], as: UTF8.self))
                {
                    return day
                }
                start += key.count
            }
        }
        return nil
    }

    private var host: String? {
        guard let url, let host = URLComponents(string: url)?.host else { return nil }
        let parts = host.split(separator: ".")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : host
    }

    private func text(_ index: Int) -> String { document.text(of: index) }

    /// The visible headline when the structured title agrees with it, else the structured title without its
    /// site name.
    private func chooseTitle(
        structured: String?, documentTitle: String?, heading: String?, siteNames: [String]
    ) -> String? {
        let cleaned = (structured ?? documentTitle).map { TitleCleaner.clean($0, siteNames: siteNames) }
        func key(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        if let heading {
            let headingKey = key(heading)
            for candidate in [cleaned, documentTitle].compactMap({ $0 }) {
                let candidateKey = key(candidate)
                if !headingKey.isEmpty, candidateKey.contains(headingKey) || headingKey.contains(candidateKey) {
                    return heading
                }
            }
            if cleaned == nil { return heading }
        }
        return cleaned.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func cleanAuthor(_ name: String) -> String {
        var value = Whitespace.folded(name)
        for prefix in ["by ", "written by ", "posted by ", "words by ", "author: ", "von "]
        where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        return Whitespace.trimmed(value)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
