internal import Foundation

/// How to open a database this process may read but not write: SQLite's own read-only mode when it can keep
/// its shared-memory index beside the file, else as an immutable file (a read-only folder cannot hold the
/// `-shm` file a WAL database needs, and SQLite then refuses even to read).
enum ReadOnlyAccess {
    /// The `file:` URI to open `path` read-only with, or nil when it can be written (or does not exist).
    static func uri(forExisting path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let fileWritable = access(path, W_OK) == 0
        let folderWritable = access(folder.isEmpty ? "." : folder, W_OK) == 0
        if fileWritable, folderWritable { return nil }
        let base = "file:" + escaped(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        // NB: an existing -shm (of a writer that can write here) lets SQLite see that writer's changes safely.
        let canShareIndex = folderWritable || access(path + "-shm", R_OK) == 0
        return base + (canShareIndex ? "?mode=ro" : "?immutable=1")
    }

    /// Percent-escapes what a URI's path cannot hold literally.
    private static func escaped(_ path: String) -> String {
        var result = ""
        for character in path.unicodeScalars {
            switch character {
            case "%", "?", "#": result += String(format: "%%%02X", character.value)
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
