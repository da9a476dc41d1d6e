import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

enum MailAPI {
    @Sendable static func listMailboxes(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(Page(data: try await MailboxQueries(database: request.db).all(), nextCursor: nil))
    }

    @Sendable static func createMailbox(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let draft = try request.decodeJSON(CreateMailboxRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await draft.create(on: database.sqlDatabase(), now: now)
        } render: { id in
            try JSON.response(try await MailboxQueries(database: request.db).mailbox(id))
        }
    }

    /// A raw RFC 5322 message, as an MTA pipe or a mail provider's forwarding delivers it. Answers 202 once
    /// the mail is stored.
    @Sendable static func inbound(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        guard var body = request.body.data, body.readableBytes > 0 else {
            throw DomainError.invalid("body", "must be a raw RFC 5322 message")
        }
        guard body.readableBytes <= Limits.mailBytes else {
            throw DomainError.invalid("body", "is larger than \(Limits.mailBytes) bytes")
        }
        let raw = body.readBytes(length: body.readableBytes) ?? []
        let outcome = try await MailIntake(
            writer: request.raaya.writer, clock: request.raaya.clock, files: request.raaya.files, logger: request.logger,
            suggester: ArticleSuggester(request.raaya, sql: try request.db.sqlDatabase())
        ).receive(raw)
        return try JSON.response(
            InboundMailDTO(outcome: outcome.name, ticketID: outcome.ticketID, reason: outcome.reason), status: .accepted)
    }

    /// Inbound mail, newest first, optionally of one outcome: `kept` lists what could not become a ticket.
    @Sendable static func listInbound(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let parameters = request.queryParameters
        let limit = try parameters.limit
        let condition: SQLQueryString =
            try parameters.value("outcome", as: MailOutcome.Kind.self).map { "outcome = \(bind: $0.rawValue)" } ?? "1 = 1"
        let rows = try await request.db.sqlDatabase().raw("""
            SELECT id, mailbox_id, message_id, sender, outcome, reason, ticket_id, LENGTH(raw) AS size, received_at \
            FROM inbound_mails WHERE \(condition) ORDER BY id DESC LIMIT \(bind: limit)
            """).all()
        let items = try rows.map { row in
            InboundMailRecordDTO(
                id: try row.decode(column: "id", as: Int.self), mailboxID: try row.decodeOptional(column: "mailbox_id", as: Int.self),
                messageID: try row.decodeOptional(column: "message_id", as: String.self),
                sender: try row.decodeOptional(column: "sender", as: String.self), outcome: try row.decode(column: "outcome", as: String.self),
                reason: try row.decodeOptional(column: "reason", as: String.self),
                ticketID: try row.decodeOptional(column: "ticket_id", as: Int.self), size: try row.decode(column: "size", as: Int.self),
                receivedAt: try row.decode(column: "received_at", as: Date.self))
        }
        return try JSON.response(Page(data: items, nextCursor: nil))
    }

    /// The message exactly as it arrived.
    @Sendable static func rawInbound(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "inbound mail")
        guard let row = try await request.db.sqlDatabase().raw("SELECT raw FROM inbound_mails WHERE id = \(bind: id)").first()
        else { throw DomainError.notFound(resource: "inbound mail") }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "message", subType: "rfc822")
        return Response(status: .ok, headers: headers, body: .init(data: try row.decode(column: "raw", as: Data.self)))
    }
}

struct MailboxQueries {
    let database: any Database

    func all() async throws -> [MailboxDTO] {
        try await rows("ORDER BY address")
    }

    func mailbox(_ id: Int) async throws -> MailboxDTO {
        guard let mailbox = try await rows("WHERE id = \(bind: id)").first else {
            throw DomainError.notFound(resource: "mailbox")
        }
        return mailbox
    }

