import Fluent
import SQLKit

/// Each time a customer opened a published article in the help centre, for the self-service report.
struct CreateKBArticleViews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kb_article_views")
            .field("id", .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references("kb_articles", "id"))
            .field("language", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sqlDatabase().create(index: "kb_article_views_created").on("kb_article_views").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kb_article_views").delete()
    }
}
