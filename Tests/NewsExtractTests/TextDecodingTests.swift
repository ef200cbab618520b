import NewsExtract
import Testing

@Suite("Text decoding")
struct TextDecodingTests {
    let decoding = TextDecoding()

    @Test func utf8() throws {
        let decoded = try decoding.decode(Array("Café “quoted”".utf8)).get()
        #expect(decoded == DecodedText(text: "Café “quoted”", charset: "UTF-8", usedFallback: false))
    }

    @Test func byteOrderMarks() throws {
        #expect(try decoding.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)).get().text == "Hi")
        let le = try decoding.decode([0xFF, 0xFE, 0x48, 0x00, 0xE9, 0x00]).get()
        #expect(le.text == "Hé" && le.charset == "UTF-16LE")
        let be = try decoding.decode([0xFE, 0xFF, 0x00, 0x48, 0x00, 0xE9]).get()
        #expect(be.text == "Hé" && be.charset == "UTF-16BE")
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        let decoded = try decoding.decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x80]).get()
        #expect(decoded == DecodedText(text: "Café “q”€", charset: "windows-1252", usedFallback: true))
        let latin1 = try TextDecoding(fallback: .latin1).decode([0x43, 0x61, 0x66, 0xE9]).get()
        #expect(latin1.text == "Café" && latin1.charset == "ISO-8859-1")
    }

    @Test func binaryIsRejected() {
        #expect(decoding.decode([0x48, 0x69, 0x00, 0x01]) == .failure(.binary(offset: 2)))
        let controls: [UInt8] = Array(repeating: 0x41, count: 50) + [0x01, 0x02]
        #expect(decoding.decode(controls) == .failure(.binary(offset: 50)))
        // One stray control byte in a long text is not binary.
        let text = Array(String(repeating: "word ", count: 100).utf8) + [0x07]
        #expect((try? decoding.decode(text).get()) != nil)
    }
}
