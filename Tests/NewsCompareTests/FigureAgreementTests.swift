import NewsCompare
import NewsCore
import Testing

/// Figures of one quantity: compatible ones differ, incompatible ones conflict, and the row says why.
@Suite("Figures: differ or conflict, explained")
struct FigureAgreementTests {
    static func row(_ texts: [(String, String)], holding number: String) throws -> FigureRow {
        let comparison = ProvenanceTests.compare(texts)
        return try #require(comparison.figures.first { $0.figures.contains { $0.number.text == number } })
    }

    @Test("849 against 'at most 300' from two named reporters conflicts; against 'at least 200' it differs")
    func namedReporters() throws {
        let snhr = (
            "Riverton Gazette",
            "The Syrian Network for Human Rights said 849 civilians were killed in the strikes on Monday."
        )
        let conflicting = try Self.row(
            [
                snhr,
                (
                    "Valley News",
                    "Amnesty International said at most 300 civilians were killed in the strikes on Monday."
                ),
            ],
            holding: "849")
        #expect(conflicting.agreement == "conflict", "\(conflicting)")
        #expect(conflicting.figures.allSatisfy { $0.status == .contested })
        #expect(conflicting.explanation.contains("cannot both be true"), "\(conflicting.explanation)")
        #expect(conflicting.explanation.contains("Syrian Network for Human Rights"))
        #expect(conflicting.explanation.contains("Amnesty International"))
        let compatible = try Self.row(
            [
                snhr,
                (
                    "Valley News",
                    "Amnesty International said at least 200 civilians were killed in the strikes on Monday."
                ),
            ],
            holding: "849")
        #expect(compatible.agreement == "differ", "\(compatible)")
        #expect(compatible.explanation.contains("can all be true"), "\(compatible.explanation)")
    }

    @Test("one value from two origins agrees, and says so")
    func agreeing() throws {
        let row = try Self.row(
            [
                ("Riverton Gazette", "Floods in Valencia killed 52 people on Monday, the regional government said."),
                ("Valley News", "The regional government said floods killed 52 people in Valencia on Monday."),
            ], holding: "52")
        #expect(row.agreement == "agree")
        #expect(row.explanation == "2 origins give 52", "\(row.explanation)")
    }
}
