import Fluent

/// Canned replies (macros): a text with placeholders, posted as a public reply or an internal note, that can
/// also set the status and add tags.
struct CreateMacros: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("macros")
            .field("id", .int, .identifier(auto: true))
            .field("title", .string, .required)
            .field("body", .string)
            .field("internal", .bool, .required)
            .field("set_status", .string)
            .field("add_tags", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "title")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("macros").delete()
    }
}
