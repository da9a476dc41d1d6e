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

    /// The body a source's reply endpoint expects.
    enum ReplyFormat: String, CaseIterable, Codable, Sendable {
        /// Raaya's own: `{"source", "ticket_id", "in_reply_to", "recipient": {"handle"}, "text"}`.
        case generic
        /// Meta's Send API for Messenger and Instagram: `{"recipient": {"id"}, "messaging_type", "message": {"text"}}`.
        case messenger
        /// WhatsApp Cloud API: `{"messaging_product": "whatsapp", "to", "type": "text", "text": {"body"}}`.
        case whatsapp
    }

    /// Where replies go, when the source can be answered.
    struct ReplyEndpoint: Sendable {
        let url: String
        let token: String?
        let format: ReplyFormat
    }

    let id: Int
    let kind: Kind
    let name: String
    let secret: String
    let verifyToken: String?
    let groupID: Int?
    let reply: ReplyEndpoint?

    static func find(kind: Kind, name: String, on sql: any SQLDatabase) async throws -> ChannelSource? {
        guard
            let row = try await sql.raw("""
                SELECT id, secret, verify_token, group_id, reply_url, reply_token, reply_format FROM channel_sources \
                WHERE kind = \(bind: kind.rawValue) AND name = \(bind: name)
                """).first()
        else { return nil }
        return try ChannelSource(row, kind: kind, name: name)
    }

    /// A source by id, whatever its kind.
    static func find(id: Int, on sql: any SQLDatabase) async throws -> ChannelSource? {
        guard
            let row = try await sql.raw("""
                SELECT id, kind, name, secret, verify_token, group_id, reply_url, reply_token, reply_format \
                FROM channel_sources WHERE id = \(bind: id)
                """).first()
        else { return nil }
        return try ChannelSource(
            row, kind: try row.decodeRaw(column: "kind", as: Kind.self), name: try row.decode(column: "name", as: String.self))
    }

    /// `sha256=<hex HMAC-SHA256 of body with the secret>`: how Raaya signs what it sends to the source, as the
    /// source signs what it sends to Raaya.
    func signature(of body: [UInt8]) -> String {
        "sha256=" + Hex.encode(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8))))
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

extension ChannelSource {
    fileprivate init(_ row: any SQLRow, kind: Kind, name: String) throws {
        let replyURL = try row.decodeOptional(column: "reply_url", as: String.self)
        self.init(
            id: try row.decode(column: "id", as: Int.self), kind: kind, name: name,
            secret: try row.decode(column: "secret", as: String.self),
            verifyToken: try row.decodeOptional(column: "verify_token", as: String.self),
            groupID: try row.decodeOptional(column: "group_id", as: Int.self),
            reply: try replyURL.map { url in
                ReplyEndpoint(
                    url: url, token: try row.decodeOptional(column: "reply_token", as: String.self),
                    format: ReplyFormat(rawValue: try row.decodeOptional(column: "reply_format", as: String.self) ?? "") ?? .generic)
            })
    }
}
