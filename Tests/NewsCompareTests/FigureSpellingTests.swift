import Testing

@testable import NewsCompare

@Suite("Figures: spelling slips name the same quantity")
struct FigureSpellingTests {
    @Test("one letter off in a long word is a slip of the longer spelling; short words and other words are not")
    func variants() {
        let variants = FigureTable.spellingVariants(["civilian", "civiian", "casualti", "rise", "rose", "soldier"])
        #expect(variants == ["civiian": "civilian"])
        #expect(FigureTable.spellingVariants(["protest", "protester"]).isEmpty)
        #expect(FigureTable.spellingVariants(["militant", "militart"]).count == 1)
    }
}
