import Foundation
import RaayaCore

struct CustomerDTO: Codable, Sendable {
    let id: Int
    let name: String
    let email: String?
    let phone: String?
    let emails: [String]
    let phones: [String]
    let organization: String?
    let language: String?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, email, phone, emails, phones, organization, language
        case createdAt = "created_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(emails, forKey: .emails)
        try container.encode(phones, forKey: .phones)
        try container.encode(organization, forKey: .organization)
        try container.encode(language, forKey: .language)
        try container.encode(createdAt, forKey: .createdAt)
    }
}

struct CustomerNoteDTO: Codable, Sendable {
    let id: Int
    let body: String
    let authorID: Int
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, body
        case authorID = "author_id"
        case createdAt = "created_at"
    }
}

/// One customer with their whole history: every ticket on every channel, and the team's notes.
struct CustomerDetailDTO: Encodable, Sendable {
    let customer: CustomerDTO
    let tickets: [TicketDTO]
    let notes: [CustomerNoteDTO]

    enum CodingKeys: String, CodingKey {
        case tickets, notes
    }

    func encode(to encoder: any Encoder) throws {
        try customer.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tickets, forKey: .tickets)
        try container.encode(notes, forKey: .notes)
    }
}

struct CreateCustomerRequest: Decodable {
    let name: String?
    let email: String?
    let phone: String?
    let organization: String?
    let language: String?
}

struct CreateNoteRequest: Decodable {
    let body: String
}
