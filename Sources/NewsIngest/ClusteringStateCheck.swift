internal import Foundation
public import NewsCluster
internal import NewsCore
public import NewsStore

/// Checks the saved clustering state against the tables (`corroborate check`): the scalars readable and past
/// every saved id, every open story's profile readable and indexed under exactly the terms it lists. The store
/// cannot read the clusterer's bytes, so this lives beside the clustering; a repair goes through a clustering
/// session, so it waits for a running batch and the next batch sees it.
public struct ClusteringStateCheck: Sendable {
    /// The problems found, in the form `StoryCheck` reports them.
    public private(set) var findings: [StoryCheck.Finding] = []
    private var summary: ClusteringStateSummary
    private var unreadableMeta = false
    private var countersBehind = false
    private var unreadableProfiles: [Int64] = []
    private var mismatched: [Int64] = []

    /// Whether nothing is wrong.
    public var isConsistent: Bool { findings.isEmpty }

    /// Reads the state from `store` and checks it.
    public static func run(_ store: any ArticleStore) async throws(StoreError) -> ClusteringStateCheck {
        ClusteringStateCheck(try await store.clusteringStateSummary())
    }

    /// Checks a summary the store read.
    public init(_ summary: ClusteringStateSummary) {
        self.summary = summary
        guard let meta = summary.meta else { return }
        // NB: a state another algorithm wrote is reported by the story check already (`algorithm`).
        guard meta.algorithm == StoryClustering.algorithm else { return }
        if let counters = Self.counters(meta) {
            countersBehind = !Self.isPast(counters, meta.duplicateCount, summary)
        } else {
            unreadableMeta = true
        }
        for story in summary.openStories {
            let decoded = try? StoryClusterer.Story(
                seq: Int(story.seq), id: String(story.story.rawValue), size: story.size, firstSeen: story.firstSeen,
                lastSeen: story.lastSeen, isClosed: story.isClosed, mergedInto: nil, isPinned: story.isPinned,
                profile: Array(story.profile))
            guard let decoded else {
                unreadableProfiles.append(story.seq)
                continue
            }
            let posted = summary.postings[story.seq] ?? []
            if posted != decoded.indexedTerms || summary.postingsWithoutTerm[story.seq] != nil {
                mismatched.append(story.seq)
            }
        }
        let orphans = summary.postingsWithoutTerm.values.reduce(0) { $0 + $1.count }
        if unreadableMeta { findings.append(.init(problem: .unreadableClusteringState, count: 1, examples: [])) }
        if countersBehind { findings.append(.init(problem: .countersBehindTables, count: 1, examples: [])) }
        if !unreadableProfiles.isEmpty {
            findings.append(
                .init(
                    problem: .unreadableProfiles, count: unreadableProfiles.count,
                    examples: examples(unreadableProfiles)))
        }
        if !mismatched.isEmpty || orphans > 0 {
            findings.append(
                .init(problem: .indexMismatch, count: max(mismatched.count, 1), examples: examples(mismatched)))
        }
    }

    /// Up to five story ids among the stories created `seqs`-th.
    private func examples(_ seqs: [Int64]) -> [Int64] {
        let wanted = Set(seqs.prefix(5))
        return summary.openStories.filter { wanted.contains($0.seq) }.map(\.story.rawValue)
    }

    private static func counters(_ meta: ClusteringMeta) -> ClustererCounters? {
        guard (try? JSONDecoder().decode(ClusterOptions.self, from: meta.options)) != nil else { return nil }
        return try? JSONDecoder().decode(ClustererCounters.self, from: meta.counters)
    }

    /// Whether every counter is past the highest id the tables hold, so the next batch's ids are fresh.
    private static func isPast(
        _ counters: ClustererCounters, _ duplicateCount: Int, _ summary: ClusteringStateSummary
    ) -> Bool {
        Int64(counters.nextTerm) > Int64(summary.highestTerm ?? -1)
            && Int64(counters.nextStory) > summary.highestStory ?? -1
            && counters.nextPosting > summary.highestPosting ?? -1
            && Int64(duplicateCount) > Int64(summary.highestDuplicatePosition ?? -1)
            && duplicateCount >= summary.duplicateEntries
    }

