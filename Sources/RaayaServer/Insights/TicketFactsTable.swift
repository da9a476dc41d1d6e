import Foundation
import RaayaCore
import SQLKit

/// The reports' pre-aggregate: one row per ticket in `ticket_facts` holding what `TicketFacts` derives from the
/// ticket's events and messages (creation, first public agent reply and reply count, solves, reopens, closure,
/// merge, status). A report reads a row per ticket instead of every event and message of it.
///
/// The row is exact because it is rebuilt from the raw history (`TicketHistory.rebuilt`) inside the same
/// transaction as every write that changes them: each `TicketService` operation on a ticket (status, priority,
/// assignee, group, a message, a merge) refreshes it once at its end, `TicketCreation` builds it, and a change of a
/// customer's organization refreshes the customer's tickets. The attributes reports filter on are copied here as
/// the ticket has them now (channel, priority, group, assignee, the customer's organization), so a report reads
/// this table alone; tags stay in `ticket_tags`.
///
/// Columns: `created_at`, `last_at` (`TicketFacts.lastInstant`) and `unresolved` (now) pick a range's tickets;
/// the attributes filter them; `facts` holds the facts as one line of text (`Line`), because both drivers decode
/// a column at a cost that dwarfs the query: a report reads one text column per ticket, with the attributes
/// appended by the database. Instants are seconds since Foundation's reference date (2001-01-01 UTC), written in the shortest
/// form that reads back as the same `Double`, so every `Date` comes back exactly.
enum TicketFactsTable {
    static let name = "ticket_facts"

    /// Replaces the rows of `facts`' tickets.
    static func write(_ facts: [TicketFacts], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: facts.count, by: rowsPerStatement) {
            let page = facts[start..<min(start + rowsPerStatement, facts.count)]
            try await sql.raw("DELETE FROM ticket_facts WHERE ticket_id IN (\(binds: page.map(\.id)))").run()
            try await sql.insertRows(
                into: name,
                columns: [
                    "ticket_id", "created_at", "last_at", "unresolved", "facts", "channel", "priority", "group_id",
                    "assignee_id", "organization_id",
                ],
                page.map { ticket in
                    [
                        ticket.id, seconds(ticket.createdAt), seconds(ticket.lastInstant), ticket.isUnresolvedNow,
                        Line.text(of: ticket), ticket.channel.rawValue, ticket.priority.rawValue, ticket.groupID,
                        ticket.assigneeID, ticket.organizationID,
                    ]
                })
        }
    }

    /// Well under the bound values a statement may hold on either database (SQLite 32,766).
    private static let rowsPerStatement = 2_500

    /// Rebuilds the rows of `ids` from their raw history: call it in the transaction that changed it.
    static func refresh(_ ids: [Int], on sql: any SQLDatabase) async throws {
        try await write(try await TicketHistory.rebuilt(ofIDs: ids, on: sql), on: sql)
    }

    /// Builds the rows of the tickets that have none from their raw history, a page of tickets at a time: the
    /// migration that completes the table and tools that fill a database with plain SQL.
    static func fillMissing(on sql: any SQLDatabase) async throws {
        var after = 0
        while true {
            let ids = try await sql.raw("""
                SELECT t.id FROM tickets t WHERE t.id > \(bind: after) \
                AND NOT EXISTS (SELECT 1 FROM ticket_facts f WHERE f.ticket_id = t.id) \
                ORDER BY t.id LIMIT \(literal: TicketHistory.idsPerStatement)
                """).all(decodingColumn: "id", as: Int.self)
            guard let last = ids.last else { return }
            try await refresh(ids, on: sql)
            after = last
        }
    }

    /// An instant as the table stores it.
    static func seconds(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }

    /// The expression a report selects (`AS line`) from `ticket_facts f`: the stored facts, then the ticket's id,
    /// channel, priority, group, assignee and organization (`-` for none).
    static let selectLine = """
        f.facts || ' ' || CAST(f.ticket_id AS TEXT) || ' ' || f.channel || ' ' || f.priority || ' ' || \
        COALESCE(CAST(f.group_id AS TEXT), '-') || ' ' || COALESCE(CAST(f.assignee_id AS TEXT), '-') || ' ' || \
        COALESCE(CAST(f.organization_id AS TEXT), '-') AS line
        """

    /// A ticket's facts as one line of fields separated by spaces: creation, status, first reply (`-` for none),
    /// reply count, closure (`-`), merged (`1` or `0`), solves and reopens (instants separated by commas, `-` for
    /// none). A report's line continues with the fields `selectLine` appends.
    enum Line {
        static func text(of ticket: TicketFacts) -> String {
            func instant(_ date: Date?) -> String { date.map { String(seconds($0)) } ?? "-" }
            func list(_ dates: [Date]) -> String { dates.isEmpty ? "-" : dates.map { String(seconds($0)) }.joined(separator: ",") }
            return [
                instant(ticket.createdAt), ticket.status.rawValue, instant(ticket.firstPublicAgentReplyAt),
                String(ticket.publicAgentReplyCount), instant(ticket.closedAt), ticket.isMerged ? "1" : "0",
                list(ticket.solvedAt), list(ticket.reopenedAt),
            ].joined(separator: " ")
        }

        /// The facts of a report's line, without tags; nil when the line is not one `selectLine` makes. The line
        /// is ASCII, so it is cut on its bytes rather than on characters.
        static func facts(_ line: String) -> TicketFacts? {
            let fields = line.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 14, let created = date(fields[0]), let status = TicketStatus(rawValue: String(fields[1])),
                let replies = Int(fields[3]), let id = Int(fields[8]), let channel = Channel(rawValue: String(fields[9])),
                let priority = TicketPriority(rawValue: String(fields[10]))
            else { return nil }
            func optional(_ field: Substring) -> Int? { field == "-" ? nil : Int(field) }
            func list(_ field: Substring) -> [Date] {
                field == "-" ? [] : field.utf8.split(separator: UInt8(ascii: ",")).compactMap { date(Substring($0)) }
            }
            return TicketFacts(
                id: id, createdAt: created, channel: channel, groupID: optional(fields[11]), assigneeID: optional(fields[12]),
                priority: priority, organizationID: optional(fields[13]), firstPublicAgentReplyAt: date(fields[2]),
                publicAgentReplyCount: replies, solvedAt: list(fields[6]), reopenedAt: list(fields[7]), closedAt: date(fields[4]),
                isMerged: fields[5] == "1", status: status)
        }

        private static func date(_ field: Substring) -> Date? {
            Double(field).map { Date(timeIntervalSinceReferenceDate: $0) }
        }
    }
}
