import Fluent

/// Systems that send Raaya messages by signed webhook: social networks, complaint sites, telephony.
struct CreateChannelSources: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("channel_sources")
            .field("id", .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("secret", .string, .required)
            .field("verify_token", .string)
            .field("group_id", .int, .references("groups", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("channel_sources").delete()
    }
}
