import Foundation
import NewsCore
import NewsText
import Testing

@Suite("Language, stems and word lists")
struct LanguageTests {
    @Test(
        "CLD2's full tables tell news languages apart",
        arguments: [
            (
                "The United States says reports of Russian airstrikes killing hundreds of civilians are disturbing.",
                "en"
            ),
            ("Les États-Unis jugent « extrêmement inquiétantes » les frappes aériennes russes en Syrie.", "fr"),
            ("Die Vereinigten Staaten kritisieren die russischen Luftangriffe auf syrische Zivilisten scharf.", "de"),
            ("Estados Unidos criticó el martes los ataques aéreos rusos que mataron a cientos de civiles.", "es"),
            (
                "США раскритиковали российские авиаудары, в результате которых погибли сотни мирных жителей. "
                    + "Госдепартамент заявил во вторник, что видит заметный рост числа жертв среди мирного населения.",
                "ru"
            ),
            ("انتقدت الولايات المتحدة الغارات الجوية الروسية التي أودت بحياة مئات المدنيين السوريين", "ar"),
            ("Breaking news", "en"),
        ])
    func detect(text: String, code: String) {
        #expect(LanguageDetector.detect(text).language?.rawValue == code)
    }

    @Test("each paragraph gets its own language from one pass")
    func paragraphs() {
        let english =
            "The State Department said on Tuesday that it had seen a marked and troubling increase in reports."
        let french = "Le département d'État a déclaré mardi avoir constaté une augmentation marquée et inquiétante."
        let text = english + "\n\n" + french
        let spans = TextSegmenter.paragraphs(in: text)
        let result = LanguageDetector.detect(text, spans: spans)
        #expect(result.spans.map { $0.language?.rawValue } == ["en", "fr"])
    }

    @Test("empty text and digits are unknown, never a guess")
    func unknown() {
        #expect(LanguageDetector.detect("").language == nil)
        #expect(LanguageDetector.detect("12345 67890").language == nil)
    }

    @Test("Snowball stems by language")
    func stems() throws {
        let english = try #require(Stemmer(language: .english))
        #expect(english.stem("Killings") == "kill")
        let spanishCode = try #require(LanguageCode(rawValue: "es"))
        let spanish = try #require(Stemmer(language: spanishCode))
        #expect(spanish.stem("ataques") == "ataqu")
        let chinese = try #require(LanguageCode(rawValue: "zh"))
        #expect(Stemmer(language: chinese) == nil)
    }

    @Test("the compiled word lists match the files under Languages/")
    func generatedDataIsCurrent() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/NewsText/Languages")
        for code in LanguageResources.languages {
            let file = folder.appendingPathComponent("\(code)/stopwords.txt")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let words = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0] }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            let resources = LanguageResources.forLanguage(LanguageCode(rawValue: code))
            #expect(Set(words) == resources.stopWords, "run scripts/generate-language-data.py (\(code))")
        }
        #expect(LanguageResources.english.abbreviations["sept"] == .month)
        #expect(LanguageResources.english.speechVerbs.contains("said"))
    }
}
