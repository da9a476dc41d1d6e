import Fluent
import SQLKit

/// The volume report counts each channel's new tickets per bucket (`TicketHistory.volume`): with an index on
/// `(channel, created_at)` each count reads one range of it, and a year's counts cost about what reading the
/// year's entries once does (SQLite 0.06 s, PostgreSQL 0.12 s on a million tickets, against 0.56 and 0.37 s for
/// grouping the rows by a computed bucket).
struct CreateTicketFactsChannelIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sqlDatabase().create(index: "ticket_facts_channel").on(TicketFactsTable.name)
            .column("channel").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase().drop(index: "ticket_facts_channel").run()
    }
}
