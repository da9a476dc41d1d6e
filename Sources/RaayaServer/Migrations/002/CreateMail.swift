import Fluent
import SQLKit

/// Mailboxes, every inbound mail as it arrived, and the Message-IDs that thread mail into tickets.
struct CreateMail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mailboxes")
            .field("id", .int, .identifier(auto: true))
            .field("address", .string, .required)
            .field("name", .string, .required)
            .field("group_id", .int, .references("groups", "id"))
            .field("language", .string)
            .field("signature", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "address")
            .create()
        // The raw message is kept whatever became of it: a ticket, a message on one, ignored (auto-replies,
        // bounces) or not understood. It is stored in the transaction that acknowledges it.
        try await database.schema("inbound_mails")
            .field("id", .int, .identifier(auto: true))
            .field("mailbox_id", .int, .references("mailboxes", "id"))
            .field("message_id", .string)
            .field("sender", .string)
            .field("raw", .data, .required)
            .field("outcome", .string, .required)
            .field("reason", .string)
            .field("ticket_id", .int, .references("tickets", "id"))
            .field("received_at", .datetime, .required)
            .create()
        // Every Message-ID Raaya has seen or sent, with its ticket: replies thread by In-Reply-To/References,
        // and a delivery seen before stores nothing new.
        try await database.schema("mail_ids")
            .field("id", .int, .identifier(auto: true))
            .field("message_id", .string, .required)
            .field("ticket_id", .int, .required, .references("tickets", "id"))
            .field("direction", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "message_id")
            .create()
        let sql = try database.sqlDatabase()
        try await sql.create(index: "inbound_mails_ticket").on("inbound_mails").column("ticket_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["mail_ids", "inbound_mails", "mailboxes"] { try await database.schema(table).delete() }
    }
}
