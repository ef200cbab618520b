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
        var bylineNodes: [Int] = []
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
                scripts.append(document.scriptText(of: index))
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
                        || document.classNames[index].matches(Self.publishedWords)
                    timeDates.append((value, marked))
                }
            default: break
            }
            // Bylines and visible dates are short: only small subtrees are read, so a wrapper whose class
            // happens to say "date" or "author" costs nothing.
            let small = document.subtreeEnd[index] - index <= 24
            let names = small ? document.classNames[index] : nil
            if small, visibleDates.count < 20, names?.matches(Self.dateWords) == true {
                let value = Whitespace.folded(text(index))
                if (6...120).contains(value.utf8.count) { visibleDates.append(value) }
            }
            if small,
                node.attribute("rel") == "author" || node.attribute("itemprop") == "author"
                    || names?.matches(Self.authorWords) == true
            {
                let value = Whitespace.folded(node.attribute("content") ?? text(index))
                // NB: the innermost of nested bylines: a wrapper's text runs its name into the title beside it
                // ("Stephen JesudunsinAI Writer").
                if (3...120).contains(value.count) {
                    if let last = bylineNodes.last, index < document.subtreeEnd[last] {
                        bylines.removeLast()
                        bylineNodes.removeLast()
                    }
                    bylines.append(value)
                    bylineNodes.append(index)
                }
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
        let marked = authors.isEmpty ? metaAuthors : authors
        let names =
            marked.isEmpty
            ? Array(bylines.lazy.map(Self.cleanAuthor).filter { !$0.isEmpty }.prefix(1)) : marked.map(Self.cleanAuthor)
        page.authors = Self.unique(names).filter { !$0.isEmpty }
        if page.authors.isEmpty, let byline = bylineNearHeadline() { page.authors = [byline] }

        let publishedCandidates: [String?] = [
            jsonLD.published,
            first(
                "article:published_time", "og:published_time", "datepublished", "article.published", "pubdate",
                "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                "sailthru.date", "parsely-pub-date", "citation_publication_date", "original-publish-date", "published",
                "article:published", "publication_date"),
            timeDates.first(where: \.1)?.0,
        ]
        let dayFirst = DateFinder.writesDayFirst(page.language)
        var publishedDay = publishedCandidates.compactMap { $0 }.lazy.compactMap {
            DateFinder.day($0, dayFirst: dayFirst)
        }
        .first
        publishedDay =
            publishedDay ?? url.flatMap(DateFinder.urlDay)
            ?? timeDates.first.flatMap { DateFinder.day($0.0, dayFirst: dayFirst) }
            ?? visibleDates.lazy.compactMap { DateFinder.day($0, dayFirst: dayFirst) }.first
            ?? dateNearHeadline(dayFirst: dayFirst) ?? labelledDate(dayFirst: dayFirst)
            ?? stateScripts.lazy.compactMap { Self.publicationDate(inScript: document.scriptBytes(of: $0)) }.first
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

    /// Keys under which pages' inline application state (Next.js data, data layers, escaped JSON-LD) names
    /// the publication date.
    private static let stateDateKeys = [
        "datePublished", "publishDate", "publishedDate", "published_at", "publishedAt", "date_published",
        "firstPublishedDate", "pubDate", "publish_date", "publicationDate",
    ].map { Array($0.utf8) }
    /// The second byte of the keys starting with each byte (0 where none does).
    private static let stateDateKeySecondBytes: [UInt8] = stateDateKeys.reduce(into: Array(repeating: 0, count: 256)) {
        table, key in
        precondition(
            table[Int(key[0])] == 0 || table[Int(key[0])] == key[1], "keys sharing a first byte share a second")
        table[Int(key[0])] = key[1]
    }

    /// The first `YYYY-MM-DD` that follows a publication key in a script, quotes (escaped or not) and colons
    /// between them skipped; the keys in order of preference (`datePublished` before `publishDate`, …).
    static func publicationDate(inScript script: String) -> String? {
        publicationDate(inScript: ArraySlice(script.utf8))
    }

    /// See `publicationDate(inScript:)`: one pass over the bytes, each key's first dated use kept.
    static func publicationDate(inScript bytes: ArraySlice<UInt8>) -> String? {
        var found: [String?] = Array(repeating: nil, count: stateDateKeys.count)
        var best = stateDateKeys.count
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let byte = bytes[start]
            // NB: every key starts with "da", "pu" or "fi": the rest of the bytes cost a comparison or two each
            // (a page's state scripts run to megabytes, and "d", "p" and "f" alone are common in them).
            guard byte == UInt8(ascii: "d") || byte == UInt8(ascii: "p") || byte == UInt8(ascii: "f"),
                start + 1 < bytes.endIndex, bytes[start + 1] == Self.stateDateKeySecondBytes[Int(byte)]
            else {
                start += 1
                continue
            }
            for (number, key) in stateDateKeys.enumerated().prefix(best) where found[number] == nil {
                guard key[0] == byte, start + key.count < bytes.endIndex,
                    bytes[start..<(start + key.count)].elementsEqual(key)
                else { continue }
                var position = start + key.count
                let limit = min(position + 12, bytes.endIndex)
                while position < limit, [0x22, 0x27, 0x5C, 0x3A, 0x20, 0x3D].contains(bytes[position]) { position += 1 }
                if let day = DateFinder.isoPrefixDay(
                    String(decoding: bytes[position..<min(position + 10, bytes.endIndex)], as: UTF8.self))
                {
                    found[number] = day
                    best = number
                    if number == 0 { return day }
                }
            }
            start += 1
        }
        return best < found.count ? found[best] : nil
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

    /// The name in an author field, without the byline's opening word, or empty when the field names nobody:
    /// a label left alone ("Written By"), a template's placeholder (", USA TODAY", "undefined"), a number.
    static func cleanAuthor(_ name: String) -> String {
        var value = Whitespace.folded(Self.decodingEntities(name)) + " "
        for prefix in Self.authorPrefixes where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        value = Whitespace.trimmed(value).trimmingCharacters(in: CharacterSet(charactersIn: "\"“”'"))
        guard let first = value.first, first.isLetter || first.isNumber,
            !["undefined", "null", "none", "author", "admin"].contains(value.lowercased()),
            value.contains(where: \.isLetter)
        else { return "" }
        return value
    }

    /// `&amp;`, `&#39;` and their kin left in a field by a page that escaped it twice.
    private static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, character) in [
            ("&quot;", "\""), ("&#039;", "'"), ("&#39;", "'"), ("&#x27;", "'"), ("&apos;", "'"), ("&lt;", "<"),
            ("&gt;", ">"), ("&nbsp;", " "), ("&amp;", "&"),
        ] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    /// What bylines put before a name, in the languages of European news.
    private static let authorPrefixes = [
        "written by ", "posted by ", "words by ", "by ", "author: ", "author ", "von ", "text: ", "autor: ",
        "autorin: ", "par ", "auteur : ", "auteur: ", "por ", "door ", "autore: ",
    ]

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
