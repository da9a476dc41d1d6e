import Fluent
import SQLKit

struct CreateTickets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Ticket.schema)
            .field("id", .int, .identifier(auto: true))
            .field("subject", .string, .required)
            .field("status", .string, .required)
            .field("priority", .string, .required)
            .field("channel", .string, .required)
            .field("customer_id", .int, .required, .references(Customer.schema, "id"))
            .field("group_id", .int, .references(Group.schema, "id"))
            .field("assignee_id", .int, .references(User.schema, "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("first_response_at", .datetime)
            .field("solved_at", .datetime)
            .field("reopen_count", .int, .required)
            .field("follow_up_of_id", .int, .references(Ticket.schema, "id"))
            .field("merged_into_id", .int, .references(Ticket.schema, "id"))
            .create()
        try await database.schema(TicketTag.schema)
            .field("id", .int, .identifier(auto: true))
            .field("ticket_id", .int, .required, .references(Ticket.schema, "id", onDelete: .cascade))
            .field("tag", .string, .required)
            .unique(on: "ticket_id", "tag")
            .create()
        try await database.schema(Message.schema)
            .field("id", .int, .identifier(auto: true))
            .field("ticket_id", .int, .required, .references(Ticket.schema, "id"))
            .field("author_kind", .string, .required)
            .field("author_user_id", .int, .references(User.schema, "id"))
            .field("author_customer_id", .int, .references(Customer.schema, "id"))
            .field("body", .string, .required)
            .field("internal", .bool, .required)
            .field("channel", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(TicketEvent.schema)
            .field("id", .int, .identifier(auto: true))
            .field("ticket_id", .int, .required, .references(Ticket.schema, "id"))
            .field("kind", .string, .required)
            .field("actor_user_id", .int, .references(User.schema, "id"))
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(IdempotencyRecord.schema)
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("request_path", .string, .required)
            .field("resource_id", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "key")
            .create()

        // Every list is "newest activity first", optionally filtered: keyset indexes for the common filters.
        let sql = try database.sqlDatabase()
        let indexes: [(String, [String])] = [
            ("tickets_activity", ["updated_at", "id"]),
            ("tickets_status_activity", ["status", "updated_at", "id"]),
            ("tickets_group_activity", ["group_id", "updated_at", "id"]),
            ("tickets_assignee_activity", ["assignee_id", "updated_at", "id"]),
            ("tickets_customer_activity", ["customer_id", "updated_at", "id"]),
        ]
        for (name, columns) in indexes {
            var index = sql.create(index: name).on(Ticket.schema)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
        try await sql.create(index: "ticket_tags_tag").on(TicketTag.schema).column("tag").column("ticket_id").run()
        try await sql.create(index: "messages_ticket").on(Message.schema).column("ticket_id").column("id").run()
        try await sql.create(index: "ticket_events_ticket").on(TicketEvent.schema).column("ticket_id").column("id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [IdempotencyRecord.schema, TicketEvent.schema, Message.schema, TicketTag.schema, Ticket.schema] {
            try await database.schema(schema).delete()
        }
    }
}
