import Fluent
import SQLKit

/// Indexes for the reports that count without facts: volume counts tickets by creation instant (and the raw
/// export pages through them), and the self-service and capacity reports read a few kinds of events over a
/// range. Without them each of these scanned every ticket or every event since the start.
struct UpdateReportIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        try await sql.create(index: "tickets_created").on(Ticket.schema).column("created_at").run()
        try await sql.create(index: "ticket_events_kind_created").on(TicketEvent.schema).column("kind").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        try await sql.drop(index: "ticket_events_kind_created").run()
        try await sql.drop(index: "tickets_created").run()
    }
}
