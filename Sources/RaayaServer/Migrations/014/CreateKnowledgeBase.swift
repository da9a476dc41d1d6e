import Fluent

/// The knowledge base: categories, articles (one per subject, with a state and tags) and their translations
/// (one per language), and readers' "was this helpful?" votes.
struct CreateKnowledgeBase: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kb_categories")
            .field("id", .int, .identifier(auto: true))
            .field("name_ar", .string, .required)
            .field("name_en", .string, .required)
            .field("position", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("kb_articles")
            .field("id", .int, .identifier(auto: true))
            .field("category_id", .int, .references("kb_categories", "id"))
            .field("state", .string, .required)
            .field("tags", .string, .required)
            .field("related", .string, .required)
            .field("author_id", .int, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("kb_translations")
            .field("id", .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references("kb_articles", "id"))
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "article_id", "language")
            .create()
        try await database.schema("kb_votes")
            .field("id", .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references("kb_articles", "id"))
            .field("helpful", .bool, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["kb_votes", "kb_translations", "kb_articles", "kb_categories"] {
            try await database.schema(table).delete()
        }
    }
}
