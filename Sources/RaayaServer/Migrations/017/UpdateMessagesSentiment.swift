import Fluent

/// The sentiment of each customer message (`SentimentModel`): its label (negative, neutral, positive) and score
/// (−1…1), worked out once when the message is stored. Null for agents' and the system's messages, and for
/// messages stored before this migration.
struct UpdateMessagesSentiment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("messages").field("sentiment", .string).update()
        try await database.schema("messages").field("sentiment_score", .double).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("messages").deleteField("sentiment_score").update()
        try await database.schema("messages").deleteField("sentiment").update()
    }
}
