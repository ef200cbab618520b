internal import CGumbo

/// An HTML document copied out of gumbo's tree into flat arrays, so the rest of the extractor works on Swift
/// values and never recurses.
struct HTMLDocument {
    /// One element or text node.
    struct Node {
        /// Lower-case tag name for elements, `#text` for text.
        var name: String
        /// The parent's index, -1 for the root.
        var parent: Int32
        /// Whether this is a text node (its name is `#text`); stored, as every pass asks it of every node.
        var isText: Bool
        /// The text of a text node.
        var text: String = ""
        /// Attributes, names lower-cased, in source order.
        var attributes: [(name: String, value: String)] = []
        /// Depth below the root element.
        var depth: Int32 = 0

        init(name: String, parent: Int32) {
            self.name = name
            self.parent = parent
            isText = name == "#text"
        }

        func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    /// All nodes; index 0 is the `<html>` element.
    var nodes: [Node] = []
    /// Each node's class and id tokens, made once (metadata, cleaning, scoring and blocks all read them).
    private(set) var classNames = ClassTable([])
    /// One past the last index of each node's subtree: nodes are in pre-order, so a subtree is the contiguous
    /// range `index..<subtreeEnd[index]`.
    private(set) var subtreeEnd: [Int] = []

    /// The page's bytes, which the texts of scripts cut out before parsing are read from.
    private let source: [UInt8]
    /// Where each script text cut out before parsing lies in `source` (see `RawTextStripper`).
    private let scripts: [Range<Int>]

    /// Parses UTF-8 HTML with gumbo (the HTML5 tree-construction algorithm, so broken markup is repaired the
    /// way browsers repair it). Script and style texts are cut out first (`RawTextStripper`): styles are
    /// gone, scripts are read with `scriptText(of:)`; `cuttingRawText: false` parses the page as it is (tests
    /// compare the two trees).
    init(html: String, cuttingRawText: Bool = true) {
        // NB: without a limit nothing is thrown.
        try! self.init(html: html, cuttingRawText: cuttingRawText, maximumDepth: .max)
    }

    /// A page whose elements nest deeper than the parse allows, with the depth found.
    struct TooDeep: Error {
        /// How deep the scan had counted when it stopped.
        let depth: Int
    }

    /// Parses like `init(html:cuttingRawText:)`, unless the elements nest deeper than `maximumDepth`
    /// (`RawTextStripper.Nesting`): gumbo's time grows with the square of the depth, so such a page is not
    /// parsed at all.
    init(html: String, cuttingRawText: Bool = true, maximumDepth: Int) throws(TooDeep) {
        source = Array(html.utf8)
        let stripped =
            cuttingRawText
            ? RawTextStripper.strip(source, depthLimit: maximumDepth)
            : (html: source, scripts: [], depth: RawTextStripper.strip(source, depthLimit: maximumDepth).depth)
        if stripped.depth > maximumDepth { throw TooDeep(depth: stripped.depth) }
        scripts = stripped.scripts
        let arena = GumboArena()
        var options = arena.options()
        stripped.html.withUnsafeBufferPointer { buffer in
            let output = buffer.withMemoryRebound(to: CChar.self) {
                gumbo_parse_with_options(&options, $0.baseAddress, buffer.count)
            }
            // NB: gumbo's tree points into the input (a custom element's name is read from its original tag), so
            // it is copied while the buffer lives.
            guard let output, let root = output.pointee.root else { return }
            copy(root)
        }
        withExtendedLifetime(arena) {}
        guard !nodes.isEmpty else { return }
        classNames = ClassTable(nodes)
        subtreeEnd = nodes.indices.map { $0 + 1 }
        for index in nodes.indices.reversed() {
            let parent = Int(nodes[index].parent)
            if parent >= 0 { subtreeEnd[parent] = max(subtreeEnd[parent], subtreeEnd[index]) }
        }
    }

    /// A node's children in document order. NB: nodes are in pre-order, so the first child is the next index
    /// and each next sibling starts where the previous one's subtree ends; no node keeps an array of them.
    func children(of index: Int) -> Children {
        Children(cursor: index + 1, end: subtreeEnd[index], subtreeEnd: subtreeEnd)
    }

