import Fluent

/// The language a staff member chose for the pages (`ar` or `en`); nil until they choose.
struct UpdateUsersLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("language").update()
    }
}
