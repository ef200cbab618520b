internal import Foundation

/// What kind of page a document is, as a reader would name it: the extractor reads each kind its own way.
public enum PageType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A news story, blog post or feature: one text by its authors.
    case article
    /// A discussion: a thread of posts, a question with its answers.
    case forum
    /// An index of other pages: a home page, a section, a category, search results, a list of jobs or events.
    case listing
    /// One product for sale: its description, facts and price.
    case product
    /// Reference or guide pages of software or a service.
    case documentation
    /// A page about an organisation or what it offers: a landing, pricing or about page.
    case service
}

/// Tells a page's type from its structured data, its URL and the shape of its document.
///
/// Structured data decides when it names a type (`Product`, `DiscussionForumPosting`, `CollectionPage`, an
/// article type); then URL shapes that platforms share (`/t/slug/123`, `/docs/`, a date, `/category/`); then
/// the document: prices beside a buy button, many linked items and little prose, prose with a byline, code.
/// Measured on wcxb-dev by `corroborate-eval extraction` (its "page types told" lines).
struct PageTypeClassifier {
    let metadata: PageMetadata
    let url: String?

    /// The type the page declares by its structured data or its URL, or `nil` when only its shape can tell.
    func declaredType() -> PageType? {
        let types = Set(metadata.schemaTypes.map { $0.lowercased() })
        let path = Self.path(of: url ?? metadata.canonicalURL)
        if !types.isDisjoint(with: ["discussionforumposting", "qapage"]) { return .forum }
        if !types.isDisjoint(with: ["product", "productgroup"]), !Self.isArticleTyped(types) {
            // NB: a `Product` beside og:type article is as often a service page dressed for star ratings in
            // search results: the page's shape decides.
            return metadata.openGraphType == "article" ? nil : .product
        }
        if Self.isForumPath(path) { return .forum }
        if !types.isDisjoint(with: ["techarticle", "apireference"]) || Self.isDocumentation(url, path: path) {
            return .documentation
        }
        if Self.isArticleTyped(types) || metadata.openGraphType == "article"
            || (url ?? metadata.canonicalURL).flatMap(DateFinder.urlDay) != nil
        {
            return .article
        }
        if !types.isDisjoint(with: ["collectionpage", "searchresultspage"]) || Self.isListingPath(path) {
            return .listing
        }
        if metadata.openGraphType == "product" { return .product }
        return nil
    }

    /// The type of a page that declares none, from what its kept part (`analysis`, read as an article) holds;
    /// prices and buy buttons are looked for in the whole page, since buttons are never kept.
    func typeByShape(_ analysis: PageAnalysis) -> PageType {
        let shape = Self.shape(analysis)
        // Many prices among many linked items are a shop's category, not one product.
        if shape.prices >= 6, shape.teasers >= 8 { return .listing }
        if shape.buyButton, shape.prices > 0 { return .product }
        if shape.teasers >= 12, shape.teasers > 3 * shape.prose, shape.prose <= 5 { return .listing }
        // NB: not the date: site builders stamp every WebPage with one, landing pages included.
        if !metadata.authors.isEmpty && shape.prose >= 3 || shape.prose >= 8 {
            return shape.code >= 3 && metadata.authors.isEmpty ? .documentation : .article
        }
        if shape.code >= 3 { return .documentation }
        return .service
    }

    /// What the kept part of the page is made of: paragraphs of prose, links long enough to be an item's
    /// title, prices, whether a button offers to buy, and code blocks.
    private static func shape(
        _ analysis: PageAnalysis
    ) -> (
        prose: Int, teasers: Int, prices: Int, buyButton: Bool, code: Int
    ) {
        var prose = 0
        var code = 0
        var teasers = 0
        var prices = 0
        var buyButton = false
        let nodes = analysis.document.nodes
        for index in nodes.indices {
            let node = nodes[index]
            if node.isText {
                let bytes = node.text.utf8
                guard bytes.count < 40 else { continue }
                // NB: bytes, not Characters: this runs on every short text of the page.
                if bytes.contains(where: { (0x30...0x39).contains($0) }), Self.hasCurrencySign(bytes) { prices += 1 }
                if !buyButton, bytes.count >= Self.shortestBuyPhrase,
                    Self.buyPhraseHolders.contains(nodes[Int(node.parent)].name)
                {
                    let lower = Array(node.text.lowercased().utf8)
                    buyButton = Self.buyPhrases.contains { lower.containsBytes($0) }
                }
                continue
            }
            guard !analysis.removed[index] else { continue }
            switch node.name {
            case "p" where analysis.textLength[index] - analysis.linkLength[index] >= 120: prose += 1
            case "a" where analysis.textLength[index] >= 25: teasers += 1
            case "pre": code += 1
            default: break
            }
        }
        return (prose, teasers, prices, buyButton, code)
    }

