import Crypto
import Foundation
import RaayaCore
import SQLKit

/// A system that sends Raaya messages by webhook (a social network, a complaint site, a telephony system), with
/// the secret its requests are signed with.
struct ChannelSource: Sendable {
    enum Kind: String, CaseIterable, Codable, Sendable {
        case social, phone
    }

    let id: Int
    let kind: Kind
    let name: String
    let secret: String
    let verifyToken: String?
    let groupID: Int?

    static func find(kind: Kind, name: String, on sql: any SQLDatabase) async throws -> ChannelSource? {
        guard
            let row = try await sql.raw("""
                SELECT id, secret, verify_token, group_id FROM channel_sources \
                WHERE kind = \(bind: kind.rawValue) AND name = \(bind: name)
                """).first()
        else { return nil }
        return ChannelSource(
            id: try row.decode(column: "id", as: Int.self), kind: kind, name: name,
            secret: try row.decode(column: "secret", as: String.self),
            verifyToken: try row.decodeOptional(column: "verify_token", as: String.self),
            groupID: try row.decodeOptional(column: "group_id", as: Int.self))
    }

    /// Whether `header` (`X-Hub-Signature-256: sha256=<hex>`) is the HMAC-SHA256 of `body` with this source's
    /// secret. Compared in constant time.
    func signs(_ body: [UInt8], header: String?) -> Bool {
        guard let header, header.hasPrefix("sha256="), let given = Hex.decode(String(header.dropFirst("sha256=".count))),
            given.count == SHA256.byteCount
        else { return false }
        let key = SymmetricKey(data: Array(secret.utf8))
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: key)
    }
}
