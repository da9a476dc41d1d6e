import Fluent
import SQLKit

/// Events by when they happened: the reports pick the tickets with an event since a range's start from this
/// index instead of probing every ticket's events (`TicketHistory`).
struct UpdateTicketEventsReportIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sqlDatabase().create(index: "ticket_events_created").on(TicketEvent.schema)
            .column("created_at").column("ticket_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase().drop(index: "ticket_events_created").run()
    }
}
