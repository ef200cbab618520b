/// Aligns claims across a story's articles: the same fact in other words ends up in one group.
///
/// Candidate pairs come from an inverted index over the claims' features (features most claims share,
/// like the story's main country, do not propose candidates). Pairs whose cosine reaches the threshold
/// are joined greedily, strongest first, and two groups join only when no article has a claim in both:
/// a group holds at most one sentence per article, so a chain of weak links cannot pull an article's
/// whole text into one fact.
enum ClaimAligner {
    static func align(_ claims: [Claim], options: ComparisonOptions) -> [[Int]] {
        var postings: [Int: [Int]] = [:]
        for (index, claim) in claims.enumerated() {
            for id in claim.vector.ids { postings[id, default: []].append(index) }
        }
        let commonLimit = max(8, claims.count * 3 / 10)
        var pairs: [(score: Double, first: Int, second: Int)] = []
        var seen = [Int](repeating: -1, count: claims.count)
        for (index, claim) in claims.enumerated() {
            for id in claim.vector.ids {
                guard let list = postings[id], list.count <= commonLimit else { continue }
                for other in list where other > index && seen[other] != index {
                    seen[other] = index
                    guard claims[other].article != claim.article else { continue }
                    let (score, shared) = claim.vector.cosine(claims[other].vector)
                    if score >= options.alignThreshold && shared >= options.minimumShared {
                        pairs.append((score, index, other))
                    }
                }
            }
        }
        pairs.sort { ($0.score, $1.first, $1.second) > ($1.score, $0.first, $0.second) }
        var sets = DisjointSets(count: claims.count)
        var articlesOfRoot: [Int: Set<Int>] = [:]
        for (index, claim) in claims.enumerated() { articlesOfRoot[index] = [claim.article] }
        for pair in pairs {
            let (a, b) = (sets.find(pair.first), sets.find(pair.second))
            guard a != b, let left = articlesOfRoot[a], let right = articlesOfRoot[b], left.isDisjoint(with: right)
            else { continue }
            sets.union(a, b)
            let root = sets.find(a)
            articlesOfRoot[a] = nil
            articlesOfRoot[b] = nil
            articlesOfRoot[root] = left.union(right)
        }
        var groupOfRoot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for index in claims.indices {
            let root = sets.find(index)
            if let group = groupOfRoot[root] {
                groups[group].append(index)
            } else {
                groupOfRoot[root] = groups.count
                groups.append([index])
            }
        }
        return groups
    }
}
