internal import CICU

/// The UTF-16 copy of a text that ICU needs, with the way back to UTF-8 offsets.
struct UTF16Text {
    /// The text in UTF-16 code units.
    let units: [UInt16]
    /// For each UTF-16 offset (and one past the end), the UTF-8 offset of the same position.
    let utf8Offsets: [Int32]

    init(_ text: Substring.UTF8View, base: Int) {
        var units: [UInt16] = []
        var offsets: [Int32] = []
        units.reserveCapacity(text.count)
        offsets.reserveCapacity(text.count + 1)
        var position = Int32(base)
        for scalar in Substring(text).unicodeScalars {
            let width = Int32(UTF8.width(scalar))
            for unit in scalar.utf16 {
                units.append(unit)
                offsets.append(position)
            }
            position += width
        }
        offsets.append(position)
        self.units = units
        self.utf8Offsets = offsets
    }
}

/// ICU break iteration (words or sentences) behind the narrow C target.
enum TextBreaks {
    /// A boundary with the rule status of the segment that ends at it.
    struct Boundary {
        var utf8Offset: Int
        var status: Int32
    }

    /// The boundaries ICU finds in `text` (UTF-8 offsets into the whole text, counting from `base`),
    /// including the start and end.
    static func boundaries(kind: Int32, locale: String, in text: UTF16Text) -> [Boundary] {
        let count = text.units.count
        guard count > 0 else { return [] }
        var boundaries = [Int32](repeating: 0, count: count + 1)
        var statuses = [Int32](repeating: 0, count: count + 1)
        let found = text.units.withUnsafeBufferPointer { units in
            locale.withCString { locale in
                cicu_breaks(
                    kind, locale, units.baseAddress, Int32(count), &boundaries, &statuses, Int32(count + 1))
            }
        }
        // NB: ICU fails only on allocation or bad arguments; the whole text as one segment is a safe answer.
        guard found >= 0 else {
            return [
                Boundary(utf8Offset: Int(text.utf8Offsets[0]), status: 0),
                Boundary(utf8Offset: Int(text.utf8Offsets[count]), status: 0),
            ]
        }
        return (0..<Int(found)).map {
            Boundary(utf8Offset: Int(text.utf8Offsets[Int(boundaries[$0])]), status: statuses[$0])
        }
    }
}
