/// A parsed XML document as flat arrays: node 0 is the document; every later pass walks indices, so nothing
/// recurses on the input's structure.
///
/// The parser is written for feeds, which arrive broken as often as not: it never expands entities a
/// DOCTYPE declares (so "billion laughs" documents stay small), reads only the five predefined entities
/// and character references, closes unclosed elements, and ignores stray end tags.
struct XMLDocument {
    /// One element or run of text.
    struct Node {
        /// The qualified name as written (`dc:creator`); empty for text.
        var name: String
        /// The name without its prefix, lower-cased (`creator`).
        var local: String
        /// The namespace URI the prefix resolves to, if any.
        var namespace: String?
        /// Attributes by qualified name as written.
        var attributes: [String: String]
        /// The text, for a text node (CDATA included).
        var text: String
        /// The enclosing element.
        var parent: Int
        /// Child nodes in order.
        var children: [Int] = []

        var isText: Bool { name.isEmpty }
    }

    private(set) var nodes: [Node]

    /// Elements nested deeper than this are refused: no feed needs it, and it bounds every later walk.
    static let maximumDepth = 512

    /// Why a document could not be read.
    enum Failure: Error, Equatable {
        case tooDeep
        case noElement
    }

    /// The root element (the first element child of the document).
    var root: Int? { nodes[0].children.first { !nodes[$0].isText } }

    init(_ text: String) throws(Failure) {
        nodes = [Node(name: "#document", local: "#document", attributes: [:], text: "", parent: -1)]
        var parser = XMLParserState(bytes: Array(text.utf8))
        try parser.parse(into: &nodes)
        guard root != nil else { throw .noElement }
    }

    /// The element children of `node` named `local` (any case; in `namespace` when given).
    func children(_ node: Int, _ local: String, namespace: String? = nil) -> [Int] {
        let local = local.lowercased()
        return nodes[node].children.filter { child in
            !nodes[child].isText && nodes[child].local == local
                && (namespace == nil || nodes[child].namespace == namespace)
        }
    }

    /// The first such child.
    func child(_ node: Int, _ local: String, namespace: String? = nil) -> Int? {
        children(node, local, namespace: namespace).first
    }

    /// The text directly inside an element (its text children joined), trimmed.
    func text(_ node: Int) -> String {
        var out = ""
        for child in nodes[node].children where nodes[child].isText { out += nodes[child].text }
        return out.trimmingWhitespace()
    }

    /// The text of the first child named `local`, or `nil` when missing or empty.
    func childText(_ node: Int, _ local: String, namespace: String? = nil) -> String? {
        guard let child = child(node, local, namespace: namespace) else { return nil }
        let value = text(child)
        return value.isEmpty ? nil : value
    }

    /// An attribute by its local name, whatever its prefix.
    func attribute(_ node: Int, _ local: String) -> String? {
        if let value = nodes[node].attributes[local] { return value }
        return nodes[node].attributes.first { $0.key.split(separator: ":").last.map(String.init) == local }?.value
    }

    /// The markup inside an element, serialised again (for Atom's `type="xhtml"` content). Iterative.
    func innerMarkup(_ node: Int) -> String {
        var out = ""
        // A stack of (node, whether its children are done).
        var stack: [(Int, Bool)] = nodes[node].children.reversed().map { ($0, false) }
        while let (index, closing) = stack.popLast() {
            let current = nodes[index]
            if current.isText {
                out += XMLEscaping.escape(current.text)
            } else if closing {
                out += "</\(current.local)>"
            } else {
                out += "<\(current.local)"
                for (key, value) in current.attributes.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("xmlns") {
                    out += " \(key)=\"\(XMLEscaping.escape(value))\""
                }
                out += ">"
                stack.append((index, true))
                stack.append(contentsOf: current.children.reversed().map { ($0, false) })
            }
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
