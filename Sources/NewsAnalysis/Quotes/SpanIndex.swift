internal import NewsCore

/// Spans sorted by start with the running maximum of their ends, so the spans overlapping a range are found by
/// binary search instead of a scan (a sentence may hold thousands of quotes).
struct SpanIndex {
    private let spans: [(range: TextRange, index: Int)]
    private let reach: [Int]

    init(_ ranges: [TextRange]) {
        spans = ranges.enumerated().map { ($0.element, $0.offset) }.sorted { $0.range.start < $1.range.start }
        var reach: [Int] = []
        reach.reserveCapacity(spans.count)
        for span in spans { reach.append(max(reach.last ?? .min, span.range.end)) }
        self.reach = reach
    }

    /// The indices (into the ranges given) of the spans overlapping `range`.
    func overlapping(_ range: TextRange) -> [Int] {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if reach[middle] <= range.start { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        while low < spans.count, spans[low].range.start < range.end {
            if spans[low].range.end > range.start { found.append(spans[low].index) }
            low += 1
        }
        return found
    }
}
