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

/// A change to a customer's profile, validated: nil leaves a field as it is; an empty organization or
/// language clears it.
struct CustomerChanges: Sendable {
    var name: String?
    var organization: String?
    var language: String?
    var addEmail: String?
    var addPhone: String?
}

/// Writes customers, their identities and notes. Runs inside a write of the `WriteQueue`, in plain SQL so that it
/// also runs on the SQLite writer's own connection (see `SQLiteWriterDatabase`).
struct CustomerService {
    let sql: any SQLDatabase
    let now: Date

    /// Creates a customer; a second customer with an email or phone already known is refused with its id.
    func create(_ draft: CustomerDraft) async throws -> Int {
        let owners = try await identityOwners(emails: draft.email.map { [$0] } ?? [], phones: draft.phone.map { [$0] } ?? [])
        if let email = draft.email, let existing = owners[Self.key(.email, email)] {
            throw DomainError.duplicate(resource: "customer", field: "email", existingID: existing)
        }
        if let phone = draft.phone, let existing = owners[Self.key(.phone, phone)] {
            throw DomainError.duplicate(resource: "customer", field: "phone", existingID: existing)
        }
        return try await insert([draft])[0]
    }

    /// The customer a message comes from: by id, else by email or phone, else a new one.
    func resolve(id: Int?, draft: CustomerDraft) async throws -> Int {
        try await resolveAll([(id, draft)])[0].get()
    }

    /// `resolve` for many messages at once, with a handful of statements for all of them. Messages that share
    /// a new email or phone get one new customer. A failed reference (an unknown id) writes nothing.
    func resolveAll(_ references: [(id: Int?, draft: CustomerDraft)]) async throws -> [Result<Int, DomainError>] {
        let askedIDs = Set(references.compactMap(\.id))
        var knownIDs: Set<Int> = []
        if !askedIDs.isEmpty {
            let rows = try await sql.raw("SELECT id FROM customers WHERE id IN (\(TicketReader.list(askedIDs.sorted())))").all()
            knownIDs = Set(try rows.map { try $0.decode(column: "id", as: Int.self) })
        }
        var owners = try await identityOwners(
            emails: references.compactMap { $0.id == nil ? $0.draft.email : nil },
            phones: references.compactMap { $0.id == nil ? $0.draft.phone : nil })

        var results: [Result<Int, DomainError>?] = Array(repeating: nil, count: references.count)
        var newDrafts: [CustomerDraft] = []
        var newIndexOf: [Int: Int] = [:]  // reference → index in newDrafts
        var newByIdentity: [String: Int] = [:]  // identity key → index in newDrafts
        var missingIdentities: [(customerID: Int, kind: IdentityKind, value: String)] = []
        var identitiesOfNew: [(newIndex: Int, kind: IdentityKind, value: String)] = []
        for (index, reference) in references.enumerated() {
            if let id = reference.id {
                results[index] = knownIDs.contains(id) ? .success(id) : .failure(.invalid("customer.id", "names no customer"))
                continue
            }
            let draft = reference.draft
            let keys = [draft.email.map { Self.key(.email, $0) }, draft.phone.map { Self.key(.phone, $0) }].compactMap { $0 }
            if let owner = keys.lazy.compactMap({ owners[$0] }).first {
                results[index] = .success(owner)
                for (kind, value) in [(IdentityKind.email, draft.email), (.phone, draft.phone)] {
                    guard let value, owners[Self.key(kind, value)] == nil, newByIdentity[Self.key(kind, value)] == nil else { continue }
                    owners[Self.key(kind, value)] = owner
                    missingIdentities.append((owner, kind, value))
                }
            } else if let shared = keys.lazy.compactMap({ newByIdentity[$0] }).first {
                newIndexOf[index] = shared
                // A later message of the same new customer may bring an identity the first one did not.
                for (kind, value) in [(IdentityKind.email, draft.email), (.phone, draft.phone)] {
                    guard let value, newByIdentity[Self.key(kind, value)] == nil else { continue }
                    newByIdentity[Self.key(kind, value)] = shared
                    identitiesOfNew.append((shared, kind, value))
                }
            } else {
                newIndexOf[index] = newDrafts.count
                for key in keys { newByIdentity[key] = newDrafts.count }
                newDrafts.append(draft)
            }
        }
        let newIDs = try await insert(newDrafts)
        for (index, newIndex) in newIndexOf { results[index] = .success(newIDs[newIndex]) }
        missingIdentities += identitiesOfNew.map { (newIDs[$0.newIndex], $0.kind, $0.value) }
        try await sql.insertRows(
            into: CustomerIdentity.schema, columns: ["customer_id", "kind", "value", "created_at"],
            missingIdentities.map { [$0.customerID, $0.kind.rawValue, $0.value, now] })
        for identity in missingIdentities {
            try await SearchIndex.append(identity.value, for: identity.customerID, in: .customers, on: sql)
        }
        return results.map { $0 ?? .failure(.invalid("customer", "could not be resolved")) }
    }

