internal import Foundation

/// Writes analyses as they are made: one JSON document (`corroborate.analysis.v1`) whose articles are
/// streamed, or one human block per article; rejections go last (JSON) or to standard error.
struct AnalysisStream {
    let json: Bool
    let verbose: Bool
    private(set) var analysed = 0
    private(set) var rejected = 0
    private var problems: [AnalysisDocument.Problem] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    init(json: Bool, verbose: Bool) {
        self.json = json
        self.verbose = verbose
    }

    mutating func add(_ result: AnalysisDTO) {
        if json {
            let opening = analysed == 0 ? "{\"schema\":\"corroborate.analysis.v1\",\"articles\":[\n" : ",\n"
            // NB: encoding our own plain structs cannot fail; a failure here is a programming error.
            let data = try! encoder.encode(result)
            FileHandle.standardOutput.write(Data(opening.utf8) + data)
        } else {
            AnalysisRenderer(verbose: verbose).render(result)
        }
        analysed += 1
    }

    mutating func reject(_ problem: AnalysisDocument.Problem) {
        rejected += 1
        if json {
            problems.append(problem)
        } else {
            let location = problem.location.isEmpty ? "" : " (\(problem.location))"
            Terminal.message("rejected: \(problem.input)\(location): \(problem.reason)")
        }
    }

    func finish() {
        guard json else { return }
        let opening = analysed == 0 ? "{\"schema\":\"corroborate.analysis.v1\",\"articles\":[" : "\n"
        let data = try! encoder.encode(problems)
        FileHandle.standardOutput.write(Data("\(opening)],\"rejected\":".utf8) + data + Data("}\n".utf8))
    }
}
