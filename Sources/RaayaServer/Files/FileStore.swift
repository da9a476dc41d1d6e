import Crypto
import Foundation
import NIOPosix
import RaayaCore
import SQLKit

/// Files Raaya keeps beside the database (attachments), under `RAAYA_DATA_DIR/files`, named by their SHA-256 so
/// the same file arriving twice is kept once.
///
/// A file is on disk (written, synced, renamed into place, its folder synced) before `store` returns: callers
/// store the row naming it afterwards, so no acknowledged row ever names a missing file. The disk work runs on
/// the thread pool, never on an event loop.
struct FileStore: Sendable {
    let root: String
    let threadPool: NIOThreadPool

    struct Stored: Sendable {
        /// Relative to `root`.
        let path: String
        let sha256: String
        let size: Int
    }

    func store(_ bytes: [UInt8]) async throws -> Stored {
        let root = root
        return try await threadPool.runIfActive {
            let digest = Hex.encode(SHA256.hash(data: bytes))
            let folder = "\(digest.prefix(2))/\(digest.dropFirst(2).prefix(2))"
            let path = "\(folder)/\(digest)"
            let directory = (root as NSString).appendingPathComponent(folder)
            let target = (root as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: target) {
                return Stored(path: path, sha256: digest, size: bytes.count)
            }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = target + ".\(UUID().uuidString).partial"
            try Self.writeSynced(bytes, to: temporary)
            guard rename(temporary, target) == 0 else {
                unlink(temporary)
                throw FileStoreError(path: target, operation: "rename", code: errno)
            }
            try Self.sync(directory: directory)
            return Stored(path: path, sha256: digest, size: bytes.count)
        }
    }

    /// The bytes of a stored file.
    func read(_ path: String) async throws -> [UInt8] {
        let file = (root as NSString).appendingPathComponent(path)
        return try await threadPool.runIfActive {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw FileStoreError(path: file, operation: "read", code: ENOENT)
            }
            return Array(data)
        }
    }

    private static func writeSynced(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        guard descriptor >= 0 else { throw FileStoreError(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                guard count > 0 else { throw FileStoreError(path: path, operation: "write", code: errno) }
                written += count
            }
        }
        guard fsync(descriptor) == 0 else { throw FileStoreError(path: path, operation: "fsync", code: errno) }
    }

    private static func sync(directory: String) throws {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { throw FileStoreError(path: directory, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileStoreError(path: directory, operation: "fsync", code: errno) }
    }
}

struct FileStoreError: Error, CustomStringConvertible {
    let path: String
    let operation: String
    let code: Int32

    var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}

/// A file a message carries, already in the file store; its row is written with the message.
struct StoredAttachment: Sendable {
    let filename: String
    let contentType: String
    let contentID: String?
    let inline: Bool
    let file: FileStore.Stored

    static func insert(_ attachments: [StoredAttachment], messageID: Int, on sql: any SQLDatabase, now: Date) async throws {
        try await sql.insertRows(
            into: "attachments",
            columns: ["message_id", "filename", "content_type", "content_id", "inline", "size", "sha256", "path", "created_at"],
            attachments.map {
                [messageID, $0.filename, $0.contentType, $0.contentID, $0.inline, $0.file.size, $0.file.sha256, $0.file.path, now]
            })
    }
}