    /// Gives the customer this identity unless a customer has it already; returns whether it did.
    @discardableResult
    func claim(_ kind: IdentityKind, _ value: String, for customerID: Int) async throws -> Bool {
        guard try await sql.raw("""
            SELECT customer_id FROM customer_identities WHERE kind = \(bind: kind.rawValue) AND value = \(bind: value)
            """).first() == nil
        else { return false }
        try await sql.insertRow(
            into: CustomerIdentity.schema, ["customer_id": customerID, "kind": kind.rawValue, "value": value, "created_at": now])
        try await SearchIndex.append(value, for: customerID, in: .customers, on: sql)
        return true
    }

    private static func key(_ kind: IdentityKind, _ value: String) -> String { "\(kind.rawValue):\(value)" }

    /// Changes a customer's profile (nil leaves a field as it is; an empty organization or language clears it) and
    /// adds an email or phone (refused with the owner's id if another customer has it). The search text is
    /// rebuilt from the new profile.
    func update(_ id: Int, _ changes: CustomerChanges) async throws {
        guard let existing = try await sql.raw("SELECT organization_id FROM customers WHERE id = \(bind: id)").first() else {
            throw DomainError.notFound(resource: "customer")
        }
        let owners = try await identityOwners(
            emails: changes.addEmail.map { [$0] } ?? [], phones: changes.addPhone.map { [$0] } ?? [])
        for (kind, value, field) in [(IdentityKind.email, changes.addEmail, "email"), (.phone, changes.addPhone, "phone")] {
            guard let value else { continue }
            if let owner = owners[Self.key(kind, value)] {
                if owner == id { continue }
                throw DomainError.duplicate(resource: "customer", field: field, existingID: owner)
            }
            try await sql.insertRow(
                into: CustomerIdentity.schema, ["customer_id": id, "kind": kind.rawValue, "value": value, "created_at": now])
        }
        var update = sql.update(Customer.schema).where("id", .equal, id).set("updated_at", to: now)
        if let name = changes.name { update = update.set("name", to: name) }
        var movedOrganization = false
        if let organization = changes.organization {
            let organizationID = organization.isEmpty ? nil : try await self.organization(named: organization)
            movedOrganization = try organizationID != existing.decodeOptional(column: "organization_id", as: Int.self)
            update = update.set("organization_id", to: organizationID)
        }
        if let language = changes.language { update = update.set("language", to: language.isEmpty ? nil : language) }
        try await update.run()
        if movedOrganization {
            // The reports filter the customer's tickets by the customer's organization as it is now.
            let tickets = try await sql.raw("SELECT id FROM tickets WHERE customer_id = \(bind: id)").all(decodingColumn: "id", as: Int.self)
            try await TicketFactsTable.refresh(tickets, on: sql)
        }
        let profile = try await sql.raw("""
            SELECT c.name, o.name AS organization FROM customers c LEFT JOIN organizations o ON o.id = c.organization_id \
            WHERE c.id = \(bind: id)
            """).first()
        let identities = try await sql.raw("SELECT value FROM customer_identities WHERE customer_id = \(bind: id) ORDER BY id").all()
        let text = ([try profile?.decode(column: "name", as: String.self), try profile?.decodeOptional(column: "organization", as: String.self)]
            .compactMap { $0 } + (try identities.map { try $0.decode(column: "value", as: String.self) })).joined(separator: " ")
        try await SearchIndex.replace(text, for: id, in: .customers, on: sql)
    }

