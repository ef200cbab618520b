/// A plain-text table: columns as wide as their widest cell, two spaces apart, some right-aligned.
struct TextTable {
    /// The column titles.
    let header: [String]
    /// Columns aligned right (counts, ids).
    let rightAligned: Set<Int>
    private let widths: [Int]

    /// A table for `header` and `rows` (every row as long as the header).
    init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
        widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    }

    /// One line of `cells` laid out in the table's columns; the last column is not padded.
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            rightAligned.contains(index)
                ? String(repeating: " ", count: max(0, widths[index] - cell.count)) + cell
                : (index == cells.count - 1 ? cell : cell.padding(widths[index]))
        }.joined(separator: "  ")
    }
}
