import Fluent

/// Texts of the mail Raaya writes by itself (the acknowledgement of a new ticket), per language, as the admin
/// edited them; a missing row means the built-in text.
struct CreateMailTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_templates")
            .field("id", .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "key", "language")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_templates").delete()
    }
}
