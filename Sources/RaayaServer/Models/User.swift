import Fluent
import Foundation
import RaayaCore

/// A staff member: admin, supervisor or agent.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: Role
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "created_at") var createdAt: Date
    @Siblings(through: UserGroup.self, from: \.$user, to: \.$group) var groups: [Group]

    init() {}

    init(email: String, name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.failedSignIns = 0
        self.createdAt = createdAt
    }
}

/// A team of agents, at a support tier (1 = first line).
final class Group: Model, @unchecked Sendable {
    static let schema = "groups"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "tier") var tier: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(name: String, tier: Int, createdAt: Date) {
        self.name = name
        self.tier = tier
        self.createdAt = createdAt
    }
}

final class UserGroup: Model, @unchecked Sendable {
    static let schema = "user_groups"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "user_id") var user: User
    @Parent(key: "group_id") var group: Group

    init() {}

    init(userID: Int, groupID: Int) {
        self.$user.id = userID
        self.$group.id = groupID
    }
}

/// A bearer token for the API; only its SHA-256 is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: Int, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
