import Foundation
import RaayaCore

struct CustomerDTO: Sendable, JSONWritable {
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

    func write(to writer: inout JSONWriter) {
        writer.object { w in
            writeMembers(to: &w)
        }
    }

    /// The members without the braces, for answers that extend a customer (`CustomerDetailDTO`).
    func writeMembers(to w: inout JSONWriter) {
        w.key(CodingKeys.id); w.value(id)
        w.key(CodingKeys.name); w.value(name)
        w.key(CodingKeys.email); w.value(email)
        w.key(CodingKeys.phone); w.value(phone)
        w.key(CodingKeys.emails); w.value(emails)
        w.key(CodingKeys.phones); w.value(phones)
        w.key(CodingKeys.organization); w.value(organization)
        w.key(CodingKeys.language); w.value(language)
        w.key(CodingKeys.createdAt); w.value(createdAt)
    }
}

struct CustomerNoteDTO: Sendable, JSONWritable {
    let id: Int
    let body: String
    let authorID: Int
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, body
        case authorID = "author_id"
        case createdAt = "created_at"
    }

    func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.key(CodingKeys.id); w.value(id)
            w.key(CodingKeys.body); w.value(body)
            w.key(CodingKeys.authorID); w.value(authorID)
            w.key(CodingKeys.createdAt); w.value(createdAt)
        }
    }
}

/// One customer with their whole history: every ticket on every channel, and the team's notes.
struct CustomerDetailDTO: Sendable, JSONWritable {
    let customer: CustomerDTO
    let tickets: [TicketDTO]
    let notes: [CustomerNoteDTO]

    enum CodingKeys: String, CodingKey {
        case tickets, notes
    }

    func write(to writer: inout JSONWriter) {
        writer.object { w in
            customer.writeMembers(to: &w)
            w.key(CodingKeys.tickets); w.array(tickets) { w, ticket in ticket.write(to: &w) }
            w.key(CodingKeys.notes); w.array(notes) { w, note in note.write(to: &w) }
        }
    }
}

struct CreateCustomerRequest: Decodable {
    let name: String?
    let email: String?
    let phone: String?
    let organization: String?
    let language: String?
}

/// A change to a customer: fields left out stay; an empty `organization` or `language` clears it; `add_email` and
/// `add_phone` add an identity.
struct UpdateCustomerRequest: Decodable {
    let name: String?
    let organization: String?
    let language: String?
    let addEmail: String?
    let addPhone: String?

    enum CodingKeys: String, CodingKey {
        case name, organization, language
        case addEmail = "add_email"
        case addPhone = "add_phone"
    }

    func validated() throws -> CustomerChanges {
        var validation = Validation()
        var changes = CustomerChanges()
        if let name { changes.name = validation.requiredText(name, field: "name", maxCharacters: Limits.nameCharacters) }
        if let organization {
            changes.organization =
                validation.optionalText(organization, field: "organization", maxCharacters: Limits.nameCharacters) ?? ""
        }
        if let language { changes.language = language.trimmingWhitespace().isEmpty ? "" : validation.language(language, field: "language") }
        changes.addEmail = validation.email(addEmail, field: "add_email")
        changes.addPhone = validation.phone(addPhone, field: "add_phone")
        try validation.check()
        return changes
    }
}

struct CreateNoteRequest: Decodable {
    let body: String
}
