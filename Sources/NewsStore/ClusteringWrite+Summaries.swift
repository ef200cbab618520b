internal import NewsCore

/// Which stories a clustering write can update by what their new articles add, and which must be recounted: one
/// rule for every engine.
extension ClusteringWrite {
    /// The write's assignments split by how their stories' summaries are kept, by story id: `fresh` holds the
    /// assignments of articles no story held and assigned once; `recount` the stories in a merge, that lost or
    /// regained an article (a split, a rewrite) or took one twice, and every story of a write that moved the
    /// schema-7 state. `earlier` gives, by article id, the story each article was in before the write.
    ///
    /// NB: a story that also took a moved article is recounted: it is in `fresh` or `recount`, never both.
    public func summaryChanges(earlier: [Int64: Int64]) -> (fresh: [Int64: [StoryAssignment]], recount: Set<Int64>) {
        var recount = Set(merges.flatMap { [$0.from.rawValue, $0.into.rawValue] })
        if movedLegacyState { recount.formUnion(stories.map(\.story.rawValue)) }
        var timesAssigned: [Int64: Int] = [:]
        for assignment in assignments { timesAssigned[assignment.article.rawValue, default: 0] += 1 }
        var fresh: [Int64: [StoryAssignment]] = [:]
        for assignment in assignments {
            let story = assignment.story.rawValue
            if let before = earlier[assignment.article.rawValue] {
                recount.formUnion([before, story])  // moved (a split), or written again
            } else if timesAssigned[assignment.article.rawValue]! > 1 {
                recount.insert(story)
            } else {
                fresh[story, default: []].append(assignment)
            }
        }
        return (fresh.filter { !recount.contains($0.key) }, recount)
    }
}