    private func rows(_ tail: SQLQueryString) async throws -> [MailboxDTO] {
        try await database.sqlDatabase().raw(
            "SELECT id, address, name, group_id, language, signature, created_at FROM mailboxes \(tail)"
        ).all().map { row in
            MailboxDTO(
                id: try row.decode(column: "id", as: Int.self), address: try row.decode(column: "address", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                language: try row.decodeOptional(column: "language", as: String.self),
                signature: try row.decodeOptional(column: "signature", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }
}

struct MailTemplateDTO: Codable, Sendable {
    let key: String
    let language: String
    let subject: String
    let body: String
    /// False while the built-in text is in use.
    let customized: Bool
}

struct MailTemplateRequest: Decodable {
    let subject: String
    let body: String
}

extension MailAPI {
    @Sendable static func listTemplates(_ request: Request) async throws -> Response {
        _ = try request.principal
        var templates: [MailTemplateDTO] = []
        for language in Acknowledgement.languages {
            templates.append(try await template(language, on: request.db.sqlDatabase()))
        }
        return try JSON.response(Page(data: templates, nextCursor: nil))
    }

    /// Replaces a template's text for one language. Placeholders: `{{ticket}}` (required in the subject, so
    /// replies carry the ticket's number), `{{subject}}`, `{{name}}`.
    @Sendable static func updateTemplate(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        guard request.parameters.get("key") == Acknowledgement.key else { throw DomainError.notFound(resource: "mail template") }
        let language = request.parameters.get("language") ?? ""
        guard Acknowledgement.languages.contains(language) else { throw DomainError.notFound(resource: "mail template") }
        let input = try request.decodeJSON(MailTemplateRequest.self)
        var validation = Validation()
        let subject = validation.requiredText(input.subject, field: "subject", maxCharacters: Limits.subjectCharacters)
        if !subject.isEmpty && !subject.contains("{{ticket}}") { validation.fail("subject", "must contain {{ticket}}") }
        let body = validation.requiredBody(input.body, field: "body")
        try validation.check()
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            let sql = try database.sqlDatabase()
            let now = clock.now()
            try await sql.raw(
                "DELETE FROM mail_templates WHERE key = \(bind: Acknowledgement.key) AND language = \(bind: language)"
            ).run()
            try await sql.insertRow(
                into: "mail_templates",
                ["key": Acknowledgement.key, "language": language, "subject": subject, "body": body, "updated_at": now])
        }
        return try JSON.response(try await template(language, on: request.db.sqlDatabase()))
    }

    private static func template(_ language: String, on sql: any SQLDatabase) async throws -> MailTemplateDTO {
        let template = try await Acknowledgement.template(language, on: sql)
        return MailTemplateDTO(
            key: Acknowledgement.key, language: language, subject: template.subject, body: template.body,
            customized: template.customized)
    }
}

/// A mailbox as an admin asked for it, validated.
struct MailboxDraft: Sendable {
    let address: String
    let name: String
    let groupID: Int?
    let language: String?
    let signature: String?

    /// Stores the mailbox inside a write; returns its id.
    func create(on sql: any SQLDatabase, now: Date) async throws -> Int {
        if try await sql.raw("SELECT id FROM mailboxes WHERE address = \(bind: address)").first() != nil {
            throw DomainError.conflict("a mailbox with address \(address) exists")
        }
        try await sql.requireRow(in: "groups", id: groupID, field: "group_id", names: "group")
        return try await sql.insertReturningID(
            into: "mailboxes",
            ["address": address, "name": name, "group_id": groupID, "language": language, "signature": signature, "created_at": now])
    }
}

extension CreateMailboxRequest {
    func validated() throws -> MailboxDraft {
        var validation = Validation()
        let email = validation.email(address, field: "address")
        if email == nil && address.trimmingWhitespace().isEmpty { validation.fail("address", "is required") }
        let name = validation.requiredText(name, field: "name", maxCharacters: Limits.nameCharacters)
        let language = validation.language(language, field: "language")
        let signature = signature?.trimmingWhitespace()
        if let signature, signature.utf8.count > 4096 { validation.fail("signature", "must be at most 4096 bytes") }
        try validation.check()
        return MailboxDraft(
            address: email ?? "", name: name, groupID: groupID, language: language,
            signature: signature.flatMap { $0.isEmpty ? nil : $0 })
    }
}
