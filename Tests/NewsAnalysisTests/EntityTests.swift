import NewsAnalysis
import NewsCore
import Testing

@Suite("Named entities: one person however the name is written")
struct EntityTests {
    static func entities(_ text: String) -> [String] {
        TextAnalyzer().analyze(text).entities.map { entity in
            "\(entity.kind.rawValue)|\(entity.name)|\(entity.mentions.count)"
        }
    }

    @Test("'Bashar al-Assad', 'Bashar al\u{a0}Assad' and 'Assad' are one person; 'Jaysh al Islam' is not a person")
    func particles() {
        let text =
            "Russia backs the government of Bashar al-Assad in the war.\n\n"
            + "The campaign supports Bashar al\u{a0}Assad's forces, officials said.\n\n"
            + "Assad has not commented. Fighters of Jaysh al Islam held the town."
        let found = Self.entities(text)
        #expect(found.contains("person|Bashar al-Assad|3"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("person|Jaysh al Islam") }, "\(found)")
    }

    @Test("a middle initial stays in its name: 'George W. Bush' is a person, not 'George W' and a place 'Bush'")
    func initials() {
        let found = Self.entities(
            "Officials met.\n\nGeorge W. Bush and Marc H. Morial spoke on Monday. Later, Morial left for Boston.")
        #expect(found.contains("person|George W. Bush|1"), "\(found)")
        #expect(found.contains("person|Marc H. Morial|2"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("place|Bush") || $0.hasPrefix("person|George W|") }, "\(found)")
    }
}
