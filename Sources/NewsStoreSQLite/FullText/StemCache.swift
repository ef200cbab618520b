internal import Foundation

/// A direct-mapped cache from tokens to their Snowball stems, so frequent words are stemmed once.
///
/// NB: news text follows Zipf's law, so most tokens are repeats; a lookup (FNV-1a and a `memcmp`) costs a
/// fraction of a Snowball call, which was a sixth of `corroborate add`. Slots hold up to 30 bytes of token
/// and of stem; longer tokens bypass the cache. Not thread-safe: one per tokenizer, as the stemmer.
/// A copy shares the storage; the owner calls `deallocate()` once.
struct StemCache {
    private static let slotCount = 8192
    private static let slotSize = 64
    /// Bytes of token (and of stem) a slot holds.
    static let maximumLength = 30

    private let storage: UnsafeMutablePointer<UInt8>

    init() {
        storage = .allocate(capacity: Self.slotCount * Self.slotSize)
        storage.initialize(repeating: 0, count: Self.slotCount * Self.slotSize)
    }

    /// Frees the storage; the cache and its copies must not be used afterwards.
    func deallocate() { storage.deallocate() }

    /// The slot a token maps to: `[token length, stem length, token (30 bytes), stem (30 bytes), pad]`.
    private func slot(_ token: UnsafePointer<UInt8>, _ length: Int) -> UnsafeMutablePointer<UInt8> {
        var hash: UInt32 = 2_166_136_261
        for index in 0..<length { hash = (hash ^ UInt32(token[index])) &* 16_777_619 }
        return storage + Int(hash & UInt32(Self.slotCount - 1)) * Self.slotSize
    }

    /// The cached stem of a token, as a pointer and length valid until the next `store`.
    func lookup(_ token: UnsafePointer<UInt8>, _ length: Int) -> (UnsafePointer<UInt8>, Int)? {
        guard length <= Self.maximumLength else { return nil }
        let entry = slot(token, length)
        guard Int(entry[0]) == length, memcmp(entry + 2, token, length) == 0 else { return nil }
        return (UnsafePointer(entry + 2 + Self.maximumLength), Int(entry[1]))
    }

    /// Remembers a token's stem, replacing whatever shared its slot.
    func store(_ token: UnsafePointer<UInt8>, _ length: Int, stem: UnsafePointer<UInt8>, _ stemLength: Int) {
        guard length <= Self.maximumLength, stemLength <= Self.maximumLength else { return }
        let entry = slot(token, length)
        entry[0] = UInt8(length)
        entry[1] = UInt8(stemLength)
        (entry + 2).update(from: token, count: length)
        (entry + 2 + Self.maximumLength).update(from: stem, count: stemLength)
    }
}
