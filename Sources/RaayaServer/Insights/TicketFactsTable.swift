import Foundation
import RaayaCore
import SQLKit

/// The reports' pre-aggregate: one row per ticket in `ticket_facts` holding what `TicketFacts` derives from the
/// ticket's events and messages (creation, first public agent reply and reply count, solves, reopens, closure,
/// merge, status). A report reads a row per ticket instead of every event and message of it.
///
/// The row is exact because it is rebuilt from the raw history (`TicketHistory.rebuilt`) inside the same
/// transaction as every write that changes those facts: `TicketService.record` of a fact event, a public agent
/// reply, a merge moving messages, and `TicketCreation` (whose new tickets' facts are known). The attributes
/// reports filter on (channel, group, assignee, priority, tags, organization) are not copied: they are read from
/// the ticket as it is now, as before.
///
/// Instants are stored as seconds since Foundation's reference date (2001-01-01 UTC) in floating point, which
/// gives back exactly the `Date` stored on both databases; lists (solves, reopens) as those numbers separated by
/// spaces.
enum TicketFactsTable {
    static let name = "ticket_facts"

    static let columns = [
        "ticket_id", "created_at", "status", "first_reply_at", "replies", "solved_at", "reopened_at", "closed_at", "merged",
        "unresolved", "last_at",
    ]

    /// Replaces the rows of `facts`' tickets.
    static func write(_ facts: [TicketFacts], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: facts.count, by: rowsPerStatement) {
            let page = facts[start..<min(start + rowsPerStatement, facts.count)]
            try await sql.raw("DELETE FROM ticket_facts WHERE ticket_id IN (\(binds: page.map(\.id)))").run()
            try await sql.insertRows(into: name, columns: columns, page.map(row))
        }
    }

    /// Well under the bound values a statement may hold on either database (SQLite 32,766).
    private static let rowsPerStatement = 2_500

    /// Rebuilds the rows of `ids` from their raw history: call it in the transaction that changed it.
    static func refresh(_ ids: [Int], on sql: any SQLDatabase) async throws {
        try await write(try await TicketHistory.rebuilt(ofIDs: ids, on: sql), on: sql)
    }

    /// Rebuilds every ticket's row from the raw history, a page of tickets at a time: the migration that creates
    /// the table and tools that fill a database with plain SQL.
    static func rebuildAll(on sql: any SQLDatabase) async throws {
        var after = 0
        while true {
            let ids = try await sql.raw("""
                SELECT id FROM tickets WHERE id > \(bind: after) ORDER BY id LIMIT \(literal: TicketHistory.idsPerStatement)
                """).all(decodingColumn: "id", as: Int.self)
            guard let last = ids.last else { return }
            try await refresh(ids, on: sql)
            after = last
        }
    }

    /// The row of `facts`, in the order of `columns`.
    static func row(_ facts: TicketFacts) -> [any Encodable & Sendable] {
        let instants = [facts.createdAt] + [facts.firstPublicAgentReplyAt, facts.closedAt].compactMap { $0 }
            + facts.solvedAt + facts.reopenedAt
        return [
            facts.id, seconds(facts.createdAt), facts.status.rawValue, facts.firstPublicAgentReplyAt.map(seconds),
            facts.publicAgentReplyCount, list(facts.solvedAt), list(facts.reopenedAt), facts.closedAt.map(seconds),
            facts.isMerged, facts.isUnresolved(before: .distantFuture), seconds(instants.max() ?? facts.createdAt),
        ]
    }

    /// The facts of a row read with `SELECT f.*, t.channel, t.group_id, t.assignee_id, t.priority,
    /// c.organization_id` (see `TicketHistory.selectFacts`), with `tags`.
    static func facts(_ row: any SQLRow, tags: Set<String>) throws -> TicketFacts {
        TicketFacts(
            id: try row.decode(column: "ticket_id", as: Int.self), createdAt: date(try row.decode(column: "created_at", as: Double.self)),
            channel: try row.decodeRaw(column: "channel", as: Channel.self),
            groupID: try row.decodeOptional(column: "group_id", as: Int.self),
            assigneeID: try row.decodeOptional(column: "assignee_id", as: Int.self), tags: tags,
            priority: try row.decodeRaw(column: "priority", as: TicketPriority.self),
            organizationID: try row.decodeOptional(column: "organization_id", as: Int.self),
            firstPublicAgentReplyAt: try row.decodeOptional(column: "first_reply_at", as: Double.self).map(date),
            publicAgentReplyCount: try row.decode(column: "replies", as: Int.self),
            solvedAt: dates(try row.decode(column: "solved_at", as: String.self)),
            reopenedAt: dates(try row.decode(column: "reopened_at", as: String.self)),
            closedAt: try row.decodeOptional(column: "closed_at", as: Double.self).map(date),
            isMerged: try row.decode(column: "merged", as: Bool.self),
            status: try row.decodeRaw(column: "status", as: TicketStatus.self))
    }

    /// An instant as the table stores it.
    static func seconds(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }

    private static func date(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }

    private static func list(_ dates: [Date]) -> String {
        dates.map { String(seconds($0)) }.joined(separator: " ")
    }

    private static func dates(_ text: String) -> [Date] {
        text.split(separator: " ").compactMap { Double($0).map(date) }
    }
}
