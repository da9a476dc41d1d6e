import Foundation

struct MailboxDTO: Codable, Sendable {
    let id: Int
    let address: String
    let name: String
    let groupID: Int?
    let language: String?
    let signature: String?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, address, name, language, signature
        case groupID = "group_id"
        case createdAt = "created_at"
    }
}

struct CreateMailboxRequest: Decodable {
    let address: String
    let name: String
    let groupID: Int?
    let language: String?
    let signature: String?

    enum CodingKeys: String, CodingKey {
        case address, name, language, signature
        case groupID = "group_id"
    }
}

/// The answer to an inbound mail posted over HTTP.
struct InboundMailDTO: Codable, Sendable {
    let outcome: String
    let ticketID: Int?
    let reason: String?

    enum CodingKeys: String, CodingKey {
        case outcome, reason
        case ticketID = "ticket_id"
    }
}

/// An inbound mail as received, with what became of it (the raw message is at `/raw`).
struct InboundMailRecordDTO: Codable, Sendable {
    let id: Int
    let mailboxID: Int?
    let messageID: String?
    let sender: String?
    let outcome: String
    let reason: String?
    let ticketID: Int?
    let size: Int
    let receivedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, sender, outcome, reason, size
        case mailboxID = "mailbox_id"
        case messageID = "message_id"
        case ticketID = "ticket_id"
        case receivedAt = "received_at"
    }
}
