import Fluent
import SQLKit

/// Live chat: business calendars (when the team works), settings by key, which visitor each chat ticket belongs
/// to, and which agents are connected to receive chats.
struct CreateChat: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("business_calendars")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("time_zone", .string, .required)
            // JSON: {"sun": [{"start": "09:00", "end": "17:00"}], …} and ["2026-12-02", …].
            .field("hours", .string, .required)
            .field("holidays", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema("settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("chat_conversations")
            .field("ticket_id", .int, .identifier(auto: false), .references("tickets", "id"))
            .field("visitor_id", .string, .required)
            .field("by_email", .bool, .required)
            .field("language", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sqlDatabase().create(index: "chat_conversations_visitor").on("chat_conversations")
            .column("visitor_id").column("ticket_id").run()
        // One row per open agent connection, refreshed while it lives; a row not refreshed for a while is a
        // connection that died with its server.
        try await database.schema("chat_agents")
            .field("connection_id", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("seen_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["chat_agents", "chat_conversations", "settings", "business_calendars"] {
            try await database.schema(table).delete()
        }
    }
}
