import Fluent

/// SMART goals a manager sets: a metric, a target it should stay at most or at least at, the tickets it covers
/// (a group, a channel), and the period it is measured over.
struct CreateGoals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("goals")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("metric", .string, .required)
            .field("direction", .string, .required)
            .field("target", .double, .required)
            .field("group_id", .int, .references("groups", "id"))
            .field("channel", .string)
            .field("starts_at", .datetime, .required)
            .field("deadline", .datetime, .required)
            .field("created_by", .int, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("goals").delete()
    }
}
