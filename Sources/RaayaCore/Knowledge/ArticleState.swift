/// Who may read a knowledge-base article.
public enum ArticleState: String, CaseIterable, Codable, Sendable {
    /// Being written: only staff see it, and search does not find it.
    case draft
    /// In the public help center, and found by search and the bot.
    case published
    /// For agents only: staff search finds it, customers never see it.
    case `internal`
}
