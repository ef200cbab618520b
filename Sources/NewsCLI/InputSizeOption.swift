internal import ArgumentParser
internal import Foundation
internal import NewsIngest

/// `--max-file-size`, shared by every command that reads files: the cap on one input's size.
struct InputSizeOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Refuse files larger than this (bytes, or with K, M, G). Also $CORROBORATE_MAX_FILE_SIZE.",
            valueName: "size"))
    var maxFileSize: String?

    func validate() throws {
        if try bytes() <= 0 { throw ValidationError("--max-file-size must be above zero") }
    }

    /// The cap in bytes: the option, else the environment, else 100 MiB.
    func bytes() throws -> Int {
        let text = maxFileSize ?? ProcessInfo.processInfo.environment["CORROBORATE_MAX_FILE_SIZE"]
        guard let text, !text.isEmpty else { return IngestOptions.defaultMaxFileBytes }
        guard let bytes = ByteCount.parse(text) else {
            throw ValidationError("max file size '\(text)' is not a size such as 500K, 100M or 2G")
        }
        return bytes
    }

    /// Reads one input whole under the cap.
    func read(_ path: String) throws -> Result<[UInt8], IngestProblem> {
        InputReader.read(path, maxBytes: try bytes())
    }
}
