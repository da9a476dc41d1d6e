import Foundation
import RaayaCore

struct TicketDTO: Sendable, JSONWritable {
    struct Person: Sendable, JSONWritable {
        let id: Int
        let name: String
        let email: String?

        enum CodingKeys: String, CodingKey {
            case id, name, email
        }

        func write(to writer: inout JSONWriter) {
            writer.object { w in
                w.key(CodingKeys.id); w.value(id)
                w.key(CodingKeys.name); w.value(name)
                w.key(CodingKeys.email); w.value(email)
            }
        }
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

    /// Every field of the contract, `null` where absent.
    func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.key(CodingKeys.id); w.value(id)
            w.key(CodingKeys.subject); w.value(subject)
            w.key(CodingKeys.status); w.value(status.rawValue)
            w.key(CodingKeys.priority); w.value(priority.rawValue)
            w.key(CodingKeys.channel); w.value(channel.rawValue)
            w.key(CodingKeys.customer); w.value(customer)
            w.key(CodingKeys.assignee); w.value(assignee)
            w.key(CodingKeys.group); w.value(group)
            w.key(CodingKeys.tags); w.value(tags)
            w.key(CodingKeys.createdAt); w.value(createdAt)
            w.key(CodingKeys.updatedAt); w.value(updatedAt)
            w.key(CodingKeys.firstResponseAt); w.value(firstResponseAt)
            w.key(CodingKeys.solvedAt); w.value(solvedAt)
            w.key(CodingKeys.reopenCount); w.value(reopenCount)
            w.key(CodingKeys.followUpOf); w.value(followUpOf)
            w.key(CodingKeys.mergedInto); w.value(mergedInto)
        }
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
    let attachments: [AttachmentDTO]
    /// Mail from a customer, split: what they newly wrote (`reply`) and the quoted conversation and signature
    /// below it (`quoted`), which a conversation view folds away. Nil when nothing is quoted.
    let folded: Folded?
    /// The HTML of a message that came as HTML mail, sanitized with an allow-list.
    let html: String?
    /// A customer message's sentiment; nil for other messages.
    let sentiment: SentimentDTO?

    struct SentimentDTO: Codable, Sendable {
        let label: SentimentLabel
        let score: Double
    }

    struct Folded: Codable, Sendable {
        let reply: String
        let quoted: String
    }

    enum CodingKeys: String, CodingKey {
        case id, body, `internal`, channel, attachments, folded, html, sentiment
        case ticketID = "ticket_id"
        case authorKind = "author"
        case authorID = "author_id"
        case createdAt = "created_at"
    }
}

/// A file attached to a message; its bytes are at `GET /api/v1/attachments/{id}`.
struct AttachmentDTO: Codable, Sendable {
    let id: Int
    let filename: String
    let contentType: String
    let contentID: String?
    let inline: Bool
    let size: Int

    enum CodingKeys: String, CodingKey {
        case id, filename, inline, size
        case contentType = "content_type"
        case contentID = "content_id"
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

struct SearchResponse: Sendable, JSONWritable {
    let tickets: [TicketDTO]
    let customers: [CustomerDTO]

    enum CodingKeys: String, CodingKey {
        case tickets, customers
    }

    func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.key(CodingKeys.tickets); w.array(tickets) { w, ticket in ticket.write(to: &w) }
            w.key(CodingKeys.customers); w.array(customers) { w, customer in customer.write(to: &w) }
        }
    }
}
