internal import NewsCore

/// Union-find over small integer ids, with path halving.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ first: Int, _ second: Int) {
        let (a, b) = (find(first), find(second))
        guard a != b else { return }
        // The smaller root wins, so the result does not depend on the order of unions.
        if a < b { parent[b] = a } else { parent[a] = b }
    }
}

/// Groups a story's articles into independent origins: wire copies of one text are one origin, and so are
/// the articles of one outlet, and the outlets of one owner.
enum OriginGrouping {
    /// Each article's origin index (0-based, in order of first article) and the origins.
    static func group(_ articles: [CoverageArticle]) -> (ofArticle: [Int], origins: [Origin]) {
        var sets = DisjointSets(count: articles.count)
        let index = Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byOwner: [String: Int] = [:]
        for (position, article) in articles.enumerated() {
            if let original = index[article.duplicateOf] { sets.union(position, original) }
            let owner = (article.owner ?? article.outlet).lowercased()
            if let earlier = byOwner[owner] { sets.union(position, earlier) } else { byOwner[owner] = position }
        }
        var originOfRoot: [Int: Int] = [:]
        var ofArticle: [Int] = []
        var origins: [Origin] = []
        for (position, article) in articles.enumerated() {
            let root = sets.find(position)
            let origin: Int
            if let known = originOfRoot[root] {
                origin = known
            } else {
                origin = origins.count
                originOfRoot[root] = origin
                origins.append(Origin(id: origin, label: "", outlets: [], articles: []))
            }
            ofArticle.append(origin)
            origins[origin].articles.append(article.id)
            if !origins[origin].outlets.contains(article.outlet) { origins[origin].outlets.append(article.outlet) }
        }
        for index in origins.indices { origins[index].label = origins[index].outlets.joined(separator: " + ") }
        return (ofArticle, origins)
    }
}
