public import Foundation
internal import NewsCore

/// A story's profile (its term centroid, names and indexed terms) as the bytes a store keeps: little-endian
/// binary, names sorted, so that equal profiles are equal bytes and a story of 240 terms costs about 3 KB, not
/// the 10 KB of its JSON.
extension StoryClusterer.Story {
    /// Why saved profile bytes could not be read.
    public struct ProfileError: Error, Hashable, Sendable {
        /// What was wrong with them.
        public var reason: String
    }

    /// 2 adds the story's spread (its loosest join and join count) after the names; 1 is read as of unknown spread.
    static let profileFormat: UInt8 = 2

    /// The profile as bytes.
    public func encodedProfile() -> [UInt8] {
        var out: [UInt8] = [Self.profileFormat]
        out.reserveCapacity(16 + centroid.count * 12 + indexed.count * 4 + names.count * 16)
        Self.append(UInt32(centroid.count), to: &out)
        for term in centroid.terms { Self.append(UInt32(bitPattern: term), to: &out) }
        for value in centroid.values { Self.append(value.bitPattern, to: &out) }
        Self.append(UInt32(indexed.count), to: &out)
        for term in indexed.sorted() { Self.append(UInt32(bitPattern: term), to: &out) }
        Self.append(UInt32(names.count), to: &out)
        for (name, count) in names.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(name.utf8)
            Self.append(UInt32(bytes.count), to: &out)
            out += bytes
            Self.append(UInt32(clamping: count), to: &out)
        }
        Self.append((loosestJoin ?? .nan).bitPattern, to: &out)
        Self.append(UInt32(clamping: joins), to: &out)
        return out
    }

    /// A saved story: its scalars and its profile bytes (`encodedProfile()`).
    public init(
        seq: Int, id: String, size: Int, firstSeen: Date?, lastSeen: Date?, isClosed: Bool, mergedInto: String?,
        isPinned: Bool, profile: [UInt8]
    ) throws(ProfileError) {
        self.init(seq: seq, id: id, article: id, published: nil)
        articles = []
        self.size = size
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.isClosed = isClosed
        self.mergedInto = mergedInto
        self.isPinned = isPinned
        var reader = ByteReader(bytes: profile)
        let format = reader.byte()
        guard format == 1 || format == Self.profileFormat else {
            throw ProfileError(
                reason: "story \(id): profile format \(profile.first.map(String.init) ?? "none") unknown")
        }
        guard let termCount = reader.uint32().map(Int.init), termCount <= profile.count else {
            throw ProfileError(reason: "story \(id): profile cut short")
        }
        var terms: [Int32] = []
        var values: [Double] = []
        terms.reserveCapacity(termCount)
        values.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let term = reader.uint32() else { throw ProfileError(reason: "story \(id): profile cut short") }
            terms.append(Int32(bitPattern: term))
        }
        for _ in 0..<termCount {
            guard let bits = reader.uint64() else { throw ProfileError(reason: "story \(id): profile cut short") }
            values.append(Double(bitPattern: bits))
        }
        guard zip(terms, terms.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ProfileError(reason: "story \(id): profile terms out of order")
        }
        centroid = SparseVector(terms: terms, values: values)
        guard let indexedCount = reader.uint32().map(Int.init), indexedCount <= profile.count else {
            throw ProfileError(reason: "story \(id): profile cut short")
        }
        indexed.reserveCapacity(indexedCount)
        for _ in 0..<indexedCount {
            guard let term = reader.uint32() else { throw ProfileError(reason: "story \(id): profile cut short") }
            indexed.insert(Int32(bitPattern: term))
        }
        guard let nameCount = reader.uint32().map(Int.init), nameCount <= profile.count else {
            throw ProfileError(reason: "story \(id): profile cut short")
        }
        var names: [String: Int] = [:]
        names.reserveCapacity(nameCount)
        for _ in 0..<nameCount {
            guard let length = reader.uint32().map(Int.init), let bytes = reader.bytes(length),
                let count = reader.uint32()
            else { throw ProfileError(reason: "story \(id): profile cut short") }
            names[String(decoding: bytes, as: UTF8.self)] = Int(count)
        }
        replaceNames(names)
        if format == 2 {
            guard let bits = reader.uint64(), let joined = reader.uint32() else {
                throw ProfileError(reason: "story \(id): profile cut short")
            }
            let loosest = Double(bitPattern: bits)
            loosestJoin = loosest.isNaN ? nil : loosest
            joins = Int(joined)
        }
        guard reader.isAtEnd else { throw ProfileError(reason: "story \(id): bytes after the profile") }
    }

    /// The terms the story is indexed under, as its profile lists them (the postings must hold the same).
    public var indexedTerms: Set<Int32> { indexed }

    /// The profile of a story that knows no terms, names or joins: what a repair writes in place of bytes that
    /// cannot be read.
    public static func emptyProfile() -> [UInt8] {
        var out: [UInt8] = [profileFormat]
        for _ in 0..<3 { append(UInt32(0), to: &out) }
        append(Double.nan.bitPattern, to: &out)
        append(UInt32(0), to: &out)
        return out
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
}
