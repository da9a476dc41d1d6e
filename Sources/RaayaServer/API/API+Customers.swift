import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

enum CustomersAPI {
    @Sendable static func create(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let draft = try request.decodeJSON(CreateCustomerRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await CustomerService(sql: try database.sqlDatabase(), now: now).create(draft)
        } render: { id in
            JSON.response(writing: try await CustomerQueries(database: request.db).customer(id))
        }
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        _ = try request.principal
        let parameters = request.queryParameters
        let queries = CustomerQueries(database: request.db)
        let limit = try parameters.limit
        if let text = parameters.string("q") {
            guard let query = SearchIndex.Query(text) else { return JSON.response(writing: Page<CustomerDTO>(data: [], nextCursor: nil)) }
            return JSON.response(writing: Page(data: try await queries.search(query, limit: limit), nextCursor: nil))
        }
        let after = try parameters.string("cursor").map { raw in
            guard let id = Int(raw) else { throw DomainError.invalid("cursor", "is not a cursor this API gave") }
            return id
        }
        return JSON.response(writing: try await queries.list(limit: limit, before: after))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "customer")
        let customer = try await CustomerQueries(database: request.db).customer(id)
        let tickets = try await TicketQueries(database: request.db, visibility: principal.visibility)
            .list(TicketFilter(customerID: id), limit: Limits.pageSizeMax, after: nil).data
        let notes = try await CustomerQueries(database: request.db).notes(of: id)
        return JSON.response(writing: CustomerDetailDTO(customer: customer, tickets: tickets, notes: notes))
    }

    /// `PATCH /api/v1/customers/{id}`: any staff member (agents keep customers' details up to date).
    @Sendable static func update(_ request: Request) async throws -> Response {
        _ = try request.principal
        let id = try request.pathID(resource: "customer")
        try await update(id, try request.decodeJSON(UpdateCustomerRequest.self).validated(), request)
        return JSON.response(writing: try await CustomerQueries(database: request.db).customer(id))
    }

    static func update(_ id: Int, _ changes: CustomerChanges, _ request: Request) async throws {
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await CustomerService(sql: database.sqlDatabase(), now: clock.now()).update(id, changes)
        }
    }

    @Sendable static func addNote(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "customer")
        let input = try request.decodeJSON(CreateNoteRequest.self)
        var validation = Validation()
        let body = validation.requiredBody(input.body, field: "body")
        try validation.check()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await CustomerService(sql: try database.sqlDatabase(), now: now)
                .addNote(customerID: id, authorID: principal.userID, body: body)
        } render: { noteID in
            JSON.response(writing: try await CustomerQueries(database: request.db).note(noteID))
        }
    }
}

extension CreateCustomerRequest {
    func validated() throws -> CustomerDraft {
        var validation = Validation()
        let draft = CustomerDraft(
            name: validation.optionalText(name, field: "name", maxCharacters: Limits.nameCharacters),
            email: validation.email(email, field: "email"),
            phone: validation.phone(phone, field: "phone"),
            organization: validation.optionalText(organization, field: "organization", maxCharacters: Limits.nameCharacters),
            language: validation.language(language, field: "language"))
        if draft.name == nil && draft.email == nil && draft.phone == nil && validation.errors.isEmpty {
            validation.fail("name", "is required when there is no email or phone")
        }
        try validation.check()
        return draft
    }
}

/// Reads of customers. Every signed-in staff member may read every customer.
struct CustomerQueries {
    let database: any Database

    private var reader: CustomerReader {
        get throws { CustomerReader(sql: try database.sqlDatabase()) }
    }

    func customer(_ id: Int) async throws -> CustomerDTO {
        guard let customer = try await reader.customers(where: "c.id = \(bind: id)", order: "c.id", limit: 1).first else {
            throw DomainError.notFound(resource: "customer")
        }
        return customer
    }

    /// Newest first, continuing below the id in `before`.
    func list(limit: Int, before: Int?) async throws -> Page<CustomerDTO> {
        let condition: SQLQueryString = before.map { "c.id < \(bind: $0)" } ?? "1 = 1"
        let customers = try await reader.customers(where: condition, order: "c.id DESC", limit: limit + 1)
        let page = Array(customers.prefix(limit))
        return Page(data: page, nextCursor: customers.count > limit ? page.last.map { String($0.id) } : nil)
    }

    func search(_ query: SearchIndex.Query, limit: Int) async throws -> [CustomerDTO] {
        let ids = try await SearchIndex.ranked(query, in: .customers, limit: limit, on: database)
        guard !ids.isEmpty else { return [] }
        let found = try await reader.customers(where: "c.id IN (\(TicketReader.list(ids)))", order: "c.id", limit: ids.count)
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    func note(_ id: Int) async throws -> CustomerNoteDTO {
        guard let note = try await CustomerNote.find(id, on: database) else { throw DomainError.notFound(resource: "note") }
        return try CustomerNoteDTO(note)
    }

    func notes(of id: Int) async throws -> [CustomerNoteDTO] {
        try await CustomerNote.query(on: database).filter(\.$customer.$id == id).sort(\.$id, .descending).all()
            .map(CustomerNoteDTO.init)
    }
}

extension CustomerNoteDTO {
    init(_ note: CustomerNote) throws {
        self.init(id: try note.requireID(), body: note.body, authorID: note.$author.id, createdAt: note.createdAt)
    }
}
