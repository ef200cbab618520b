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
}
