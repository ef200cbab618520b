internal import NewsCore

/// Walks the chosen content roots in document order and emits typed blocks: headings, paragraphs (including
/// runs of loose inline text in containers), list items, quotes, captions, credits, preformatted text and
/// table rows; link lists and boilerplate lines are left out.
struct BlockCollector {
    let analysis: PageAnalysis

    private struct Frame {
        /// The children still to walk.
        var children: HTMLDocument.Children
        var run = ""
        var runLinks = 0
        var quote = false
    }

    private func frame(_ node: Int, quote: Bool) -> Frame {
        Frame(children: analysis.document.children(of: node), quote: quote)
    }

    func blocks(from roots: [Int]) -> [ContentBlock] {
        var output: [ContentBlock] = []
        let nodes = analysis.document.nodes
        for root in roots where !analysis.removed[root] {
            if let (block, density) = leaf(root, quote: false) {
                append(block, density: density, to: &output)
                continue
            }
            var stack = [frame(root, quote: nodes[root].name == "blockquote")]
            while !stack.isEmpty {
                let top = stack.count - 1
                guard let child = stack[top].children.next() else {
                    flush(&stack[top], into: &output)
                    stack.removeLast()
                    continue
                }
                if analysis.removed[child] { continue }
                let node = nodes[child]
                if node.isText {
                    stack[top].run += node.text
                    continue
                }
                if node.name == "br" {
                    stack[top].run += "\n"
                    continue
                }
                if ExtractionRules.inlineTags.contains(node.name), !analysis.hasBlockDescendant[child],
                    !isCaptionOrCredit(child)
                {
                    stack[top].run += analysis.text(of: child)
                    stack[top].runLinks += analysis.linkLength[child]
                    continue
                }
                flush(&stack[top], into: &output)
                let quote = stack[top].quote || node.name == "blockquote"
                if let (block, density) = leaf(child, quote: quote) {
                    append(block, density: density, to: &output)
                } else {
                    stack.append(frame(child, quote: quote))
                }
            }
        }
        return output
    }

    /// The block an element is by itself, or `nil` when it is a container to walk into.
    private func leaf(_ index: Int, quote: Bool) -> (ContentBlock, Double)? {
        let node = analysis.document.nodes[index]
        let density = analysis.linkDensity(index)
        if isCaptionOrCredit(index) {
            let kind: ContentBlock.Kind = analysis.document.classNames[index].matches(.credit) ? .credit : .caption
            return (ContentBlock(kind: kind, text: analysis.text(of: index)), density)
        }
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return (
                ContentBlock(kind: .heading, text: analysis.text(of: index), level: Int(String(node.name.last!))),
                density
            )
        case "pre":
            return (ContentBlock(kind: .preformatted, text: analysis.text(of: index)), density)
        default: break
        }
        if analysis.hasBlockDescendant[index] { return nil }
        switch node.name {
        case "p", "dd", "dt", "address", "summary", "td", "th", "caption", "blockquote":
            return (
                ContentBlock(
                    kind: quote || node.name == "blockquote" ? .quote : .paragraph, text: analysis.text(of: index)),
                density
            )
        case "li":
            return (ContentBlock(kind: quote ? .quote : .listItem, text: analysis.text(of: index)), density)
        case "tr":
            let cells = analysis.document.children(of: index)
                .filter { !analysis.removed[$0] && !analysis.document.nodes[$0].isText }
                .map { Whitespace.folded(analysis.text(of: $0)) }.filter { !$0.isEmpty }
            return (ContentBlock(kind: .tableRow, text: cells.joined(separator: "\t")), density)
        default:
            return nil
        }
    }

    private func isCaptionOrCredit(_ index: Int) -> Bool {
        let node = analysis.document.nodes[index]
        if node.name == "figcaption" { return true }
        guard node.name != "body", node.name != "article", node.name != "main" else { return false }
        let names = analysis.document.classNames[index]
        return !names.isEmpty && (names.matches(.caption) || names.matches(.credit))
            && analysis.textLength[index] < 600
    }

    private func flush(_ frame: inout Frame, into output: inout [ContentBlock]) {
        defer {
            frame.run = ""
            frame.runLinks = 0
        }
        let text = Whitespace.folded(frame.run)
        guard !text.isEmpty else { return }
        let density = Double(frame.runLinks) / Double(max(text.utf8.count, 1))
        append(ContentBlock(kind: frame.quote ? .quote : .paragraph, text: text), density: density, to: &output)
    }

    /// Adds a block unless it is empty, mostly links, or a known boilerplate line.
    private func append(_ block: ContentBlock, density: Double, to output: inout [ContentBlock]) {
        var block = block
        if block.kind == .preformatted {
            block.text = block.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Whitespace.folded($0) }.joined(separator: "\n")
            block.text = Whitespace.trimmed(block.text)
        } else {
            block.text = Whitespace.folded(block.text)
        }
        guard !block.text.isEmpty else { return }
        // A listing's items are links with a title's length; its menus' links are a word or two.
        let linkedItem = analysis.pageType == .listing && block.text.utf8.count >= 20
        if density > 0.6, block.text.utf8.count < 250, !linkedItem { return }
        let lowered = block.text.lowercased().trimmingCharacters(in: [":", " ", "»", "›", "|"])
        if ExtractionRules.boilerplateLines.contains(lowered) || Self.isLoadingPlaceholder(lowered) { return }
        output.append(block)
    }

    /// "Loading specifications…", "Loading prices for your region...": a script's placeholder for text it
    /// fetches later, standing in for nothing the page says.
    static func isLoadingPlaceholder(_ lowered: String) -> Bool {
        guard lowered.hasPrefix("loading "), lowered.hasSuffix("…") || lowered.hasSuffix("...") else { return false }
        return lowered.split(separator: " ").count <= 6
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
