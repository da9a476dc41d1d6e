import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// One mail in the outbox, as admins and supervisors see it.
struct OutboxItemDTO: Codable, Sendable {
    let id: Int
    /// Nil for mail about no ticket (the weekly digest).
    let ticketID: Int?
    let kind: String
    let recipient: String
    let status: String
    let attempts: Int
    let nextAttemptAt: Date
    let lastError: String?
    let createdAt: Date
    let sentAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, recipient, status, attempts
        case ticketID = "ticket_id"
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case createdAt = "created_at"
        case sentAt = "sent_at"
    }
}

/// What is waiting to go out, what went, and what failed — and a way to send a failed mail again.
enum OutboxAPI {
    enum Status: String, CaseIterable {
        case pending, sent, failed
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let parameters = request.queryParameters
        let limit = try parameters.limit
        let condition: SQLQueryString =
            try parameters.value("status", as: Status.self).map { "status = \(bind: $0.rawValue)" } ?? "1 = 1"
        let items = try await rows(where: condition, limit: limit, on: request.db.sqlDatabase())
        return try JSON.response(Page(data: items, nextCursor: nil))
    }

    /// A failed mail goes back to the queue, due now, with its attempts counted from zero.
    @Sendable static func retry(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "outbox item")
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            let sql = try database.sqlDatabase()
            guard let row = try await sql.raw("SELECT status FROM outbox WHERE id = \(bind: id)").first() else {
                throw DomainError.notFound(resource: "outbox item")
            }
            guard try row.decode(column: "status", as: String.self) == "failed" else {
                throw DomainError.conflict("only failed mail can be sent again")
            }
            try await sql.raw("""
                UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = \(bind: clock.now()) \
                WHERE id = \(bind: id)
                """).run()
        }
        guard let item = try await rows(where: "id = \(bind: id)", limit: 1, on: request.db.sqlDatabase()).first else {
            throw DomainError.notFound(resource: "outbox item")
        }
        return try JSON.response(item)
    }

    private static func rows(where condition: SQLQueryString, limit: Int, on sql: any SQLDatabase) async throws
        -> [OutboxItemDTO]
    {
        try await sql.raw("""
            SELECT id, ticket_id, kind, recipient, status, attempts, next_attempt_at, last_error, created_at, sent_at \
            FROM outbox WHERE \(condition) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { row in
            OutboxItemDTO(
                id: try row.decode(column: "id", as: Int.self), ticketID: try row.decodeOptional(column: "ticket_id", as: Int.self),
                kind: try row.decode(column: "kind", as: String.self),
                recipient: try row.decode(column: "recipient", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                attempts: try row.decode(column: "attempts", as: Int.self),
                nextAttemptAt: try row.decode(column: "next_attempt_at", as: Date.self),
                lastError: try row.decodeOptional(column: "last_error", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                sentAt: try row.decodeOptional(column: "sent_at", as: Date.self))
        }
    }
}
