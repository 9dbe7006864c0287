import Foundation
import Testing

@testable import RoosterIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one writer: a whole new file or the old one, and never over something that is not a file.
@Suite("Atomic writes")
struct AtomicFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rooster-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A file is replaced whole; a folder or a named pipe at the target is an error and stays")
    func refusesNonFiles() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.json")
        try AtomicFile.write("old", to: file)
        try AtomicFile.write("new", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new")

        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: folder) }
        let pipe = folder.appendingPathComponent("pipe")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        do {
            try AtomicFile.write("x", to: pipe)
            Issue.record("writing over a named pipe must fail")
        } catch {
            #expect(error.description.contains("not a regular file"))
        }
        var info = stat()
        #expect(stat(pipe.path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO, "the pipe is still there")
    }
}
