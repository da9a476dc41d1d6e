import Fluent
import SQLKit

/// The attributes reports filter on, kept in `ticket_facts` beside the facts (`TicketFactsTable`): a report reads
/// that one table instead of joining every ticket and its customer, which was most of a report's time at a
/// million tickets. Rows built before are completed from the tickets (columns and line); tickets without a row get
/// one. Volume and the raw export pick tickets by `ticket_facts.created_at`, the export paging on it and the id,
/// hence the index; it holds the channel too, so volume without other filters reads the index alone. The index on
/// tickets by creation (025) served only those two, so it goes: every new ticket paid for it.
struct UpdateTicketFactsAttributes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        for (column, type) in [
            ("channel", "TEXT"), ("priority", "TEXT"), ("group_id", "BIGINT"), ("assignee_id", "BIGINT"), ("organization_id", "BIGINT"),
        ] {
            try await sql.raw("ALTER TABLE ticket_facts ADD COLUMN \(ident: column) \(unsafeRaw: type)").run()
        }
        // The line takes the attributes too (`TicketFactsTable.Line`).
        try await sql.raw("""
            UPDATE ticket_facts SET channel = a.channel, priority = a.priority, group_id = a.group_id, \
            assignee_id = a.assignee_id, organization_id = a.organization_id, \
            facts = ticket_facts.facts || ' ' || CAST(a.id AS TEXT) || ' ' || a.channel || ' ' || a.priority || ' ' || \
            COALESCE(CAST(a.group_id AS TEXT), '-') || ' ' || COALESCE(CAST(a.assignee_id AS TEXT), '-') || ' ' || \
            COALESCE(CAST(a.organization_id AS TEXT), '-') \
            FROM (SELECT t.id, t.channel, t.priority, t.group_id, t.assignee_id, c.organization_id \
            FROM tickets t JOIN customers c ON c.id = t.customer_id) AS a \
            WHERE a.id = ticket_facts.ticket_id
            """).run()
        try await TicketFactsTable.fillMissing(on: sql)
        try await sql.create(index: "ticket_facts_created").on(TicketFactsTable.name).column("created_at").column("ticket_id").column("channel").run()
        try await sql.drop(index: "tickets_created").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        try await sql.create(index: "tickets_created").on(Ticket.schema).column("created_at").run()
        try await sql.drop(index: "ticket_facts_created").run()
        for column in ["channel", "priority", "group_id", "assignee_id", "organization_id"] {
            try await sql.raw("ALTER TABLE ticket_facts DROP COLUMN \(ident: column)").run()
        }
    }
}
