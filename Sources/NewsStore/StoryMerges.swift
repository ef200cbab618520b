/// Where merged stories lead, worked out from their `merged_into` links alone, for the story check of every
/// engine: each merged story's final live story, and the links that end in a circle or in a story that is gone.
public struct StoryMerges: Sendable, Hashable {
    /// Each merged story's target.
    public var target: [Int64: Int64]
    /// Each merged story's final story (the end of its chain), for those whose chain ends in a story that exists.
    public var final: [Int64: Int64] = [:]
    /// Circles of stories merged into each other, each sorted.
    public var cycles: [[Int64]] = []
    /// Stories merged into a story that does not exist.
    public var dangling: [Int64] = []

    /// Follows every chain of `target`; `exists` tells whether a story row is there.
    public init(target: [Int64: Int64], exists: Set<Int64>) {
        self.target = target
        var inCycle: Set<Int64> = []
        var danglingTargets: Set<Int64> = []
        for start in target.keys.sorted() where final[start] == nil && !inCycle.contains(start) {
            var path: [Int64] = []
            var onPath: [Int64: Int] = [:]
            var current = start
            var end: Int64?
            while true {
                if let known = final[current] {
                    end = known
                    break
                }
                if inCycle.contains(current) || danglingTargets.contains(current) { break }
                if let index = onPath[current] {
                    let cycle = Array(path[index...])
                    cycles.append(cycle.sorted())
                    inCycle.formUnion(cycle)
                    break
                }
                onPath[current] = path.count
                path.append(current)
                guard let next = target[current] else {
                    end = current
                    break
                }
                if !exists.contains(next) {
                    dangling.append(current)
                    danglingTargets.insert(current)
                    break
                }
                current = next
            }
            if let end { for id in path where id != end { final[id] = end } }
        }
    }
}
