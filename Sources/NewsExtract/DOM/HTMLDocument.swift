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
        /// Child indices in document order.
        var children: [Int32] = []
        /// The text of a text node.
        var text: String = ""
        /// Attributes, names lower-cased, in source order.
        var attributes: [(name: String, value: String)] = []
        /// Depth below the root element.
        var depth: Int32 = 0

        var isText: Bool { name == "#text" }

        func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    /// All nodes; index 0 is the `<html>` element.
    var nodes: [Node] = []
    /// One past the last index of each node's subtree: nodes are in pre-order, so a subtree is the contiguous
    /// range `index..<subtreeEnd[index]`.
    private(set) var subtreeEnd: [Int] = []

    /// Parses UTF-8 HTML with gumbo (the HTML5 tree-construction algorithm, so broken markup is repaired the
    /// way browsers repair it).
    init(html: String) {
        let arena = GumboArena()
        var options = arena.options()
        var utf8 = html
        let output = utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                gumbo_parse_with_options(&options, $0.baseAddress, buffer.count)
            }
        }
        guard let output, let root = output.pointee.root else { return }
        copy(root)
        withExtendedLifetime(arena) {}
        subtreeEnd = nodes.indices.map { $0 + 1 }
        for index in nodes.indices.reversed() {
            let parent = Int(nodes[index].parent)
            if parent >= 0 { subtreeEnd[parent] = max(subtreeEnd[parent], subtreeEnd[index]) }
        }
    }

    /// All the text under a node, in document order (metadata reads bylines and titles before any pruning).
    func text(of index: Int) -> String {
        var result = ""
        for position in index..<subtreeEnd[index] where nodes[position].isText { result += nodes[position].text }
        return result
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
                    copied.attributes.append(
                        (String(cString: attribute.name).lowercased(), String(cString: attribute.value)))
                }
                nodes.append(copied)
                if parent >= 0 { nodes[Int(parent)].children.append(index) }
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
                nodes[Int(parent)].children.append(index)
            default:
                continue
            }
        }
    }

    private static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag) {
            return String(cString: name)
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
