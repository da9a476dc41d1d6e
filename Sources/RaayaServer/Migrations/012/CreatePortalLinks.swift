import Fluent

/// Sign-in links of the customer portal that have been used: each works once.
struct CreatePortalLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("portal_links_used")
            .field("nonce", .string, .identifier(auto: false))
            .field("customer_id", .int, .required, .references("customers", "id"))
            .field("used_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("portal_links_used").delete()
    }
}
