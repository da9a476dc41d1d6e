import Fluent
import Foundation
import RaayaCore
import SQLKit

/// Filters of the ticket list, as the API takes them.
struct TicketFilter: Sendable {
    var status: TicketStatus?
    var priority: TicketPriority?
    var groupID: Int?
    var assigneeID: Int?
    var channel: Channel?
    var customerID: Int?
    var tag: String?
}

/// Reads of tickets, always through the caller's visibility: a ticket the caller may not see does not exist.
struct TicketQueries {
    let database: any Database
    let visibility: TicketVisibility?

    func detail(_ id: Int) async throws -> TicketDTO {
        guard let ticket = try await withRelations(Ticket.query(on: database).filter(\.$id == id)).first(),
            isVisible(ticket)
        else { throw DomainError.notFound(resource: "ticket") }
        return try TicketDTO(ticket)
    }

    /// Newest activity first, `limit` at a time, continuing after `cursor`.
    func list(_ filter: TicketFilter, limit: Int, after cursor: ActivityCursor?) async throws -> Page<TicketDTO> {
        var query = Ticket.query(on: database)
        if let status = filter.status { query = query.filter(\.$status == status) }
        if let priority = filter.priority { query = query.filter(\.$priority == priority) }
        if let groupID = filter.groupID { query = query.filter(\.$group.$id == groupID) }
        if let assigneeID = filter.assigneeID { query = query.filter(\.$assignee.$id == assigneeID) }
        if let channel = filter.channel { query = query.filter(\.$channel == channel) }
        if let customerID = filter.customerID { query = query.filter(\.$customer.$id == customerID) }
        if let tag = filter.tag {
            query = query.join(TicketTag.self, on: \Ticket.$id == \TicketTag.$ticket.$id)
                .filter(TicketTag.self, \.$tag == tag)
        }
        query = restrict(query)
        if let cursor {
            let time = Date(millisecondsSince1970: cursor.activityMilliseconds)
            query = query.group(.or) { either in
                either.filter(\.$updatedAt < time)
                    .group(.and) { $0.filter(\.$updatedAt == time).filter(\.$id < cursor.id) }
            }
        }
        let tickets = try await withRelations(query)
            .sort(\.$updatedAt, .descending).sort(\.$id, .descending)
            .limit(limit + 1).all()
        let page = Array(tickets.prefix(limit))
        let next = tickets.count > limit ? page.last.map {
            ActivityCursor(activityMilliseconds: $0.updatedAt.millisecondsSince1970, id: $0.id ?? 0).token
        } : nil
        return Page(data: try page.map(TicketDTO.init), nextCursor: next)
    }

    /// Tickets matching a full-text query, best match first.
    func search(_ query: SearchIndex.Query, limit: Int) async throws -> [TicketDTO] {
        let sql = try database.sqlDatabase()
        var visibilityClause: SQLQueryString = ""
        if let visibility, !visibility.role.seesAllTickets {
            let groups = visibility.groupIDs.sorted()
            visibilityClause = " AND (t.group_id IS NULL OR t.assignee_id = \(bind: visibility.userID)"
            if !groups.isEmpty {
                visibilityClause += " OR t.group_id IN (\(unsafeRaw: groups.map(String.init).joined(separator: ",")))"
            }
            visibilityClause += ")"
        }
        let rows = try await sql.raw("""
            SELECT t.id AS id FROM \(SearchIndex.matches(query, in: .tickets, on: sql)) \
            JOIN tickets t ON t.id = s.rowid WHERE 1 = 1\(visibilityClause) \
            ORDER BY s.rank, t.updated_at DESC, t.id DESC LIMIT \(bind: limit)
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        let tickets = try await withRelations(Ticket.query(on: database).filter(\.$id ~~ ids)).all()
        let byID = Dictionary(uniqueKeysWithValues: tickets.compactMap { ticket in ticket.id.map { ($0, ticket) } })
        return try ids.compactMap { byID[$0] }.map(TicketDTO.init)
    }

    func messages(of id: Int) async throws -> [MessageDTO] {
        try await requireVisible(id)
        return try await Message.query(on: database).filter(\.$ticket.$id == id).sort(\.$id).all().map(MessageDTO.init)
    }

    func message(_ id: Int) async throws -> MessageDTO {
        guard let message = try await Message.find(id, on: database) else { throw DomainError.notFound(resource: "message") }
        try await requireVisible(message.$ticket.id)
        return try MessageDTO(message)
    }

    func events(of id: Int) async throws -> [EventDTO] {
        try await requireVisible(id)
        return try await TicketEvent.query(on: database).filter(\.$ticket.$id == id).sort(\.$id).all().map(EventDTO.init)
    }

    func requireVisible(_ id: Int) async throws {
        guard let ticket = try await Ticket.find(id, on: database), isVisible(ticket) else {
            throw DomainError.notFound(resource: "ticket")
        }
    }

    private func isVisible(_ ticket: Ticket) -> Bool {
        visibility?.canSee(groupID: ticket.$group.id, assigneeID: ticket.$assignee.id) ?? true
    }

    /// Limits a query to what the caller may see.
    private func restrict(_ query: QueryBuilder<Ticket>) -> QueryBuilder<Ticket> {
        guard let visibility, !visibility.role.seesAllTickets else { return query }
        return query.group(.or) { either in
            either.filter(\.$group.$id == nil).filter(\.$assignee.$id == visibility.userID)
            if !visibility.groupIDs.isEmpty {
                either.filter(\.$group.$id ~~ visibility.groupIDs.sorted())
            }
        }
    }

    private func withRelations(_ query: QueryBuilder<Ticket>) -> QueryBuilder<Ticket> {
        query.with(\.$customer) { $0.with(\.$identities).with(\.$organization) }
            .with(\.$assignee).with(\.$group).with(\.$tags)
    }
}

extension TicketDTO {
    /// Needs the ticket's customer (with identities and organization), assignee, group and tags loaded.
    init(_ ticket: Ticket) throws {
        let assignee = ticket.$assignee.value ?? nil
        let group = ticket.$group.value ?? nil
        self.init(
            id: try ticket.requireID(), subject: ticket.subject, status: ticket.status, priority: ticket.priority,
            channel: ticket.channel, customer: try CustomerDTO(ticket.customer),
            assignee: try assignee.map { Person(id: try $0.requireID(), name: $0.name, email: $0.email) },
            group: try group.map { GroupDTO(id: try $0.requireID(), name: $0.name, tier: $0.tier) },
            tags: (ticket.$tags.value ?? []).map(\.tag).sorted(),
            createdAt: ticket.createdAt, updatedAt: ticket.updatedAt, firstResponseAt: ticket.firstResponseAt,
            solvedAt: ticket.solvedAt, reopenCount: ticket.reopenCount, followUpOf: ticket.followUpOfID,
            mergedInto: ticket.mergedIntoID)
    }
}

extension MessageDTO {
    init(_ message: Message) throws {
        self.init(
            id: try message.requireID(), ticketID: message.$ticket.id, authorKind: message.authorKind,
            authorID: message.authorUserID ?? message.authorCustomerID, body: message.body,
            internal: message.isInternal, channel: message.channel, createdAt: message.createdAt)
    }
}

extension EventDTO {
    init(_ event: TicketEvent) throws {
        let data = (try? JSON.decoder.decode([String: String].self, from: Data(event.data.utf8))) ?? [:]
        self.init(
            id: try event.requireID(), ticketID: event.$ticket.id, kind: event.kind, actorID: event.actorUserID,
            data: data, createdAt: event.createdAt)
    }
}
