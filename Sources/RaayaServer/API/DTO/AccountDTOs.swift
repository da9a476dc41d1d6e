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

struct GroupDTO: Codable, Sendable, JSONWritable {
    let id: Int
    let name: String
    let tier: Int

    func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.key(CodingKeys.id); w.value(id)
            w.key(CodingKeys.name); w.value(name)
            w.key(CodingKeys.tier); w.value(tier)
        }
    }
}

struct CreateGroupRequest: Decodable {
    let name: String
    let tier: Int?
}

/// A change to a staff member: fields left out stay as they are.
struct UpdateUserRequest: Decodable {
    let name: String?
    let role: Role?
    let groupIDs: [Int]?

    enum CodingKeys: String, CodingKey {
        case name, role
        case groupIDs = "group_ids"
    }
}

/// A change to a group: fields left out stay as they are.
struct UpdateGroupRequest: Decodable {
    let name: String?
    let tier: Int?
}

/// A list answer: `{data, next_cursor}`.
struct Page<Item: Sendable>: Sendable {
    let data: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case data
        case nextCursor = "next_cursor"
    }
}

extension Page: JSONWritable where Item: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.key(CodingKeys.data); w.array(data) { w, item in item.write(to: &w) }
            w.key(CodingKeys.nextCursor); w.value(nextCursor)
        }
    }
}

extension Page: Encodable where Item: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
