/// Reads little-endian values off bytes, `nil` past the end: the decoder of the compact binary formats
/// (story profiles, the attribution model).
public struct ByteReader: Sendable {
    /// The bytes read.
    public let bytes: [UInt8]
    /// Where the next value starts.
    public var offset: Int

    /// A reader of `bytes` from `offset`.
    public init(bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next byte.
    public mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next four bytes as an unsigned integer.
    public mutating func uint32() -> UInt32? { integer(UInt32.self) }

    /// The next eight bytes as an unsigned integer.
    public mutating func uint64() -> UInt64? { integer(UInt64.self) }

    /// The next `count` bytes.
    public mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// The next value of `type`, little-endian.
    public mutating func integer<Value: FixedWidthInteger>(_ type: Value.Type) -> Value? {
        let width = MemoryLayout<Value>.size
        guard offset + width <= bytes.count else { return nil }
        var value: Value = 0
        for index in 0..<width { value |= Value(bytes[offset + index]) << (8 * index) }
        offset += width
        return value
    }
}
