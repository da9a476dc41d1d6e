import Foundation
import RaayaCore

struct TicketDTO: Codable, Sendable {
    struct Person: Codable, Sendable {
        let id: Int
        let name: String
        let email: String?
    }

    let id: Int
    let subject: String
    let status: TicketStatus
    let priority: TicketPriority
    let channel: Channel
    let customer: CustomerDTO
    let assignee: Person?
    let group: GroupDTO?
    let tags: [String]
    let createdAt: Date
    let updatedAt: Date
    let firstResponseAt: Date?
    let solvedAt: Date?
    let reopenCount: Int
    let followUpOf: Int?
    let mergedInto: Int?

    enum CodingKeys: String, CodingKey {
        case id, subject, status, priority, channel, customer, assignee, group, tags
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case firstResponseAt = "first_response_at"
        case solvedAt = "solved_at"
        case reopenCount = "reopen_count"
        case followUpOf = "follow_up_of"
        case mergedInto = "merged_into"
    }

    /// Writes `null` for absent values: clients see every field of the contract.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(subject, forKey: .subject)
        try c.encode(status, forKey: .status)
        try c.encode(priority, forKey: .priority)
        try c.encode(channel, forKey: .channel)
        try c.encode(customer, forKey: .customer)
        try c.encode(assignee, forKey: .assignee)
        try c.encode(group, forKey: .group)
        try c.encode(tags, forKey: .tags)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(firstResponseAt, forKey: .firstResponseAt)
        try c.encode(solvedAt, forKey: .solvedAt)
        try c.encode(reopenCount, forKey: .reopenCount)
        try c.encode(followUpOf, forKey: .followUpOf)
        try c.encode(mergedInto, forKey: .mergedInto)
    }
}

struct MessageDTO: Codable, Sendable {
    let id: Int
    let ticketID: Int
    let authorKind: AuthorKind
    let authorID: Int?
    let body: String
    let `internal`: Bool
    let channel: Channel
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, body, `internal`, channel
        case ticketID = "ticket_id"
        case authorKind = "author"
        case authorID = "author_id"
        case createdAt = "created_at"
    }
}

struct EventDTO: Codable, Sendable {
    let id: Int
    let ticketID: Int
    let kind: String
    let actorID: Int?
    let data: [String: String]
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, data
        case ticketID = "ticket_id"
        case actorID = "actor_id"
        case createdAt = "created_at"
    }
}

struct CustomerReference: Decodable {
    let id: Int?
    let email: String?
    let phone: String?
    let name: String?
}

struct CreateTicketRequest: Decodable {
    let subject: String
    let body: String
    let channel: Channel
    let priority: TicketPriority?
    let customer: CustomerReference
    let groupID: Int?
    let assigneeID: Int?
    let tags: [String]?

    enum CodingKeys: String, CodingKey {
        case subject, body, channel, priority, customer, tags
        case groupID = "group_id"
        case assigneeID = "assignee_id"
    }
}

/// A PATCH: absent keys leave a field alone; `null` clears the fields that may be empty.
struct UpdateTicketRequest: Decodable {
    var status: TicketStatus?
    var priority: TicketPriority?
    var assigneeID: Int??
    var groupID: Int??
    var tags: [String]?

    enum CodingKeys: String, CodingKey {
        case status, priority, tags
        case assigneeID = "assignee_id"
        case groupID = "group_id"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decodeIfPresent(TicketStatus.self, forKey: .status)
        priority = try c.decodeIfPresent(TicketPriority.self, forKey: .priority)
        tags = try c.decodeIfPresent([String].self, forKey: .tags)
        if c.contains(.assigneeID) { assigneeID = .some(try c.decodeNil(forKey: .assigneeID) ? nil : try c.decode(Int.self, forKey: .assigneeID)) }
        if c.contains(.groupID) { groupID = .some(try c.decodeNil(forKey: .groupID) ? nil : try c.decode(Int.self, forKey: .groupID)) }
    }
}

struct CreateMessageRequest: Decodable {
    enum Author: String, Decodable {
        case agent, customer
    }

    let body: String
    let `internal`: Bool?
    let author: Author?
    let channel: Channel?
}

struct MergeRequest: Decodable {
    let into: Int
}

struct SearchResponse: Encodable, Sendable {
    let tickets: [TicketDTO]
    let customers: [CustomerDTO]
}
