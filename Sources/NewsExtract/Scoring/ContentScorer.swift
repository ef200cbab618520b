/// Finds the element holding the article: a readability-style vote of paragraphs for their ancestors,
/// weighted by tag, class and link density, with semantic markup (`itemprop=articleBody`, `<article>`,
/// `<main>`, content class names) as boosts.
struct ContentScorer {
    let analysis: PageAnalysis
    /// The share of the page's text outside links that the chosen root must hold: the best-scoring box is
    /// widened to its smallest ancestor that holds this much.
    ///
    /// NB: measured on wcxb-dev: 0.6 took article pages from 0.878 to 0.940 word F1 (intros, lists and
    /// sub-sections often sit beside the densest box), and all pages from 0.676 to 0.806.
    var coverage = 0.6

    /// The chosen roots, in document order: the best candidate and the siblings that belong with it.
    func contentRoots() -> [Int] {
        let nodes = analysis.document.nodes
        var score: [Int: Double] = [:]
        func initial(_ index: Int) -> Double {
            let node = nodes[index]
            var base: Double
            switch node.name {
            case "div", "article", "section", "main": base = 5
            case "pre", "td", "blockquote": base = 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": base = -3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": base = -5
            default: base = 0
            }
            let names = analysis.document.classNames[index]
            if names.isContent { base += 25 }
            if names.matches(analysis.boilerplate), !names.isContent { base -= 25 }
            if node.attribute("itemprop") == "articleBody" { base += 40 }
            if node.name == "article" { base += 15 }
            if node.name == "main" { base += 10 }
            return base
        }
        for index in nodes.indices where !analysis.removed[index] && isParagraph(index) {
            let length = analysis.textLength[index]
            guard length >= 25 else { continue }
            let points = 1 + Double(analysis.commas[index]) + min(Double(length) / 100, 3)
            var ancestor = Int(nodes[index].parent)
            var level = 0
            while ancestor >= 0, level < 3 {
                if score[ancestor] == nil { score[ancestor] = initial(ancestor) }
                score[ancestor]! += points / Double(level == 0 ? 1 : level * 2)
                ancestor = Int(nodes[ancestor].parent)
                level += 1
            }
        }
        var best: Int?
        var bestScore = -Double.infinity
        // A listing's items are links: they weigh as text there.
        let linkWeight = analysis.pageType == .listing ? 0.3 : 1
        for (index, value) in score {
            let adjusted = value * (1 - linkWeight * analysis.linkDensity(index))
            score[index] = adjusted
            if adjusted > bestScore || (adjusted == bestScore && index < (best ?? .max)) {
                (best, bestScore) = (index, adjusted)
            }
        }
        guard var top = best else { return [analysis.body] }
        // A parent that scores nearly as well holds more of the same article (split into several boxes).
        while true {
            let parent = Int(nodes[top].parent)
            guard parent >= 0, parent != analysis.body, let parentScore = score[parent],
                parentScore >= bestScore * 0.9,
                analysis.textLength[parent] < analysis.textLength[top] * 3
            else { break }
            top = parent
        }
        top = covering(top, share: coverage)
        return siblings(of: top, score: score)
    }

    /// The smallest ancestor-or-self of `start` holding `share` of the body's text outside links.
    private func covering(_ start: Int, share: Double) -> Int {
        let nodes = analysis.document.nodes
        let listing = analysis.pageType == .listing
        func useful(_ index: Int) -> Int { analysis.textLength[index] - (listing ? 0 : analysis.linkLength[index]) }
        let target = Double(useful(analysis.body)) * share
        var node = start
        while Double(useful(node)) < target, nodes[node].parent >= 0, node != analysis.body {
            node = Int(nodes[node].parent)
        }
        return node
    }

    /// The top candidate plus siblings that score well or read as prose.
    private func siblings(of top: Int, score: [Int: Double]) -> [Int] {
        let nodes = analysis.document.nodes
        let parent = Int(nodes[top].parent)
        guard parent >= 0 else { return [top] }
        let topScore = score[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        var roots: [Int] = []
        for child in analysis.document.children(of: parent) where !analysis.removed[child] {
            if child == top {
                roots.append(child)
                continue
            }
            let length = analysis.textLength[child]
            let density = analysis.linkDensity(child)
            if let value = score[child], value >= threshold {
                roots.append(child)
            } else if nodes[child].name == "p", length > 80, density < 0.25 {
                roots.append(child)
            } else if nodes[child].name == "p", length > 0, density == 0, analysis.commas[child] > 0 {
                roots.append(child)
            }
        }
        return roots
    }

    /// A paragraph-like node: a block of prose, or a container whose children are all inline.
    func isParagraph(_ index: Int) -> Bool {
        let node = analysis.document.nodes[index]
        switch node.name {
        case "p", "pre", "td", "blockquote", "li", "dd": return true
        case "div", "section", "span", "article", "font", "center": break
        default: return false
        }
        return analysis.document.children(of: index).allSatisfy { child in
            let childNode = analysis.document.nodes[child]
            return childNode.isText || ExtractionRules.inlineTags.contains(childNode.name)
        }
    }
}
