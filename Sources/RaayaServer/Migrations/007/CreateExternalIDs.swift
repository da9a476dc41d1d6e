import Fluent

/// Ids that social networks and complaint sites give their posts, per source, with the ticket each became: a
/// webhook delivered twice stores nothing new.
struct CreateExternalIDs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("external_ids")
            .field("id", .int, .identifier(auto: true))
            .field("source_id", .int, .required, .references("channel_sources", "id"))
            .field("external_id", .string, .required)
            .field("ticket_id", .int, .required, .references("tickets", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "source_id", "external_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("external_ids").delete()
    }
}
