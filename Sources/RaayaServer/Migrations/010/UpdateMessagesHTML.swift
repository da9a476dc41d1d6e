import Fluent

/// The HTML of a message that came as HTML mail, already sanitized with the allow-list (`HTMLSanitizer`), for
/// showing it as the customer wrote it; `body` keeps the plain text.
struct UpdateMessagesHTML: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("messages").field("html", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("messages").deleteField("html").update()
    }
}
