/// Per-node facts the cleaner, scorer and block collector share, computed in a few linear passes.
///
/// Nodes are in pre-order, so a parent's index is always below its children's: aggregates are built by one
/// reverse scan, and inherited flags by one forward scan. Nothing recurses, whatever the nesting depth.
struct PageAnalysis {
    let document: HTMLDocument
    /// Characters of text under each node (white space runs counted once), pruned subtrees excluded.
    private(set) var textLength: [Int]
    /// Characters of that text inside links.
    private(set) var linkLength: [Int]
    /// Commas under each node: a sign of prose.
    private(set) var commas: [Int]
    /// Whether the node, or an ancestor, is boilerplate or hidden.
    private(set) var removed: [Bool]
    /// Index of `<body>`, or the root.
    let body: Int
    /// One past the last index of each node's subtree (see `HTMLDocument.subtreeEnd`).
    var subtreeEnd: [Int] { document.subtreeEnd }
    /// The kind of page being read.
    let pageType: PageType
    /// The class patterns that mark boilerplate on this page.
    let boilerplate: WordList
    /// Whether a node has a block-level element below it (so it is a container, not one block).
    private(set) var hasBlockDescendant: [Bool]

    /// Elements that start a new block when met inside a container.
    static let blockLevel: Set<String> = ExtractionRules.blockTags.union([
        "div", "section", "article", "main", "table", "tbody", "thead", "tr", "ul", "ol", "dl", "figure", "header",
        "hgroup", "details", "center", "form", "fieldset", "body", "html",
    ])

    /// Facts of `document`. With `readingNoscript`, `<noscript>` content counts as the page's: a page that
    /// renders everything by script (a Discourse forum) keeps its readable copy there.
    ///
    /// On a forum page (`pageType`) comments are the content: their class names do not mark boilerplate; on a
    /// product page reviews and customers' questions are not the product's.
    ///
    /// With `readingHidden`, elements hidden by the `hidden` attribute or an inline style count too: a page whose
    /// script unhides its content after loading (a shop's "lockdown" wrapper, a collapsed product panel) has
    /// nothing visible without it. `aria-hidden` stays boilerplate: it marks duplicates and decorations.
    init(
        _ document: HTMLDocument, readingNoscript: Bool = false, readingHidden: Bool = false,
        pageType: PageType = .article
    ) {
        self.document = document
        self.pageType = pageType
        switch pageType {
        case .forum: boilerplate = .boilerplateInThreads
        case .product: boilerplate = .boilerplateInShops
        default: boilerplate = .boilerplate
        }
        let count = document.nodes.count
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        removed = Array(repeating: false, count: count)
        hasBlockDescendant = Array(repeating: false, count: count)
        body = document.nodes.firstIndex { $0.name == "body" } ?? 0
        for index in document.nodes.indices.reversed() {
            let parent = Int(document.nodes[index].parent)
            guard parent >= 0 else { continue }
            if hasBlockDescendant[index] || Self.blockLevel.contains(document.nodes[index].name) {
                hasBlockDescendant[parent] = true
            }
        }
        // Scripts, styles and the like go first, so their text does not count in the shares below.
        for index in document.nodes.indices {
            let parent = Int(document.nodes[index].parent)
            let name = document.nodes[index].name
            removed[index] =
                (parent >= 0 && removed[parent])
                || (ExtractionRules.droppedTags.contains(name) && !(readingNoscript && name == "noscript"))
        }
        aggregate()
        // Prose under each node: text in <p> elements outside links. Menus and footers have little of it, so
        // "holds much of the page's prose" tells a structural wrapper from a banner better than all text.
        var prose = Array(repeating: 0, count: count)
        for index in document.nodes.indices.reversed() {
            if document.nodes[index].name == "p" { prose[index] = textLength[index] - linkLength[index] }
            let parent = Int(document.nodes[index].parent)
            if parent >= 0 { prose[parent] += prose[index] }
        }
        let bodyText = max(textLength[body], 1)
        let bodyProse = max(prose[body], 1)
        for index in document.nodes.indices where !removed[index] {
            let node = document.nodes[index]
            let parent = Int(node.parent)
            if parent >= 0, removed[parent] {
                removed[index] = true
            } else if !node.isText {
                let share = max(Double(textLength[index]) / Double(bodyText), Double(prose[index]) / Double(bodyProse))
                removed[index] =
                    !(readingNoscript && node.name == "noscript")
                    && Self.isBoilerplate(
                        node, names: document.classNames[index], share: share, words: boilerplate,
                        readingHidden: readingHidden)
            }
        }
        aggregate()
    }

