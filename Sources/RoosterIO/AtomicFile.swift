import Foundation

/// The one way Rooster writes a file: a temporary file next to the target, then a rename, so that
/// an interrupted or failed run leaves either the old file or the new one, never half of one.
///
/// The target must be a regular file or not exist yet: a folder, a device or a named pipe at the
/// target is an error, not something to replace.
public enum AtomicFile {
    /// Why a file could not be written, with the path.
    public struct WriteError: LocalizedError, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
        public var errorDescription: String? { description }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public static func write(_ text: String, to url: URL) throws(WriteError) {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws(WriteError) {
        try checkWritable(url)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw WriteError(path: url.path, reason: "\(error.localizedDescription) (check that the folder exists and is writable)")
        }
    }

    /// Checks, before any work is done, that a file can be written here: its folder exists, is a
    /// folder and is writable, and the target is not a folder, a device or a pipe. Commands call
    /// it on every output path first, so that a long solve never ends in "cannot write".
    public static func checkWritable(_ url: URL) throws(WriteError) {
        try checkTarget(url)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw WriteError(path: url.path, reason: "the folder \(folder.path) does not exist; create it or choose another path")
        }
        guard isFolder.boolValue else { throw WriteError(path: url.path, reason: "\(folder.path) is not a folder") }
        guard access(folder.path, W_OK) == 0 else {
            throw WriteError(path: url.path, reason: "the folder \(folder.path) is not writable (\(String(cString: strerror(errno))))")
        }
    }

    /// Moves a finished temporary file (written by another library, such as GLPK) over the target.
    /// The temporary file is removed when the move fails.
    public static func replace(_ url: URL, withFinished partial: URL) throws(WriteError) {
        do {
            try checkTarget(url)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        guard rename(partial.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partial)
            throw WriteError(path: url.path, reason: reason)
        }
    }

    /// Refuses targets that are not regular files: replacing them by a rename would destroy them.
    static func checkTarget(_ url: URL) throws(WriteError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return }
        if isFolder.boolValue { throw WriteError(path: url.path, reason: "it is a folder; give a file name") }
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path)[.type]) as? FileAttributeType
        guard type == nil || type == .typeRegular || type == .typeSymbolicLink else {
            throw WriteError(path: url.path, reason: "it is not a regular file (a device or a pipe); give a file name")
        }
    }
}
