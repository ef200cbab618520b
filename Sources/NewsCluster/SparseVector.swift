/// Term weights kept sorted by term id: iteration order (and so every float sum) is the same in every process,
/// and two vectors meet in one merge pass, with no hashing.
struct SparseVector: Sendable, Hashable, Codable {
    /// Term ids, ascending.
    private(set) var terms: [Int32] = []
    /// The weight of each term.
    private(set) var values: [Double] = []

    var count: Int { terms.count }

    /// An empty vector.
    init() {}

    /// A vector of terms (ascending) and their weights.
    init(terms: [Int32], values: [Double]) {
        self.terms = terms
        self.values = values
    }

    /// Adds `value` to each term's weight (pairs in any order).
    mutating func add(_ pairs: [(term: Int32, value: Double)]) {
        let incoming = pairs.sorted { $0.term < $1.term }
        var mergedTerms: [Int32] = []
        var mergedValues: [Double] = []
        mergedTerms.reserveCapacity(terms.count + incoming.count)
        mergedValues.reserveCapacity(terms.count + incoming.count)
        var left = 0
        var right = 0
        while left < terms.count || right < incoming.count {
            if right == incoming.count || (left < terms.count && terms[left] < incoming[right].term) {
                mergedTerms.append(terms[left])
                mergedValues.append(values[left])
                left += 1
            } else if left == terms.count || incoming[right].term < terms[left] {
                mergedTerms.append(incoming[right].term)
                mergedValues.append(incoming[right].value)
                right += 1
            } else {
                mergedTerms.append(terms[left])
                mergedValues.append(values[left] + incoming[right].value)
                left += 1
                right += 1
            }
        }
        terms = mergedTerms
        values = mergedValues
    }

    /// Adds another vector.
    mutating func add(_ other: SparseVector) {
        add(zip(other.terms, other.values).map { ($0, $1) })
    }

    /// Keeps only the given terms.
    mutating func keep(_ kept: Set<Int32>) {
        var keptTerms: [Int32] = []
        var keptValues: [Double] = []
        for index in terms.indices where kept.contains(terms[index]) {
            keptTerms.append(terms[index])
            keptValues.append(values[index])
        }
        terms = keptTerms
        values = keptValues
    }

    /// Each term with its value, in term order.
    var pairs: Zip2Sequence<[Int32], [Double]> { zip(terms, values) }
}