    /// The children of one node (see `children(of:)`).
    struct Children: Sequence, IteratorProtocol {
        fileprivate var cursor: Int
        fileprivate let end: Int
        fileprivate let subtreeEnd: [Int]

        /// The next child's index.
        mutating func next() -> Int? {
            guard cursor < end else { return nil }
            defer { cursor = subtreeEnd[cursor] }
            return cursor
        }
    }

    /// All the text under a node, in document order (metadata reads bylines and titles before any pruning).
    func text(of index: Int) -> String {
        var result = ""
        for position in index..<subtreeEnd[index] where nodes[position].isText { result += nodes[position].text }
        return result
    }

    /// The text of a `<script>` element, whether it was cut out before parsing or left in place.
    func scriptText(of index: Int) -> String { String(decoding: scriptBytes(of: index), as: UTF8.self) }

    /// The UTF-8 bytes of `scriptText(of:)`, without making a string of a cut-out script.
    func scriptBytes(of index: Int) -> ArraySlice<UInt8> {
        if let number = nodes[index].attribute(RawTextStripper.scriptAttribute).flatMap({ Int($0) }),
            scripts.indices.contains(number)
        {
            return source[scripts[number]]
        }
        return ArraySlice(text(of: index).utf8)
    }

    /// Copies the tree iteratively, keeping elements and text (comments and the like are dropped).
    private mutating func copy(_ root: UnsafeMutablePointer<GumboNode>) {
        var stack: [(UnsafeMutablePointer<GumboNode>, Int32)] = [(root, -1)]
        nodes.reserveCapacity(1024)
        while let (pointer, parent) = stack.popLast() {
            let node = pointer.pointee
            let index = Int32(nodes.count)
            let depth = parent >= 0 ? nodes[Int(parent)].depth + 1 : 0
            switch node.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = node.v.element
                var copied = Node(name: Self.tagName(element), parent: parent)
                copied.depth = depth
                copied.attributes.reserveCapacity(Int(element.attributes.length))
                for position in 0..<Int(element.attributes.length) {
                    let attribute = element.attributes.data[position]!.assumingMemoryBound(to: GumboAttribute.self)
                        .pointee
                    copied.attributes.append((Self.lowerCased(attribute.name), String(cString: attribute.value)))
                }
                nodes.append(copied)
                // Push children in reverse so they pop, and get indices, in document order.
                let children = element.children
                for position in stride(from: Int(children.length) - 1, through: 0, by: -1) {
                    stack.append((children.data[position]!.assumingMemoryBound(to: GumboNode.self), index))
                }
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                guard parent >= 0 else { continue }
                var copied = Node(name: "#text", parent: parent)
                copied.text = String(cString: node.v.text.text)
                copied.depth = depth
                nodes.append(copied)
            default:
                continue
            }
        }
    }

    /// An attribute's name, lower-cased. NB: gumbo lower-cases names in HTML, so this only copies them there;
    /// SVG's and MathML's keep their case (`viewBox`).
    private static func lowerCased(_ name: UnsafePointer<CChar>) -> String {
        let string = String(cString: name)
        return string.utf8.contains { (0x41...0x5A).contains($0) || $0 >= 0x80 } ? string.lowercased() : string
    }

    /// gumbo's name of each tag it knows, by its number, made once: a page has thousands of elements.
    private static let knownTagNames: [String] = (0..<GUMBO_TAG_UNKNOWN.rawValue).map { number in
        gumbo_normalized_tagname(GumboTag(rawValue: number)).map { String(cString: $0) } ?? ""
    }

    private static func tagName(_ element: GumboElement) -> String {
        if element.tag.rawValue < GUMBO_TAG_UNKNOWN.rawValue, !knownTagNames[Int(element.tag.rawValue)].isEmpty {
            return knownTagNames[Int(element.tag.rawValue)]
        }
        // Custom elements (amp-img, ps-ad, …): read the name from the original tag text.
        let piece = element.original_tag
        guard let data = piece.data, piece.length > 1 else { return "unknown" }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(piece.length)).dropFirst()
        let name = bytes.prefix { byte in
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3E || byte == 0x2F)
        }
        return String(decoding: name, as: UTF8.self).lowercased()
    }
}
