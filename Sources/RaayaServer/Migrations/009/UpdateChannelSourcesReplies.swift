import Fluent
import SQLKit

/// Where replies to a social source go: an HTTP endpoint (the network's send API, or the complaint site's),
/// its bearer token, and the body format it expects. A source without one cannot be answered from Raaya.
struct UpdateChannelSourcesReplies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for column in ["reply_url", "reply_token", "reply_format"] {
            try await database.schema("channel_sources").field(FieldKey(stringLiteral: column), .string).update()
        }
        // The outbox carries mail (to the SMTP relay) and HTTP calls (to a source's reply endpoint).
        try await database.schema("outbox")
            .field("transport", .string, .required, .sql(.default("smtp")))
            .update()
        // Without a relay only HTTP calls are due, however much mail waits.
        try await database.sqlDatabase().create(index: "outbox_due_transport").on("outbox").column("status")
            .column("transport").column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("transport").update()
        for column in ["reply_url", "reply_token", "reply_format"] {
            try await database.schema("channel_sources").deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
