import Fluent

/// The sentiment label of the customer's latest message on the ticket, so the inbox can filter on it without
/// reading every ticket's messages. Null until the customer writes (and for tickets from before this migration).
struct UpdateTicketsSentiment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tickets").field("sentiment", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tickets").deleteField("sentiment").update()
    }
}
