import Fluent

/// The answer bot's part in a chat: `bot` is null when it never took part, `answering` while it answers (the
/// chat does not wait for an agent), `asked` after it offered an article (`bot_article_id`) and asked whether it
/// solved the problem, and `handed_off` once a person takes over.
struct UpdateChatConversationsBot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("chat_conversations").field("bot", .string).update()
        try await database.schema("chat_conversations").field("bot_article_id", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("chat_conversations").deleteField("bot_article_id").update()
        try await database.schema("chat_conversations").deleteField("bot").update()
    }
}
