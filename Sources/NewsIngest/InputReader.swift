public import Foundation

/// Reads one whole input (a file, or `-` for standard input) under a size cap, for the commands that take
/// files whole (`extract`, `analyse`, `cluster`); `FileIngestor` streams instead.
public enum InputReader {
    /// The input's bytes, or why there are none: missing, not a file, unreadable, or over `maxBytes`
    /// (a file is refused by its size before it is read; standard input at one byte past the cap).
    public static func read(
        _ path: String, maxBytes: Int, standardInput: FileHandle = .standardInput
    ) -> Result<[UInt8], IngestProblem> {
        if path == "-" { return readCapped(standardInput, maxBytes: maxBytes) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .failure(.notFound) }
        guard !isFolder.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return .failure(.notAFile) }
        if let size = attributes[.size] as? Int, size > maxBytes {
            return .failure(.tooLarge(bytes: size, limit: maxBytes))
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            return .failure(.unreadable(reason: IngestSession.describe(error)))
        }
        defer { try? handle.close() }
        return readCapped(handle, maxBytes: maxBytes)
    }

    /// Reads a stream up to the cap; one byte more means it is too large (a file may grow after its size
    /// was checked).
    public static func readCapped(_ handle: FileHandle, maxBytes: Int) -> Result<[UInt8], IngestProblem> {
        var bytes: [UInt8] = []
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes.append(contentsOf: chunk)
                if bytes.count > maxBytes { return .failure(.tooLarge(bytes: bytes.count, limit: maxBytes)) }
            }
        } catch {
            return .failure(.unreadable(reason: IngestSession.describe(error)))
        }
        return .success(bytes)
    }
}
