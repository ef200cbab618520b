internal import Foundation
internal import NewsCluster

/// One scored clustering set: a shared file, as given or changed to test what it cannot test as given.
struct ClusteringSet {
    /// How the file's articles are changed.
    enum Variant {
        /// As given, in order of publication, then id.
        case asGiven
        /// Dates removed, in a fixed shuffled order: BASIL's ids put a story's three articles side by side, and
        /// an undated stream in id order would hand the clusterer each story whole.
        case undated
        /// As `undated`, each text cut to its lead (the first paragraph that is not the headline, at most 60
        /// words): short undated headline-and-lead records, as researchers' dumps often are.
        case undatedLeads
        /// Every story moved so that the k-th (by its first date) starts 36 hours after the (k-1)-th, its
        /// articles keeping their offsets: unrelated events of one topic (elections, shutdowns, one president)
        /// then recur within days of each other, as in a real year of political news.
        case recurring
    }

    /// The name scores are reported under.
    var name: String
    /// The file in the data folder, which is also the gold.
    var file: String
    var variant: Variant
    /// Whether PolNeAR's 924 political articles of 2016 (undated, in the same shuffled order) are mixed in as
    /// distractors: outside the gold, so they score only by what they pull together, as a real archive's other
    /// stories of the same topics do. Cut to leads with the set's own texts.
    var crowded = false

    /// Every set scored, in report order.
    static let all = [
        ClusteringSet(name: "basil", file: "basil.jsonl", variant: .asGiven),
        ClusteringSet(name: "googlenews", file: "googlenews-ts.jsonl", variant: .asGiven),
        ClusteringSet(name: "basil-undated", file: "basil.jsonl", variant: .undated, crowded: true),
        ClusteringSet(name: "basil-leads", file: "basil.jsonl", variant: .undatedLeads, crowded: true),
        ClusteringSet(name: "basil-recurring", file: "basil.jsonl", variant: .recurring),
    ]

    /// The set's articles, in the order they are clustered.
    func documents(from given: [ClusterDocument]) -> [ClusterDocument] {
        switch variant {
        case .asGiven:
            return given.sorted { ($0.published ?? .distantPast, $0.id) < ($1.published ?? .distantPast, $1.id) }
        case .undated:
            return given.map { ClusterDocument(id: $0.id, title: $0.title, text: $0.text, published: nil) }
                .sorted { (Self.mix($0.id), $0.id) < (Self.mix($1.id), $1.id) }
        case .undatedLeads:
            return ClusteringSet(name: name, file: file, variant: .undated).documents(from: given).map { document in
                let paragraphs = document.text.components(separatedBy: "\n\n")
                let lead = paragraphs.first { $0.lowercased() != document.title.lowercased() } ?? ""
                let words = lead.split(separator: " ", omittingEmptySubsequences: true).prefix(60)
                return ClusterDocument(
                    id: document.id, title: document.title, text: words.joined(separator: " "), published: nil)
            }
        case .recurring:
            // A story is its id without the last "_n" (BASIL's own naming), as the gold file says.
            let story = { (document: ClusterDocument) in String(document.id.split(separator: "_").first ?? "") }
            let grouped = Dictionary(grouping: given, by: story)
            let starts = grouped.mapValues { $0.compactMap(\.published).min() ?? .distantPast }
            let order = starts.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
            let base = Date(timeIntervalSince1970: 1_500_000_000)
            var moved: [ClusterDocument] = []
            for (index, key) in order.enumerated() {
                let start = starts[key]!
                for document in grouped[key]! {
                    let offset = document.published.map { $0.timeIntervalSince(start) } ?? 0
                    var copy = document
                    copy.published = base.addingTimeInterval(Double(index) * 36 * 3_600 + offset)
                    moved.append(copy)
                }
            }
            return moved.sorted { ($0.published!, $0.id) < ($1.published!, $1.id) }
        }
    }

    /// A fixed 64-bit FNV-1a hash: the same shuffled order in every process.
    static func mix(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
