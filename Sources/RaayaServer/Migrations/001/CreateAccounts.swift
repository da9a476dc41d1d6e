import Fluent
import SQLKit

struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field("id", .int, .identifier(auto: true))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("failed_sign_ins", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema(Group.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("tier", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema(UserGroup.schema)
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("group_id", .int, .required, .references(Group.schema, "id", onDelete: .cascade))
            .unique(on: "user_id", "group_id")
            .create()
        try await database.schema(APIToken.schema)
            .field("id", .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [APIToken.schema, UserGroup.schema, Group.schema, User.schema] {
            try await database.schema(schema).delete()
        }
    }
}
