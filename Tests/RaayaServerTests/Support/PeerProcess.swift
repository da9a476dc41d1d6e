import Foundation
import Testing

/// A real server the tests talk to, run as a Python script from Support/ with a folder of its own: it writes
/// `port` there once it listens, keeps what it receives there, and stops when its stdin closes.
final class PeerProcess {
    let folder: URL
    let port: Int
    private let process: Process
    private let input: Pipe

    init(script: String, arguments: [String] = []) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("raaya-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(script)
        process.arguments = ["python3", path.path, folder.path] + arguments
        input = Pipe()
        process.standardInput = input
        try process.run()
        let portFile = folder.appendingPathComponent("port")
        var port: Int?
        for _ in 0..<200 where port == nil {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) { port = Int(text) } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        self.port = try #require(port, "\(script) did not start (scripts/test installs what it needs)")
    }

    /// The files named `1.ext`, `2.ext`… written so far, in order.
    func numbered(_ ext: String) -> [Data] {
        var result: [Data] = []
        while let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(result.count + 1).\(ext)").path) {
            result.append(data)
        }
        return result
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
