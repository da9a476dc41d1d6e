import Fluent
import Foundation
import RaayaCore

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
            guard try await Customer.find(id, on: database) != nil else {
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
        return try await CustomerIdentity.query(on: database)
            .filter(\.$kind == kind).filter(\.$value == value)
            .first()?.$customer.id
    }

    private func insert(_ draft: CustomerDraft) async throws -> Int {
        var organizationID: Int?
        if let name = draft.organization {
            organizationID = try await organization(named: name)
        }
        let customer = Customer(
            name: draft.displayName, organizationID: organizationID, language: draft.language, createdAt: now)
        try await customer.create(on: database)
        let id = try customer.requireID()
        for (kind, value) in [(IdentityKind.email, draft.email), (.phone, draft.phone)] {
            if let value {
                try await CustomerIdentity(customerID: id, kind: kind, value: value, createdAt: now).create(on: database)
            }
        }
        let indexed = [draft.displayName, draft.email, draft.phone, draft.organization].compactMap { $0 }
        try await SearchIndex.set(indexed.joined(separator: " "), for: id, in: .customers, on: database)
        return id
    }

    /// A message from a known email that also gives a new phone (or the reverse) teaches us the new identity.
    private func addMissingIdentities(of draft: CustomerDraft, to customerID: Int) async throws {
        for (kind, value) in [(IdentityKind.email, draft.email), (.phone, draft.phone)] {
            guard let value, try await identityOwner(kind, value) == nil else { continue }
            try await CustomerIdentity(customerID: customerID, kind: kind, value: value, createdAt: now)
                .create(on: database)
            try await SearchIndex.append(value, for: customerID, in: .customers, on: database)
        }
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

extension CustomerDTO {
    /// Needs the customer's identities and organization loaded.
    init(_ customer: Customer) throws {
        let identities = customer.$identities.value ?? []
        let emails = identities.filter { $0.kind == .email }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map(\.value)
        let phones = identities.filter { $0.kind == .phone }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map(\.value)
        self.init(
            id: try customer.requireID(), name: customer.name, email: emails.first, phone: phones.first,
            emails: emails, phones: phones, organization: customer.$organization.value??.name,
            language: customer.language, createdAt: customer.createdAt)
    }
}
