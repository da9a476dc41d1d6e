import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

struct ChannelSourceDTO: Codable, Sendable {
    let id: Int
    let kind: ChannelSource.Kind
    let name: String
    let groupID: Int?
    let hasVerifyToken: Bool
    let replyURL: String?
    let replyFormat: ChannelSource.ReplyFormat?
    let hasReplyToken: Bool
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, name
        case groupID = "group_id"
        case hasVerifyToken = "has_verify_token"
        case replyURL = "reply_url"
        case replyFormat = "reply_format"
        case hasReplyToken = "has_reply_token"
        case createdAt = "created_at"
    }
}

struct CreateChannelSourceRequest: Decodable {
    let kind: ChannelSource.Kind
    let name: String
    let secret: String
    let verifyToken: String?
    let groupID: Int?
    let replyURL: String?
    let replyToken: String?
    let replyFormat: ChannelSource.ReplyFormat?

    enum CodingKeys: String, CodingKey {
        case kind, name, secret
        case verifyToken = "verify_token"
        case groupID = "group_id"
        case replyURL = "reply_url"
        case replyToken = "reply_token"
        case replyFormat = "reply_format"
    }
}

/// A call as the telephony system or an agent sends it.
struct PhoneCallRequest: Decodable {
    let direction: PhoneCall.Direction
    let number: String?
    let durationSeconds: Int
    let outcome: PhoneCall.Outcome
    let notes: String?
    let ticketID: Int?

    enum CodingKeys: String, CodingKey {
        case direction, number, outcome, notes
        case durationSeconds = "duration_seconds"
        case ticketID = "ticket_id"
    }

    /// The call, validated; `fallbackNumber` when the request names none (an agent logging on a ticket).
    func validated(fallbackNumber: String? = nil) throws -> PhoneCall {
        var validation = Validation()
        var number = fallbackNumber ?? ""
        if let given = self.number {
            if let normalized = Identity.normalizedPhone(given) { number = normalized } else {
                validation.fail("number", "is not a phone number")
            }
        } else if fallbackNumber == nil {
            validation.fail("number", "is required")
        }
        if !(0...86_400).contains(durationSeconds) { validation.fail("duration_seconds", "must be from 0 to 86400") }
        let notes = notes?.trimmingWhitespace()
        if let notes, notes.utf8.count > Limits.bodyBytes { validation.fail("notes", "is too long") }
        try validation.check()
        return PhoneCall(
            direction: direction, number: number, durationSeconds: durationSeconds, outcome: outcome,
            notes: notes.flatMap { $0.isEmpty ? nil : $0 })
    }
}

struct LoggedCallDTO: Codable, Sendable {
    let ticketID: Int
    let messageID: Int

    enum CodingKeys: String, CodingKey {
        case ticketID = "ticket_id"
        case messageID = "message_id"
    }
}

enum ChannelsAPI {
    @Sendable static func listSources(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let sources = try await sourceRows("ORDER BY kind, name", on: request.db.sqlDatabase())
        return try JSON.response(Page(data: sources, nextCursor: nil))
    }

