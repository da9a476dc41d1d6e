import Fluent
import SQLKit

/// The reports' pre-aggregate, one row of facts per ticket (`TicketFactsTable`); 026 fills it from the history
/// already stored. Reports pick a range's tickets by `last_at` (settled tickets with a fact since the start) and by
/// `unresolved` with `created_at` (the tickets still open).
struct CreateTicketFacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TicketFactsTable.name)
            .field("ticket_id", .int, .identifier(auto: false), .references(Ticket.schema, "id"))
            .field("created_at", .double, .required)
            .field("last_at", .double, .required)
            .field("unresolved", .bool, .required)
            .field("facts", .string, .required)
            .create()
        let sql = try database.sqlDatabase()
        try await sql.create(index: "ticket_facts_last").on(TicketFactsTable.name).column("last_at").run()
        try await sql.create(index: "ticket_facts_unresolved").on(TicketFactsTable.name)
            .column("unresolved").column("created_at").run()
        // The rows are built by `UpdateTicketFactsAttributes` (026), which completes those this migration built
        // when it filled the table itself: the rows now have columns this one does not create.
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TicketFactsTable.name).delete()
    }
}