    /// Recomputes text, link and comma counts bottom-up, leaving out removed subtrees.
    private mutating func aggregate() {
        for index in textLength.indices {
            textLength[index] = 0
            linkLength[index] = 0
            commas[index] = 0
        }
        for index in document.nodes.indices.reversed() where !removed[index] {
            let node = document.nodes[index]
            if node.isText {
                let (length, commaCount) = Self.measure(node.text)
                textLength[index] = length
                commas[index] = commaCount
            }
            if node.name == "a" { linkLength[index] = textLength[index] }
            let parent = Int(node.parent)
            if parent >= 0 {
                textLength[parent] += textLength[index]
                linkLength[parent] += linkLength[index]
                commas[parent] += commas[index]
            }
        }
    }

    /// Non-space characters plus one per run of spaces, and commas.
    private static func measure(_ text: String) -> (Int, Int) {
        var length = 0, commas = 0
        var inSpace = true
        for byte in text.utf8 where byte & 0xC0 != 0x80 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if isSpace {
                if !inSpace { length += 1 }
            } else {
                length += 1
                if byte == 0x2C { commas += 1 }
            }
            inSpace = isSpace
        }
        return (length, commas)
    }

    /// The text under a node, pruned subtrees left out; block boundaries and `<br>` become line breaks.
    func text(of index: Int) -> String {
        var result = ""
        var position = index
        let end = subtreeEnd[index]
        while position < end {
            if removed[position] {
                position = subtreeEnd[position]
                continue
            }
            let node = document.nodes[position]
            if node.isText {
                result += node.text
            } else if node.name == "br" || (position != index && Self.blockLevel.contains(node.name)) {
                result += "\n"
            }
            position += 1
        }
        return result
    }

    /// Share of a node's text that sits in links.
    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }

    /// Whether an element is boilerplate on its own: a dropped tag, hidden, a boilerplate role, or a
    /// boilerplate class/id that is not also a content class, unless it holds much of the page's text.
    static func isBoilerplate(
        _ node: HTMLDocument.Node, names: ClassNames, share: Double, words: WordList = .boilerplate,
        readingHidden: Bool = false
    ) -> Bool {
        if ExtractionRules.droppedTags.contains(node.name) { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        let role = node.attribute("role")?.lowercased()
        if !readingHidden, !isTabPanel(role: role) {
            if node.attribute("hidden") != nil, !isStreamedBoundary(node) { return true }
            if let style = node.attribute("style"), hidesItself(style) { return true }
        }
        if let role, ExtractionRules.boilerplateRoles.contains(role) { return true }
        if ["html", "body", "main", "article"].contains(node.name) { return false }
        if node.attribute("itemprop") == "articleBody" { return false }
        guard names.matches(words), !names.isContent else { return false }
        // A container holding much of the page is structure, not a banner, whatever its class says.
        return share < 0.3
    }

    /// Whether an element of `role` (lowercased) is a tab's panel: hidden until its tab is clicked, but the
    /// page's as much as the open one (a quickstart's steps for each programming language, a product's
    /// specifications).
    static func isTabPanel(role: String?) -> Bool { role == "tabpanel" }

    /// Whether a hidden element is a server-rendered boundary a streaming page moves into place once it arrives
    /// (React's `<div hidden id="S:1">`, swapped in by its `$RC` script): its content is the page's.
    static func isStreamedBoundary(_ node: HTMLDocument.Node) -> Bool {
        guard node.name == "div", let id = node.attribute("id"), id.hasPrefix("S:"), id.utf8.count > 2 else {
            return false
        }
        return id.utf8.dropFirst(2).allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        }
    }

    /// Whether an inline style says `display: none` or `visibility: hidden` (any case, spaces anywhere).
    static func hidesItself(_ style: String) -> Bool {
        // NB: bytes, not `String.contains`, which costs a table per call on every styled element.
        var folded: [UInt8] = []
        folded.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 { folded.append(byte.asciiLowercased) }
        return folded.containsBytes(hiddenDisplay) || folded.containsBytes(hiddenVisibility)
    }

    private static let hiddenDisplay = Array("display:none".utf8)
    private static let hiddenVisibility = Array("visibility:hidden".utf8)
}
