internal import Foundation

/// The terms a clusterer has loaded or made: dense arrays by id for the inner loops (an IDF is read for every
/// term of every candidate's profile), the words by id for reasons.
struct TermTable {
    /// Article counts by term id; -1 where not loaded.
    private(set) var frequency: [Int32] = []
    /// log(frequency + 0.5) by term id.
    private var logFrequencies: [Double] = []
    /// Words by id, for the terms loaded.
    private var words: [Int32: String] = [:]
    /// Ids by word, for the terms loaded.
    private(set) var ids: [String: Int32] = [:]

    /// How many terms are loaded.
    var loadedCount: Int { words.count }

    /// Whether the term is loaded.
    func has(_ id: Int32) -> Bool { Int(id) < frequency.count && frequency[Int(id)] >= 0 }

    /// log(frequency + 0.5) of a loaded term (of a term never used, log 0.5).
    func logFrequency(_ id: Int32) -> Double { Int(id) < logFrequencies.count ? logFrequencies[Int(id)] : log(0.5) }

    /// The word of a loaded term.
    func word(_ id: Int32) -> String { words[id] ?? "#\(id)" }

    /// The term as saved.
    func entry(_ id: Int32) -> TermEntry { TermEntry(id: id, word: word(id), frequency: max(0, frequency[Int(id)])) }

    /// Records a term.
    mutating func set(_ entry: TermEntry) {
        let index = Int(entry.id)
        if index >= frequency.count {
            let grow = index + 1 - frequency.count
            frequency += repeatElement(-1, count: grow)
            logFrequencies += repeatElement(log(0.5), count: grow)
        }
        frequency[index] = entry.frequency
        logFrequencies[index] = log(Double(entry.frequency) + 0.5)
        words[entry.id] = entry.word
        ids[entry.word] = entry.id
    }

    /// Counts one more article using the term.
    mutating func count(_ id: Int32) {
        frequency[Int(id)] += 1
        logFrequencies[Int(id)] = log(Double(frequency[Int(id)]) + 0.5)
    }
}

/// What a clusterer changed, to be written back.
struct ChangeLog {
    var stories: Set<Int> = []
    var terms: Set<Int32> = []
    var postings: [PostingChange] = []
    var keptApart: [String: Bool] = [:]
}

/// Loading what a decision needs from the source, and keeping track of what changed.
extension StoryClusterer {
    /// The story created `seq`-th, loaded with its profile's terms if it was not here.
    @discardableResult
    mutating func loadStory(_ seq: Int) -> Story? {
        if let story = working[seq] { return story }
        guard let story = source?.story(seq: seq) else { return nil }
        loadTerms(withIDs: story.centroid.terms)
        working[seq] = story
        storyIndex[story.id] = seq
        return story
    }

    /// Loads the stories among `seqs` that are not here, with their profiles' terms: one question to the source
    /// for the stories and one for the terms they need, whatever their number.
    mutating func loadStories(_ seqs: [Int]) {
        guard let source else { return }
        let missing = seqs.filter { working[$0] == nil }
        guard !missing.isEmpty else { return }
        let found =
            missing.count == 1
            ? source.story(seq: missing[0]).map { [missing[0]: $0] } ?? [:] : source.stories(seqs: missing)
        var needed: [Int32] = []
        for seq in missing {
            guard let story = found[seq] else { continue }
            needed += story.centroid.terms
        }
        loadTerms(withIDs: Set(needed).sorted())
        for seq in missing {
            guard let story = found[seq] else { continue }
            working[seq] = story
            storyIndex[story.id] = seq
        }
    }

    /// The creation number of the story with this id, loading the story.
    mutating func seq(of id: String) -> Int? {
        if let seq = storyIndex[id] { return seq }
        guard let seq = source?.seq(ofStory: id), loadStory(seq) != nil else { return nil }
        return seq
    }

    /// The creation number of the story an article is in, loading the story.
    mutating func seq(holding article: String) -> Int? {
        if let held = working.values.first(where: { $0.articles.contains(article) }) { return held.seq }
        guard let seq = source?.seq(holding: article), loadStory(seq) != nil else { return nil }
        return seq
    }

    /// Loads the saved terms among `words` that are not here.
    mutating func loadTerms(named words: [String]) {
        guard let source else { return }
        let missing = words.filter { terms.ids[$0] == nil }
        if !missing.isEmpty { for entry in source.terms(named: missing) { terms.set(entry) } }
    }

