internal import Foundation
internal import NewsCore
internal import NewsExtract

/// An input to read: a file, standard input, or a path that is neither.
enum IngestInput: Sendable, Hashable {
    case file(path: String, size: Int)
    case standardInput
    case unusable(path: String, problem: IngestProblem)

    var name: String {
        switch self {
        case .file(let path, _), .unusable(let path, _): path
        case .standardInput: "-"
        }
    }
}

/// Turns the paths a user named into inputs: files as they are, folders walked recursively in name order
/// (hidden entries skipped, only article formats taken), `-` as standard input.
enum InputExpansion {
    static func expand(_ paths: [String]) -> (inputs: [IngestInput], skipped: [String]) {
        var inputs: [IngestInput] = []
        var skipped: [String] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            switch kind(of: path) {
            case .missing: inputs.append(.unusable(path: path, problem: .notFound))
            case .other: inputs.append(.unusable(path: path, problem: .notAFile))
            case .file(let size): inputs.append(.file(path: path, size: size))
            case .folder:
                for file in walk(path) {
                    if InputFormat(fileName: file) == nil {
                        skipped.append(file)
                    } else if case .file(let size) = kind(of: file) {
                        inputs.append(.file(path: file, size: size))
                    }
                }
            }
        }
        return (inputs, skipped)
    }

    private enum Kind { case missing, file(size: Int), folder, other }

    private static func kind(of path: String) -> Kind {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return .missing }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular: return .file(size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
        case .typeDirectory: return .folder
        default: return .other
        }
    }

    /// Regular files below `folder`, sorted by path, hidden files and folders left out.
    private static func walk(_ folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    enumerator.skipDescendants()
                }
                continue
            }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                files.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }
}
