import Crypto
import Foundation

/// The key that signs links and tokens: `RAAYA_SECRET_KEY`, or one generated on first start and kept in the
/// data directory (readable by the owner only), so restarts keep signed links valid.
enum SecretKey {
    static func resolve(_ configured: String?, dataDirectory: String) throws -> SymmetricKey {
        if let configured { return SymmetricKey(data: Data(configured.utf8)) }
        let path = (dataDirectory as NSString).appendingPathComponent("secret.key")
        if let stored = FileManager.default.contents(atPath: path), stored.count >= 32 {
            return SymmetricKey(data: stored)
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        return key
    }
}
