internal import NewsStore

/// Which near-duplicate buckets have entries in the closed blocks of positions, so that a lookup seeks the
/// store's older buckets only for keys they hold.
///
/// NB: a new article's band keys are almost never in an old bucket (only a copy's are), yet each lookup sought
/// every epoch of the horizon: at 1M articles that was 80% of the database pages a batch read (the horizon's
/// buckets are 89 MB, the page cache 32 MiB). A block of positions is closed once every position in it is
/// stored: positions are given in order and never reused, so its keys never change (the horizon drops whole
/// blocks, which only leaves keys that no lookup reaches). Its keys are read once, in one index range, when a run has
/// looked up enough keys to pay for it (a few hundred articles): `add` of a handful never reads them.
struct DuplicateBucketFilter {
    /// Positions per block, as a power of two (the SQLite store's epochs, so a block is one index range).
    let blockShift: Int32
    /// Keys looked up before the blocks' keys are read.
    let loadAfter: Int
    /// Each loaded closed block's keys as a bit set: a key sets the bit its low bits name. Band keys are hashes,
    /// so with 32 bits a key a stray match (a needless seek, never a missed one) is about 3%.
    /// NB: a sorted array searched by halves cost 3.8% of a batch at 1M in cache misses; this is one read.
    private var blocks: [Int32: [UInt64]] = [:]
    private var lookups = 0
    /// Whether the store cannot list keys (the filter then stays off).
    private var unsupported = false

    /// A filter of blocks of 2^`blockShift` positions, loaded after `loadAfter` keys were looked up.
    init(blockShift: Int32 = 16, loadAfter: Int = 4_096) {
        self.blockShift = blockShift
        self.loadAfter = loadAfter
    }

    /// The part of `range` past its closed blocks, once their keys are loaded (read through `keys`), or `nil`
    /// while the filter is off: `count` more keys are being looked up in `range`.
    mutating func recentPart(
        of range: Range<Int32>, looking count: Int, keys: (Range<Int32>) throws(StoreError) -> [Int64]?
    ) throws(StoreError) -> Range<Int32>? {
        lookups += count
        let first = range.lowerBound >> blockShift
        let newest = (range.upperBound - 1) >> blockShift
        guard !unsupported, !range.isEmpty, first < newest, lookups > loadAfter else { return nil }
        for block in blocks.keys where block < first { blocks[block] = nil }
        for block in first..<newest where blocks[block] == nil {
            guard let listed = try keys((block << blockShift)..<((block + 1) << blockShift)) else {
                unsupported = true
                return nil
            }
            var bits = [UInt64](repeating: 0, count: max(1, Self.bitCount(for: listed.count) / 64))
            let mask = UInt64(bits.count * 64 - 1)
            for key in listed {
                let bit = UInt64(bitPattern: key) & mask
                bits[Int(bit >> 6)] |= 1 << (bit & 63)
            }
            blocks[block] = bits
        }
        return max(range.lowerBound, newest << blockShift)..<range.upperBound
    }

    /// Whether a closed block of `range` before `recent` may hold `key` (after `recentPart` returned `recent`).
    func mayHold(_ key: Int64, in range: Range<Int32>, before recent: Range<Int32>) -> Bool {
        for block in (range.lowerBound >> blockShift)..<(recent.lowerBound >> blockShift) {
            guard let bits = blocks[block] else { return true }
            let bit = UInt64(bitPattern: key) & UInt64(bits.count * 64 - 1)
            if bits[Int(bit >> 6)] & (1 << (bit & 63)) != 0 { return true }
        }
        return false
    }

    /// Bits for a block of `keys` keys: 32 a key, a power of two (at least 64).
    static func bitCount(for keys: Int) -> Int {
        var bits = 64
        while bits < keys * 32 { bits *= 2 }
        return bits
    }
}
