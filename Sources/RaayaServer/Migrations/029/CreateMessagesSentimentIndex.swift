import Fluent
import SQLKit

/// The satisfaction report counts the customers' messages of each label per period
/// (`SatisfactionReport.messageSentiment`): an index on `(sentiment, created_at)` of the labelled customer messages
/// makes each count one range of it. Agents' messages and unlabelled ones, half the table, are left out of it.
struct CreateMessagesSentimentIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sqlDatabase().raw("""
            CREATE INDEX messages_customer_sentiment ON messages (sentiment, created_at) \
            WHERE author_kind = 'customer' AND sentiment IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase().drop(index: "messages_customer_sentiment").run()
    }
}