    /// Counters past every id the tables hold, keeping what `counters` knew that they do not say.
    private static func repaired(_ counters: ClustererCounters, _ summary: ClusteringStateSummary) -> ClustererCounters
    {
        var counters = counters
        counters.nextTerm = max(counters.nextTerm, (summary.highestTerm ?? -1) + 1)
        counters.nextStory = max(counters.nextStory, Int(summary.highestStory ?? -1) + 1)
        counters.nextPosting = max(counters.nextPosting, (summary.highestPosting ?? -1) + 1)
        if counters.latest == nil { counters.latest = summary.openStories.compactMap(\.lastSeen).max() }
        return counters
    }

    /// Repairs what was found, in one clustering session; nothing stored is lost. A rewritten state takes today's
    /// `options`; stories that cannot be trusted are closed (their articles stay where they are).
    public func repair(_ store: any ArticleStore, options: ClusterOptions = ClusterOptions()) async throws(StoreError) {
        guard !isConsistent else { return }
        let summary = summary
        let (unreadableMeta, countersBehind) = (unreadableMeta, countersBehind)
        let retired = Set(unreadableProfiles + mismatched)
        let unreadable = Set(unreadableProfiles)
        // NB: the session's body returns a value: a `Void` one with typed throws crashes the 6.3 compiler (SIL
        // ownership verifier).
        _ = try await store.withClusteringSession { session throws(StoreError) -> Bool in
            guard var meta = try session.meta() else { return false }
            if unreadableMeta || countersBehind {
                let saved = Self.counters(meta)
                let counters = Self.repaired(saved ?? ClustererCounters(), summary)
                do {
                    if saved == nil { meta.options = try JSONEncoder().encode(options) }
                    meta.counters = try JSONEncoder().encode(counters)
                } catch {
                    throw StoreError.failed("the clustering state", operation: "repairing it", reason: "\(error)")
                }
                meta.duplicateCount = max(
                    meta.duplicateCount, summary.duplicateEntries, Int(summary.highestDuplicatePosition ?? -1) + 1)
            }
            var write = ClusteringWrite(meta: meta)
            for seq in retired.sorted() {
                guard var story = try session.storyState(seq: seq) else { continue }
                story.isClosed = true
                if unreadable.contains(seq) { story.profile = Data(StoryClusterer.Story.emptyProfile()) }
                write.stories.append(story)
                for term in (summary.postings[seq] ?? []).sorted() {
                    write.postings.append(.remove(term: term, story: seq))
                }
            }
            for (seq, terms) in summary.postingsWithoutTerm.sorted(by: { $0.key < $1.key }) {
                for term in terms.sorted() { write.postings.append(.remove(term: term, story: seq)) }
            }
            try session.write(write)
            return true
        }
    }
}

extension StoryClustering {
    /// The story check of `store` (`ArticleStore.checkStories`) with the clustering state's findings added;
    /// with `repair`, both repaired (the stories first, then the state) and the state checked again.
    public static func checkStories(
        in store: any ArticleStore, repair: Bool, options: ClusterOptions = ClusterOptions()
    ) async throws(StoreError) -> StoryCheck {
        var check = try await store.checkStories(repair: repair)
        let state = try await ClusteringStateCheck.run(store)
        check.findings += state.findings
        guard repair, !state.isConsistent else { return check }
        try await state.repair(store, options: options)
        let after = try await ClusteringStateCheck.run(store)
        guard after.isConsistent else {
            throw StoreError.failed(
                "the clustering state", operation: "repairing it",
                reason: "still inconsistent after the repair: "
                    + after.findings.map { "\($0.count) \($0.problem.rawValue)" }.joined(separator: ", "))
        }
        check.repaired = true
        return check
    }
}
