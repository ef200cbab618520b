public import Foundation
internal import NewsDedup

extension StoryClusterer {
    /// A story as the clusterer keeps it.
    public struct Story: Sendable, Hashable {
        /// Everything a story holds.
        fileprivate struct Fields: Hashable {
            var seq: Int
            var id: String
            var articles: [String]
            var size: Int
            var firstSeen: Date?
            var lastSeen: Date?
            var isClosed: Bool
            var mergedInto: String?
            var isPinned = false
            var centroid = SparseVector()
            var names: [String: Int] = [:]
            var nameKeys: [UInt64] = []
            var indexed: Set<Int32> = []
            var loosestJoin: Double?
            var joins = 0
        }

        /// The fields behind one reference, copied on write: a story is read out of the working set for every
        /// posting a candidate search walks (thousands per article), and one retain is what a copy costs then,
        /// not one per array, string and table it holds.
        private final class Box: @unchecked Sendable {
            // NB: unchecked: a box is only mutated while uniquely referenced (`fields`' modify copies it first).
            var fields: Fields
            init(_ fields: Fields) { self.fields = fields }
        }

        private var box: Box

        /// The fields to change: the box is copied first unless this story alone holds it.
        private var fields: Fields {
            get { box.fields }
            _modify {
                if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
                yield &box.fields
            }
        }

        /// Its creation number: candidates are taken, and ties broken, in this order.
        public var seq: Int {
            get { box.fields.seq }
            set { fields.seq = newValue }
        }
        /// Its id: the id of the article that started it.
        public var id: String {
            get { box.fields.id }
            set { fields.id = newValue }
        }
        /// The ids of its articles added to this clusterer, in the order they joined (all of them for a clusterer
        /// that started empty; empty once merged into another story).
        public var articles: [String] {
            get { box.fields.articles }
            _modify { yield &fields.articles }
        }
        /// How many articles it holds (0 once merged into another story).
        public var size: Int {
            get { box.fields.size }
            set { fields.size = newValue }
        }
        /// The first and last publication times seen, if any.
        public var firstSeen: Date? {
            get { box.fields.firstSeen }
            set { fields.firstSeen = newValue }
        }
        /// See `firstSeen`.
        public var lastSeen: Date? {
            get { box.fields.lastSeen }
            set { fields.lastSeen = newValue }
        }
        /// Whether it closed after a silence longer than the window, or was merged into another.
        public var isClosed: Bool {
            get { box.fields.isClosed }
            set { fields.isClosed = newValue }
        }
        /// The story it was merged into, if it was.
        public var mergedInto: String? {
            get { box.fields.mergedInto }
            set { fields.mergedInto = newValue }
        }
        /// Whether a person pinned it: it never closes and is never merged into another story.
        public var isPinned: Bool {
            get { box.fields.isPinned }
            set { fields.isPinned = newValue }
        }
        /// Term frequencies (log-scaled, each article's normalised) summed over its articles, by term id, pruned
        /// to its heaviest terms. Weighted by IDF only when compared, so early articles' IDF does not stick.
        var centroid: SparseVector {
            get { box.fields.centroid }
            _modify { yield &fields.centroid }
        }
        /// How often each name was mentioned by its articles (changed through `mention`, `unmention` and
        /// `replaceNames`, which keep the names' keys in step: their `NameKey`s, ascending, which an article's
        /// names are looked up in by binary search instead of hashing each name again for every candidate).
        var names: [String: Int] { box.fields.names }
        /// The terms it is indexed under.
        var indexed: Set<Int32> {
            get { box.fields.indexed }
            _modify { yield &fields.indexed }
        }
        /// The least term similarity an article joined it with (`nil` until one joined, and for stories saved
        /// before it was kept): how loose the story already is.
        var loosestJoin: Double? {
            get { box.fields.loosestJoin }
            set { fields.loosestJoin = newValue }
        }
        /// How many articles joined it after the first (a merge adds the other story's and itself).
        var joins: Int {
            get { box.fields.joins }
            set { fields.joins = newValue }
        }

        /// A new story of one article (not yet profiled).
        init(seq: Int, id: String, article: String, published: Date?) {
            box = Box(
                Fields(
                    seq: seq, id: id, articles: [article], size: 1, firstSeen: published, lastSeen: published,
                    isClosed: false))
        }

        /// Counts `times` more mentions of a name.
        mutating func mention(_ name: String, times: Int = 1) {
            let known = box.fields.names.count
            fields.names[name, default: 0] += times
            guard box.fields.names.count > known else { return }
            let key = NameKey.of(name)
            fields.nameKeys.insert(key, at: firstKeyIndex(notBelow: key))
        }

        /// Counts one mention of a name less, forgetting it at none.
        mutating func unmention(_ name: String) {
            guard let count = box.fields.names[name] else { return }
            guard count <= 1 else {
                fields.names[name] = count - 1
                return
            }
            replaceNames(box.fields.names.filter { $0.key != name })
        }

        /// Replaces every name count.
        mutating func replaceNames(_ names: [String: Int]) {
            fields.names = names
            fields.nameKeys = names.keys.map(NameKey.of).sorted()
        }

        /// Whether the story mentions a name of this key.
        func mentions(key: UInt64) -> Bool {
            let index = firstKeyIndex(notBelow: key)
            return index < box.fields.nameKeys.count && box.fields.nameKeys[index] == key
        }

        /// Where `key` is, or would go, among the names' keys (by halves).
        private func firstKeyIndex(notBelow key: UInt64) -> Int {
            let keys = box.fields.nameKeys
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// Whether two stories hold the same fields (the same box, or equal contents).
        public static func == (a: Story, b: Story) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

        /// Hashes the fields, as `==` compares them.
        public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
    }
}

/// The keys stories look names up by: FNV-1a of the name's UTF-8, mixed. Two names of one story sharing a key
/// (odds about 1 in 10^14 at 512 names) would count as one; the keys are never saved.
enum NameKey {
    static func of(_ name: String) -> UInt64 { StableHash.mix(StableHash.fnv1a(name.utf8)) }
}
