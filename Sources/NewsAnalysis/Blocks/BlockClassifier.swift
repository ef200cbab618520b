internal import NewsCore

/// Tells photo credits and captions from body paragraphs: they stay in the text but are not body.
enum BlockClassifier {
    /// The role of each paragraph of `text`.
    static func roles(of paragraphs: [String]) -> [BlockRole] {
        paragraphs.enumerated().map { index, paragraph in
            role(of: paragraph, isLast: index == paragraphs.count - 1 && index > 0)
        }
    }

    static func role(of paragraph: String, isLast: Bool) -> BlockRole {
        // NB: every test reads a paragraph's opening or a short paragraph, so long body text costs nothing.
        let utf8 = paragraph.utf8
        let opening = String(decoding: utf8.prefix(24).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        if utf8.count < 400, creditOpenings.contains(where: { opening.hasPrefix($0) }) {
            let lines = paragraph.split(separator: "\n").map { $0.trimmingSpaces() }
            if !lines.isEmpty, lines.allSatisfy(isCreditLine) { return .credit }
        }
        if captionOpenings.contains(where: { opening.hasPrefix($0) }) { return .caption }
        if utf8.count < 1_000, utf8.contains(UInt8(ascii: "(")) {
            let lowered = paragraph.lowercased()
            if captionMarkers.contains(where: { lowered.contains($0) }) { return .caption }
        }
        let lowered = utf8.count < 80 ? paragraph.lowercased() : opening
        // A short closing line without a full stop naming where the story came from ("TRTWorld and agencies").
        if isLast, paragraph.utf8.count < 80, !paragraph.hasSuffix("."),
            sourceLineWords.contains(where: { lowered.contains($0) })
        {
            return .credit
        }
        return .body
    }

    /// "Photo by: AP", "Photo: Reuters", "Image copyright Getty Images", "(AP Photo/Hussein Malla)".
    static func isCreditLine(_ line: Substring) -> Bool {
        let lowered = line.lowercased()
        guard lowered.utf8.count < 100, !lowered.hasSuffix(".") || lowered.utf8.count < 40 else { return false }
        return creditOpenings.contains { lowered.hasPrefix($0) }
    }

    static let creditOpenings = [
        "photo by", "photo:", "photo credit", "photos:", "photograph:", "photograph by", "image:", "image by",
        "image copyright", "image source", "picture:", "picture by", "video:", "credit:", "getty images",
        "(ap photo", "(reuters", "(afp", "© ", "copyright ",
    ]
    static let captionOpenings = [
        "file - ", "file – ", "file — ", "file photo", "in this photo", "in this file photo", "in this image",
        "in this picture", "in this handout", "in this undated", "this photo", "this image", "this handout",
        "in this frame grab", "in this still",
    ]
    static let captionMarkers = ["(ap photo/", "(reuters/", "(afp photo", "(photo:", "(getty images"]
    static let sourceLineWords = ["agencies", "contributed to this", "reporting by", "editing by", "wire services"]
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
