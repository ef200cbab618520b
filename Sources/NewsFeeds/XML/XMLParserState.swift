/// The byte-level scanner behind `XMLDocument`.
struct XMLParserState {
    let bytes: [UInt8]
    var position = 0
    /// Open elements, innermost last.
    private var open: [Int] = [0]
    /// Namespace declarations in scope: (prefix, URI, depth of the element declaring it).
    private var scopes: [(prefix: String, uri: String, depth: Int)] = [
        ("xml", "http://www.w3.org/XML/1998/namespace", 0)
    ]

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse(into nodes: inout [XMLDocument.Node]) throws(XMLDocument.Failure) {
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
                appendText(XMLEscaping.decode(bytes[start..<position]), into: &nodes)
                continue
            }
            if starts(with: "<!--") {
                skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                position += 9
                let start = position
                while position < bytes.count && !starts(with: "]]>") { position += 1 }
                appendText(String(decoding: bytes[start..<position], as: UTF8.self), into: &nodes)
                position = min(bytes.count, position + 3)  // an unterminated section runs to the end
            } else if starts(with: "<!") {
                skipDeclaration()
            } else if starts(with: "<?") {
                skip(past: "?>")
            } else if starts(with: "</") {
                position += 2
                let name = readName()
                skip(past: ">")
                close(name, nodes: nodes)
            } else {
                try openElement(into: &nodes)
            }
        }
    }

    // MARK: - Elements

    private mutating func openElement(into nodes: inout [XMLDocument.Node]) throws(XMLDocument.Failure) {
        position += 1
        let name = readName()
        guard !name.isEmpty else {
            appendText("<", into: &nodes)  // a lone "<" in text: keep it, as browsers do
            return
        }
        var attributes: [String: String] = [:]
        var selfClosing = false
        while position < bytes.count {
            skipSpace()
            guard position < bytes.count else { break }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                break
            }
            if starts(with: "/>") {
                position += 2
                selfClosing = true
                break
            }
            let key = readName()
            if key.isEmpty {
                position += 1  // stray character inside a tag
                continue
            }
            skipSpace()
            var value = ""
            if position < bytes.count && bytes[position] == UInt8(ascii: "=") {
                position += 1
                skipSpace()
                value = readAttributeValue()
            }
            if attributes[key] == nil { attributes[key] = value }
        }
        guard open.count <= XMLDocument.maximumDepth else { throw .tooDeep }
        let depth = open.count
        for (key, value) in attributes where key == "xmlns" || key.hasPrefix("xmlns:") {
            scopes.append((key == "xmlns" ? "" : String(key.dropFirst(6)), value, depth))
        }
        let parts = name.split(separator: ":", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) : ""
        let local = String(parts.last ?? "").lowercased()
        let namespace = scopes.last { $0.prefix == prefix }?.uri
        let index = nodes.count
        nodes.append(
            XMLDocument.Node(
                name: name, local: local, namespace: namespace, attributes: attributes, text: "",
                parent: open[open.count - 1]))
        nodes[open[open.count - 1]].children.append(index)
        if selfClosing {
            scopes.removeAll { $0.depth == depth }
        } else {
            open.append(index)
        }
    }

    /// Closes the innermost open element of that name and any left open inside it; an end tag matching no
    /// open element is ignored.
    private mutating func close(_ name: String, nodes: [XMLDocument.Node]) {
        guard let match = open.lastIndex(where: { $0 != 0 && nodes[$0].name == name }) else { return }
        while open.count > match {
            let depth = open.count - 1
            scopes.removeAll { $0.depth == depth }
            open.removeLast()
        }
    }

    private mutating func appendText(_ text: String, into nodes: inout [XMLDocument.Node]) {
        guard !text.isEmpty else { return }
        let parent = open[open.count - 1]
        if let last = nodes[parent].children.last, nodes[last].isText {
            nodes[last].text += text
            return
        }
        nodes.append(XMLDocument.Node(name: "", local: "", attributes: [:], text: text, parent: parent))
        nodes[parent].children.append(nodes.count - 1)
    }

    // MARK: - Scanning

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[position + offset] != buffer[offset] { return false }
            return true
        }
    }

    private mutating func skip(past literal: StaticString) {
        while position < bytes.count && !starts(with: literal) { position += 1 }
        position = min(bytes.count, position + literal.utf8CodeUnitCount)
    }

    /// `<!DOCTYPE …>` with an internal subset in brackets, or any other `<!…>`: skipped whole, never read.
    private mutating func skipDeclaration() {
        var brackets = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "[") { brackets += 1 }
            if byte == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
            if byte == UInt8(ascii: ">") && brackets == 0 { return }
        }
    }

    private mutating func skipSpace() {
        while position < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte <= 0x20 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            {
                break
            }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func readAttributeValue() -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            position += 1
            let start = position
            while position < bytes.count && bytes[position] != quote { position += 1 }
            let value = XMLEscaping.decode(bytes[start..<position])
            position = min(bytes.count, position + 1)
            return value
        }
        let start = position
        while position < bytes.count && bytes[position] > 0x20 && bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return XMLEscaping.decode(bytes[start..<position])
    }
}
