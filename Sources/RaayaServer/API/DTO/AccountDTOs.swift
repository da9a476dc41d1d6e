import Foundation
import RaayaCore

struct LoginRequest: Decodable {
    let email: String
    let password: String
}

struct UserDTO: Codable, Sendable {
    let id: Int
    let email: String
    let name: String
    let role: Role
    let groupIDs: [Int]

    enum CodingKeys: String, CodingKey {
        case id, email, name, role
        case groupIDs = "group_ids"
    }
}

struct LoginResponse: Codable, Sendable {
    let token: String
    let expiresAt: Date
    let user: UserDTO

    enum CodingKeys: String, CodingKey {
        case token, user
        case expiresAt = "expires_at"
    }
}

struct CreateUserRequest: Decodable {
    let email: String
    let name: String
    let password: String
    let role: Role
    let groupIDs: [Int]?

    enum CodingKeys: String, CodingKey {
        case email, name, password, role
        case groupIDs = "group_ids"
    }
}

struct GroupDTO: Codable, Sendable {
    let id: Int
    let name: String
    let tier: Int
}

struct CreateGroupRequest: Decodable {
    let name: String
    let tier: Int?
}

/// A list answer: `{data, next_cursor}`.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    let data: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case data
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
