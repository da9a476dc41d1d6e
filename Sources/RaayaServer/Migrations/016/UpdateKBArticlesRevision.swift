import Fluent
import SQLKit

/// A counter raised by every change to an article, so that each instance's search index re-indexes exactly the
/// articles that changed. `updated_at` cannot tell: two edits can share a timestamp, and instances' clocks differ.
struct UpdateKBArticlesRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kb_articles").field("revision", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kb_articles").deleteField("revision").update()
    }
}