    @Sendable static func createSource(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let input = try request.decodeJSON(CreateChannelSourceRequest.self)
        var validation = Validation()
        let name = input.name.trimmingWhitespace().lowercased()
        if name.isEmpty || name.count > 64 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            validation.fail("name", "must be 1–64 letters, digits or '-'")
        }
        if input.secret.utf8.count < 16 { validation.fail("secret", "must be at least 16 characters") }
        if let url = input.replyURL {
            if input.kind != .social {
                validation.fail("reply_url", "is for social sources only")
            } else if !Self.isWebURL(url) {
                validation.fail("reply_url", "must be an http or https URL")
            }
            if let token = input.replyToken,
                token.isEmpty || token.utf8.count > 4_096 || !token.unicodeScalars.allSatisfy({ (0x21...0x7e).contains($0.value) })
            {
                validation.fail("reply_token", "must be 1–4096 visible ASCII characters (it is sent in a header)")
            }
        } else if input.replyToken != nil || input.replyFormat != nil {
            validation.fail("reply_url", "is required with reply_token or reply_format")
        }
        try validation.check()
        return try await Idempotency.create(request, principal: principal) { database, now in
            let sql = try database.sqlDatabase()
            if try await ChannelSource.find(kind: input.kind, name: name, on: sql) != nil {
                throw DomainError.conflict("a \(input.kind.rawValue) source named \(name) exists")
            }
            try await sql.requireRow(in: "groups", id: input.groupID, field: "group_id", names: "group")
            return try await sql.insertReturningID(
                into: "channel_sources",
                [
                    "kind": input.kind.rawValue, "name": name, "secret": input.secret, "verify_token": input.verifyToken,
                    "group_id": input.groupID, "reply_url": input.replyURL, "reply_token": input.replyToken,
                    "reply_format": input.replyURL.map { _ in (input.replyFormat ?? .generic).rawValue }, "created_at": now,
                ])
        } render: { id in
            guard let source = try await sourceRows("WHERE id = \(bind: id)", on: request.db.sqlDatabase()).first else {
                throw DomainError.notFound(resource: "channel source")
            }
            return try JSON.response(source)
        }
    }

    private static func isWebURL(_ text: String) -> Bool {
        guard text.utf8.count <= 2_000, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    /// Sources as admins see them: everything but the secrets.
    private static func sourceRows(_ tail: SQLQueryString, on sql: any SQLDatabase) async throws -> [ChannelSourceDTO] {
        try await sql.raw(
            "SELECT id, kind, name, group_id, verify_token, reply_url, reply_token, reply_format, created_at FROM channel_sources \(tail)"
        ).all().map { row in
            ChannelSourceDTO(
                id: try row.decode(column: "id", as: Int.self), kind: try row.decodeRaw(column: "kind", as: ChannelSource.Kind.self),
                name: try row.decode(column: "name", as: String.self),
                groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                hasVerifyToken: try row.decodeOptional(column: "verify_token", as: String.self) != nil,
                replyURL: try row.decodeOptional(column: "reply_url", as: String.self),
                replyFormat: try row.decodeOptional(column: "reply_format", as: String.self).flatMap(ChannelSource.ReplyFormat.init),
                hasReplyToken: try row.decodeOptional(column: "reply_token", as: String.self) != nil,
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    /// A call record from a telephony system, signed with its source's secret (`?source=`, default `phone`).
    @Sendable static func phoneCall(_ request: Request) async throws -> Response {
        let body = request.body.data.map { Array($0.readableBytesView) } ?? []
        let name = (try? request.query.get(String.self, at: "source")) ?? "phone"
        guard let source = try await ChannelSource.find(kind: .phone, name: name, on: request.db.sqlDatabase()),
            source.signs(body, header: request.headers.first(name: "X-Hub-Signature-256"))
        else {
            throw DomainError.unauthenticated("missing or wrong X-Hub-Signature-256 for phone source \(name)")
        }
        let input = try request.decodeJSON(PhoneCallRequest.self)
        let call = try input.validated()
        let logged = try await CallIntake.receive(
            call, ticketID: input.ticketID, source: source, writer: request.raaya.writer, now: request.raaya.clock.now())
        return try JSON.response(LoggedCallDTO(ticketID: logged.ticketID, messageID: logged.messageID), status: .accepted)
    }

    /// An agent logs a call on a ticket they can see; the number defaults to the customer's.
    @Sendable static func logCall(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        let input = try request.decodeJSON(PhoneCallRequest.self)
        let customerPhone = try await request.db.sqlDatabase().raw("""
            SELECT i.value FROM customer_identities i JOIN tickets t ON t.customer_id = i.customer_id \
            WHERE t.id = \(bind: id) AND i.kind = 'phone' ORDER BY i.id LIMIT 1
            """).first().map { try $0.decode(column: "value", as: String.self) }
        let call = try input.validated(fallbackNumber: customerPhone)
        let clock = request.raaya.clock
        let messageID = try await request.raaya.writer.write { database in
            try await TicketService(database: database, now: clock.now(), actor: principal).logCall(on: id, call)
        }
        return try JSON.response(LoggedCallDTO(ticketID: id, messageID: messageID), status: .created)
    }
}

extension ChannelsAPI {
    /// Posts and messages from a social network or complaint site, signed with its source's secret.
    @Sendable static func socialWebhook(_ request: Request) async throws -> Response {
        let name = request.parameters.get("source") ?? ""
        let body = request.body.data.map { Array($0.readableBytesView) } ?? []
        guard let source = try await ChannelSource.find(kind: .social, name: name, on: request.db.sqlDatabase()),
            source.signs(body, header: request.headers.first(name: "X-Hub-Signature-256"))
        else {
            throw DomainError.unauthenticated("missing or wrong X-Hub-Signature-256 for social source \(name)")
        }
        let outcomes = try await SocialIntake.receive(
            try SocialPost.posts(in: body), from: source, writer: request.raaya.writer, now: request.raaya.clock.now())
        return try JSON.response(Page(data: outcomes, nextCursor: nil), status: .accepted)
    }

    /// Meta's subscription handshake: echo `hub.challenge` when `hub.verify_token` is the source's.
    @Sendable static func socialVerification(_ request: Request) async throws -> Response {
        let name = request.parameters.get("source") ?? ""
        let mode = try? request.query.get(String.self, at: "hub.mode")
        let token = try? request.query.get(String.self, at: "hub.verify_token")
        let challenge = (try? request.query.get(String.self, at: "hub.challenge")) ?? ""
        guard mode == "subscribe", let token,
            let expected = try await ChannelSource.find(kind: .social, name: name, on: request.db.sqlDatabase())?.verifyToken,
            ConstantTime.equal(token, expected)
        else {
            throw DomainError.forbidden("wrong hub.verify_token for social source \(name)")
        }
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: .ok, headers: headers, body: .init(string: challenge))
    }
}