    /// `$`, `€`, `£` or `¥` in UTF-8.
    private static func hasCurrencySign(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == 0x24 || (previous == 0xC2 && (byte == 0xA3 || byte == 0xA5))
                || (beforePrevious == 0xE2 && previous == 0x82 && byte == 0xAC)
            {
                return true
            }
            (beforePrevious, previous) = (previous, byte)
        }
        return false
    }

    private static let buyPhrases = [
        "add to cart", "add to bag", "add to basket", "buy now", "in den warenkorb", "ajouter au panier",
        "añadir al carrito", "aggiungi al carrello", "in winkelwagen",
    ].map { Array($0.utf8) }
    /// The elements whose text may offer to buy.
    private static let buyPhraseHolders: Set<String> = ["button", "a", "span"]
    /// NB: lower-casing makes the phrases' letters out of no fewer bytes, so a shorter text holds none.
    private static let shortestBuyPhrase = buyPhrases.map(\.count).min() ?? 0

    private static func isArticleTyped(_ types: Set<String>) -> Bool {
        !types.isDisjoint(with: JSONLDArticle.articleTypes.subtracting(["techarticle", "socialmediaposting"]))
    }

    /// The URL's path components, lower-cased, without empty ones.
    static func path(of url: String?) -> [String] {
        guard let url, let components = URLComponents(string: url) else { return [] }
        return components.path.lowercased().split(separator: "/").map(String.init)
    }

    /// Thread URLs of the common forum engines: Discourse `/t/slug/123`, phpBB `viewtopic.php`, vBulletin
    /// `showthread.php`, XenForo `/threads/slug.123/`, Invision `/topic/123-slug/`, Flarum `/d/123-slug`,
    /// Reddit `/r/x/comments/`, Stack Exchange `/questions/123/`.
    static func isForumPath(_ path: [String]) -> Bool {
        for (index, part) in path.enumerated() {
            let next = index + 1 < path.count ? path[index + 1] : ""
            switch part {
            case "viewtopic.php", "showthread.php", "showtopic.php": return true
            case "t" where !next.isEmpty: return true
            case "threads", "thread": return !next.isEmpty
            case "topic" where next.first?.isNumber == true: return true
            case "d" where next.first?.isNumber == true: return true
            case "comments" where index >= 2 && path[index - 2] == "r": return true
            case "questions" where next.first?.isNumber == true: return true
            default: continue
            }
        }
        return false
    }

    /// Documentation hosts (`docs.`, `developer.`, Read the Docs) and paths (`/docs/`, `/reference/`, `/api/`).
    static func isDocumentation(_ url: String?, path: [String]) -> Bool {
        let host = url.flatMap { URLComponents(string: $0)?.host?.lowercased() } ?? ""
        if host.hasPrefix("docs.") || host.hasPrefix("developer.") || host.hasPrefix("developers.")
            || host.hasSuffix(".readthedocs.io")
        {
            return true
        }
        return path.dropLast().contains { ["docs", "documentation", "reference", "api", "manual", "man"].contains($0) }
    }

    /// Index pages: sections and categories, tags, search results, charts and lists. A site's home page is left
    /// to its shape: as many are a company's landing page as a newspaper's front page.
    static func isListingPath(_ path: [String]) -> Bool {
        if path.isEmpty { return false }
        let indexWords: Set<String> = [
            "category", "categories", "tag", "tags", "topic", "topics", "section", "sections", "collections", "c",
            "list", "chart", "market", "subject", "search", "jobs", "remote-jobs", "events", "archive", "archives",
        ]
        return path.count <= 3 && path.dropLast().contains(where: indexWords.contains) || path == ["news"]
            || path.last.map(indexWords.contains) == true
    }
}
