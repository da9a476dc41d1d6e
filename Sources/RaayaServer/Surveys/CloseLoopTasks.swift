import Foundation
import RaayaCore
import SQLKit

/// "Close the loop": a low survey answer (CSAT ≤ 2, an NPS detractor, CES ≥ 6) opens a task for the ticket's
/// agent, or its group's supervisors when nobody has the ticket, to get back to the customer. Shown in the
/// workspace until someone marks it done.
enum CloseLoopTasks {
    enum Status: String, CaseIterable, Codable, Sendable {
        case open, done
    }

    struct Entry: Encodable, Sendable {
        let id: Int
        let status: Status
        let ticketID: Int?
        let ticketSubject: String?
        let customerID: Int
        let customerName: String
        let assigneeID: Int?
        let groupID: Int?
        let kind: SurveyKind
        let score: Int
        let comment: String?
        let createdAt: Date
        let doneAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, status, kind, score, comment
            case ticketID = "ticket_id"
            case ticketSubject = "ticket_subject"
            case customerID = "customer_id"
            case customerName = "customer_name"
            case assigneeID = "assignee_id"
            case groupID = "group_id"
            case createdAt = "created_at"
            case doneAt = "done_at"
        }
    }

    /// Tasks the principal may see (those of tickets they may see; campaign answers, which have no ticket, for
    /// admins and supervisors), oldest first; `status` nil for both.
    static func list(status: Status?, for principal: Principal, on sql: any SQLDatabase, id: Int? = nil) async throws -> [Entry] {
        var condition: SQLQueryString = "1 = 1"
        if let status { condition += " AND k.status = \(bind: status.rawValue)" }
        if let id { condition += " AND k.id = \(bind: id)" }
        if !principal.role.seesAllTickets {
            let groups = principal.groupIDs.isEmpty ? [0] : Array(principal.groupIDs)
            condition += """
                 AND t.id IS NOT NULL AND (k.assignee_id = \(bind: principal.userID) \
                OR t.assignee_id = \(bind: principal.userID) OR t.group_id IS NULL \
                OR t.group_id IN (\(unsafeRaw: groups.map(String.init).joined(separator: ", "))))
                """
        }
        return try await sql.raw("""
            SELECT k.id, k.status, k.ticket_id, t.subject, k.customer_id, c.name, k.assignee_id, k.group_id, \
            r.kind, r.score, r.comment, k.created_at, k.done_at \
            FROM close_loop_tasks k JOIN survey_responses r ON r.id = k.response_id \
            JOIN customers c ON c.id = k.customer_id LEFT JOIN tickets t ON t.id = k.ticket_id \
            WHERE \(condition) ORDER BY k.id LIMIT 200
            """).all().map { row in
            Entry(
                id: try row.decode(column: "id", as: Int.self), status: try row.decodeRaw(column: "status", as: Status.self),
                ticketID: try row.decodeOptional(column: "ticket_id", as: Int.self),
                ticketSubject: try row.decodeOptional(column: "subject", as: String.self),
                customerID: try row.decode(column: "customer_id", as: Int.self),
                customerName: try row.decode(column: "name", as: String.self),
                assigneeID: try row.decodeOptional(column: "assignee_id", as: Int.self),
                groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                kind: try row.decodeRaw(column: "kind", as: SurveyKind.self), score: try row.decode(column: "score", as: Int.self),
                comment: try row.decodeOptional(column: "comment", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                doneAt: try row.decodeOptional(column: "done_at", as: Date.self))
        }
    }

    /// Marks a task the principal may see done (again: no change).
    static func complete(_ id: Int, by principal: Principal, on sql: any SQLDatabase, now: Date) async throws {
        guard let task = try await list(status: nil, for: principal, on: sql, id: id).first else {
            throw DomainError.notFound(resource: "task")
        }
        guard task.status == .open else { return }
        try await sql.update("close_loop_tasks").where("id", .equal, id)
            .set("status", to: Status.done.rawValue).set("done_at", to: now).set("done_by", to: principal.userID).run()
    }
}