    /// Adds a note to a customer; returns the note's id.
    func addNote(customerID: Int, authorID: Int, body: String) async throws -> Int {
        let updated = try await sql.raw(
            "UPDATE customers SET updated_at = \(bind: now) WHERE id = \(bind: customerID) RETURNING id"
        ).all()
        guard !updated.isEmpty else { throw DomainError.notFound(resource: "customer") }
        return try await sql.insertReturningID(
            into: CustomerNote.schema,
            ["customer_id": customerID, "author_id": authorID, "body": body, "created_at": now])
    }

    /// Who owns each of these identities, keyed by `key(kind, value)`; one query.
    private func identityOwners(emails: [String], phones: [String]) async throws -> [String: Int] {
        guard !emails.isEmpty || !phones.isEmpty else { return [:] }
        // One SELECT per kind, each a lookup in the (kind, value) index; an OR of both (or a `1 = 0 OR …`
        // prefix) made SQLite scan every identity.
        var selects: [SQLQueryString] = []
        for (kind, values) in [(IdentityKind.email, emails), (.phone, phones)] where !values.isEmpty {
            selects.append(
                "SELECT customer_id, kind, value FROM customer_identities WHERE kind = \(bind: kind.rawValue) AND value IN (\(binds: Array(Set(values))))")
        }
        var owners: [String: Int] = [:]
        for row in try await sql.raw(selects.joined(separator: " UNION ALL ")).all() {
            let kind = try row.decodeRaw(column: "kind", as: IdentityKind.self)
            owners[Self.key(kind, try row.decode(column: "value", as: String.self))] = try row.decode(column: "customer_id", as: Int.self)
        }
        return owners
    }

    /// Inserts new customers with their identities and search text; returns their ids in order.
    private func insert(_ drafts: [CustomerDraft]) async throws -> [Int] {
        guard !drafts.isEmpty else { return [] }
        var organizationIDs: [String: Int] = [:]
        for name in Set(drafts.compactMap(\.organization)) {
            organizationIDs[name] = try await organization(named: name)
        }
        let ids = try await sql.insertRows(
            into: Customer.schema, columns: ["name", "organization_id", "language", "created_at", "updated_at"],
            drafts.map { [$0.displayName, $0.organization.flatMap { organizationIDs[$0] }, $0.language, now, now] },
            returningIDs: true)
        var identities: [[any Encodable & Sendable]] = []
        for (id, draft) in zip(ids, drafts) {
            if let email = draft.email { identities.append([id, IdentityKind.email.rawValue, email, now]) }
            if let phone = draft.phone { identities.append([id, IdentityKind.phone.rawValue, phone, now]) }
        }
        try await sql.insertRows(into: CustomerIdentity.schema, columns: ["customer_id", "kind", "value", "created_at"], identities)
        try await SearchIndex.add(
            zip(ids, drafts).map { id, draft in
                (id, [draft.displayName, draft.email, draft.phone, draft.organization].compactMap { $0 }.joined(separator: " "))
            }, in: .customers, on: sql)
        return ids
    }

    private func organization(named name: String) async throws -> Int {
        if let existing = try await sql.raw("SELECT id FROM organizations WHERE name = \(bind: name)").first() {
            return try existing.decode(column: "id", as: Int.self)
        }
        return try await sql.insertReturningID(into: Organization.schema, ["name": name, "created_at": now])
    }
}
