import Fluent
import SQLKit

/// Mail waiting to go out, kept until the relay has taken it: written in the transaction of the reply it
/// carries, so a reply the agent was told is sent survives a crash before delivery.
struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .field("id", .int, .identifier(auto: true))
            .field("ticket_id", .int, .required, .references("tickets", "id"))
            .field("kind", .string, .required)
            .field("mail_message_id", .string, .required)
            .field("sender", .string, .required)
            .field("recipient", .string, .required)
            .field("payload", .data, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await database.sqlDatabase().create(index: "outbox_due").on("outbox").column("status")
            .column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
    }
}