    /// Loads the saved terms with these ids that are not here.
    mutating func loadTerms(withIDs ids: [Int32]) {
        guard let source else { return }
        let missing = ids.filter { !terms.has($0) }
        if !missing.isEmpty { for entry in source.terms(withIDs: missing) { terms.set(entry) } }
    }

    /// The stories indexed under a term, in indexing order.
    mutating func postingList(_ term: Int32) -> [Int] {
        if let list = postings[term] { return list }
        let list = source?.postings(of: term) ?? []
        if source != nil { postings[term] = list }
        return list
    }

    /// Loads the postings of the terms not here in one question to the source (a server's round trip per term
    /// was most of a batch's time on PostgreSQL); what `postingList` then reads is the same.
    mutating func loadPostings(_ wanted: [Int32]) {
        guard let source else { return }
        let missing = wanted.filter { postings[$0] == nil }
        guard !missing.isEmpty else { return }
        let lists = source.postings(of: missing)
        for term in missing { postings[term] = lists[term] ?? [] }
    }

    /// Indexes the story under the term.
    mutating func addPosting(_ term: Int32, _ seq: Int) {
        var list = postingList(term)
        list.append(seq)
        postings[term] = list
        changeLog?.postings.append(.add(term: term, story: seq, position: counters.nextPosting))
        counters.nextPosting += 1
    }

    /// Takes the story out of the term's postings.
    mutating func removePosting(_ term: Int32, _ seq: Int) {
        var list = postingList(term)
        list.removeAll { $0 == seq }
        postings[term] = list.isEmpty && source == nil ? nil : list
        changeLog?.postings.append(.remove(term: term, story: seq))
    }

    /// Whether a person kept the pair apart.
    mutating func isKeptApart(_ pair: String) -> Bool {
        if let kept = keptApart[pair] { return kept }
        let kept = source?.keptApart(pair) ?? false
        if source != nil { keptApart[pair] = kept }
        return kept
    }

    /// Asks the source, in one question, about the pairs not yet known here.
    mutating func loadKeptApart(_ pairs: [String]) {
        guard let source else { return }
        let unknown = Array(Set(pairs.filter { keptApart[$0] == nil })).sorted()
        guard !unknown.isEmpty else { return }
        let kept = source.keptApart(pairs: unknown)
        for pair in unknown { keptApart[pair] = kept.contains(pair) }
    }

    /// Keeps a pair apart, or no longer.
    mutating func setKeptApart(_ pair: String, _ kept: Bool) {
        keptApart[pair] = kept
        changeLog?.keptApart[pair] = kept
    }

    /// Notes that a story changed.
    mutating func changed(_ seq: Int) { changeLog?.stories.insert(seq) }

    /// Lets go of what the source now holds as well, once `takeChanges()` has been saved: closed stories and
    /// the article lists always, and everything loaded when the working set outgrows `budget` (stories, terms
    /// or posting lists). Decisions stay the same (the source gives back what is dropped); memory stays bounded
    /// however many batches one clusterer serves.
    public mutating func forgetSaved(budget: Int = 50_000) {
        guard source != nil, let log = changeLog, log.stories.isEmpty, log.terms.isEmpty, log.postings.isEmpty,
            log.keptApart.isEmpty
        else { return }
        openStories = []
        if working.count > budget || terms.loadedCount > 8 * budget || postings.count > 4 * budget {
            working = [:]
            storyIndex = [:]
            terms = TermTable()
            postings = [:]
            keptApart = [:]
            return
        }
        for (seq, story) in working {
            if story.isClosed {
                working[seq] = nil
                storyIndex[story.id] = nil
            } else if !story.articles.isEmpty {
                working[seq]!.articles = []
            }
        }
    }

    /// What changed since the clusterer was made or last asked, for a store to write; empty for a clusterer
    /// that keeps no changes (one made with `init(options:)`).
    public mutating func takeChanges() -> StoryStateChanges {
        guard let taken = changeLog else { return StoryStateChanges() }
        var changes = StoryStateChanges()
        changes.stories = taken.stories.sorted().compactMap { working[$0] }
        changes.terms = taken.terms.sorted().map { terms.entry($0) }
        changes.postings = taken.postings
        changes.keptApart = taken.keptApart.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        changes.counters = counters
        changeLog = ChangeLog()
        return changes
    }
}
