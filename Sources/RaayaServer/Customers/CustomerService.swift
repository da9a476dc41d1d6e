import Fluent
import Foundation
import RaayaCore
import SQLKit

/// A customer as a request describes them, already validated.
struct CustomerDraft: Sendable {
    var name: String?
    var email: String?
    var phone: String?
    var organization: String?
    var language: String?

    /// A name to show when the customer gave none: the address before the @, or the number.
    var displayName: String {
        if let name { return name }
        if let email { return String(email.split(separator: "@").first ?? Substring(email)) }
        return phone ?? "—"
    }
}

/// Writes customers, their identities and notes. Runs inside a write of the `WriteQueue`.
struct CustomerService {
    let database: any Database
    let now: Date

    /// Creates a customer; a second customer with an email or phone already known is refused with its id.
    func create(_ draft: CustomerDraft) async throws -> Int {
        if let existing = try await findByIdentity(email: draft.email, phone: draft.phone) {
            let field = try await identityOwner(.email, draft.email) == existing ? "email" : "phone"
            throw DomainError.duplicate(resource: "customer", field: field, existingID: existing)
        }
        return try await insert(draft)
    }

    /// The customer a message comes from: by id, else by email or phone, else a new one.
    func resolve(id: Int?, draft: CustomerDraft) async throws -> Int {
        if let id {
            guard try await database.sqlDatabase().raw("SELECT id FROM customers WHERE id = \(bind: id)").first() != nil else {
                throw DomainError.invalid("customer.id", "names no customer")
            }
            return id
        }
        if let existing = try await findByIdentity(email: draft.email, phone: draft.phone) {
            try await addMissingIdentities(of: draft, to: existing)
            return existing
        }
        return try await insert(draft)
    }

    func addNote(customerID: Int, authorID: Int, body: String) async throws -> CustomerNote {
        guard let customer = try await Customer.find(customerID, on: database) else {
            throw DomainError.notFound(resource: "customer")
        }
        let note = CustomerNote(customerID: customerID, authorID: authorID, body: body, createdAt: now)
        try await note.create(on: database)
        customer.updatedAt = now
        try await customer.update(on: database)
        return note
    }

    private func findByIdentity(email: String?, phone: String?) async throws -> Int? {
        if let owner = try await identityOwner(.email, email) { return owner }
        return try await identityOwner(.phone, phone)
    }

    private func identityOwner(_ kind: IdentityKind, _ value: String?) async throws -> Int? {
        guard let value else { return nil }
        return try await database.sqlDatabase().raw("""
            SELECT customer_id FROM customer_identities WHERE kind = \(bind: kind.rawValue) AND value = \(bind: value)
            """).first(decodingColumn: "customer_id", as: Int.self)
    }

    private func insert(_ draft: CustomerDraft) async throws -> Int {
        var organizationID: Int?
        if let name = draft.organization {
            organizationID = try await organization(named: name)
        }
        let sql = try database.sqlDatabase()
        let id = try await sql.insertReturningID(
            into: Customer.schema,
            [
                "name": draft.displayName, "organization_id": organizationID, "language": draft.language,
                "created_at": now, "updated_at": now,
            ])
        for (kind, value) in [(IdentityKind.email, draft.email), (.phone, draft.phone)] {
            if let value { try await insertIdentity(customerID: id, kind: kind, value: value) }
        }
        let indexed = [draft.displayName, draft.email, draft.phone, draft.organization].compactMap { $0 }
        try await SearchIndex.add(indexed.joined(separator: " "), for: id, in: .customers, on: database)
        return id
    }

    /// A message from a known email that also gives a new phone (or the reverse) teaches us the new identity.
    private func addMissingIdentities(of draft: CustomerDraft, to customerID: Int) async throws {
        for (kind, value) in [(IdentityKind.email, draft.email), (.phone, draft.phone)] {
            guard let value, try await identityOwner(kind, value) == nil else { continue }
            try await insertIdentity(customerID: customerID, kind: kind, value: value)
            try await SearchIndex.append(value, for: customerID, in: .customers, on: database)
        }
    }

    private func insertIdentity(customerID: Int, kind: IdentityKind, value: String) async throws {
        try await database.sqlDatabase().insertRow(
            into: CustomerIdentity.schema,
            ["customer_id": customerID, "kind": kind.rawValue, "value": value, "created_at": now])
    }

    private func organization(named name: String) async throws -> Int {
        if let existing = try await Organization.query(on: database).filter(\.$name == name).first() {
            return try existing.requireID()
        }
        let organization = Organization(name: name, createdAt: now)
        try await organization.create(on: database)
        return try organization.requireID()
    }
}
