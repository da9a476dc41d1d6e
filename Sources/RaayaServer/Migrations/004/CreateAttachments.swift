import Fluent
import SQLKit

/// Files attached to messages (kept by `FileStore`); the row is written after the file is on disk.
struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("attachments")
            .field("id", .int, .identifier(auto: true))
            .field("message_id", .int, .required, .references(Message.schema, "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("content_id", .string)
            .field("inline", .bool, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("path", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sqlDatabase().create(index: "attachments_message").on("attachments").column("message_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("attachments").delete()
    }
}
