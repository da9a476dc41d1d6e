import Fluent
import SQLKit

struct CreateCustomers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organization.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema(Customer.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("organization_id", .int, .references(Organization.schema, "id"))
            .field("language", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(CustomerIdentity.schema)
            .field("id", .int, .identifier(auto: true))
            .field("customer_id", .int, .required, .references(Customer.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "value")
            .create()
        try await database.schema(CustomerNote.schema)
            .field("id", .int, .identifier(auto: true))
            .field("customer_id", .int, .required, .references(Customer.schema, "id", onDelete: .cascade))
            .field("author_id", .int, .required, .references(User.schema, "id"))
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sqlDatabase()
        try await sql.create(index: "customer_identities_customer").on(CustomerIdentity.schema)
            .column("customer_id").run()
        try await sql.create(index: "customer_notes_customer").on(CustomerNote.schema).column("customer_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [CustomerNote.schema, CustomerIdentity.schema, Customer.schema, Organization.schema] {
            try await database.schema(schema).delete()
        }
    }
}
