import Fluent
import Foundation
import RaayaCore
import SQLKit

/// One request to open a ticket: what, by whom, when. Many are applied together (see `WriteQueue`): a burst of
/// new tickets costs a handful of statements in all — customers, tickets, first messages, tags, events and
/// search text each inserted as one multi-row statement.
struct TicketCreation: CombinableWrite {
    let ticket: NewTicket
    let actor: Principal?
    let now: Date

    static func apply(_ items: [TicketCreation], on database: any Database) async throws -> [Result<Int, any Error>] {
        let sql = try database.sqlDatabase()
        var failures = try await referenceFailures(items, on: sql)
        let valid = items.indices.filter { failures[$0] == nil }
        let customers = try await CustomerService(database: database, now: items[0].now)
            .resolveAll(valid.map { (items[$0].ticket.customerID, items[$0].ticket.customer) })
        var ready: [(index: Int, customerID: Int)] = []
        for (index, customer) in zip(valid, customers) {
            switch customer {
            case .success(let id): ready.append((index, id))
            case .failure(let error): failures[index] = error
            }
        }
        let ids = try await sql.insertRows(
            into: Ticket.schema,
            columns: [
                "subject", "status", "priority", "channel", "customer_id", "group_id", "assignee_id", "created_at",
                "updated_at", "reopen_count",
            ],
            ready.map { index, customerID in
                let item = items[index]
                let new = item.ticket
                return [
                    new.subject, TicketStatus.new.rawValue, new.priority.rawValue, new.channel.rawValue, customerID,
                    new.groupID, new.assigneeID, item.now, item.now, 0,
                ]
            }, returningIDs: true)
        let created = zip(ready, ids).map { (item: items[$0.index], customerID: $0.customerID, id: $1) }
        try await sql.insertRows(
            into: Message.schema,
            columns: ["ticket_id", "author_kind", "author_customer_id", "body", "internal", "channel", "created_at"],
            created.map { [$0.id, AuthorKind.customer.rawValue, $0.customerID, $0.item.ticket.body, false, $0.item.ticket.channel.rawValue, $0.item.now] })
        try await sql.insertRows(
            into: TicketTag.schema, columns: ["ticket_id", "tag"],
            created.flatMap { ticket in ticket.item.ticket.tags.map { [ticket.id, $0] } })
        try await sql.insertRows(
            into: TicketEvent.schema, columns: ["ticket_id", "kind", "actor_user_id", "data", "created_at"],
            try created.map { ticket in
                let new = ticket.item.ticket
                var details = ["channel": new.channel.rawValue, "priority": new.priority.rawValue]
                details["group_id"] = new.groupID.map(String.init)
                details["assignee_id"] = new.assigneeID.map(String.init)
                return [
                    ticket.id, TicketEventKind.created.rawValue, ticket.item.actor?.userID,
                    String(decoding: try JSON.encoder.encode(details), as: UTF8.self), ticket.item.now,
                ]
            })
        try await SearchIndex.add(
            created.map { ($0.id, $0.item.ticket.subject + "\n" + $0.item.ticket.body) }, in: .tickets, on: database)

        var idOf: [Int: Int] = [:]
        for (position, ticket) in created.enumerated() { idOf[ready[position].index] = ticket.id }
        return items.indices.map { index in
            if let id = idOf[index] { return .success(id) }
            return .failure(failures[index] ?? DomainError.invalid("ticket", "could not be created"))
        }
    }

    /// Items naming a group or assignee that does not exist, with their error; two queries for all items.
    private static func referenceFailures(_ items: [TicketCreation], on sql: any SQLDatabase) async throws
        -> [Int: DomainError]
    {
        func existing(_ table: String, _ ids: Set<Int>) async throws -> Set<Int> {
            guard !ids.isEmpty else { return [] }
            let rows = try await sql.raw(
                "SELECT id FROM \(ident: table) WHERE id IN (\(TicketReader.list(ids.sorted())))").all()
            return Set(try rows.map { try $0.decode(column: "id", as: Int.self) })
        }
        let groups = try await existing(Group.schema, Set(items.compactMap(\.ticket.groupID)))
        let users = try await existing(User.schema, Set(items.compactMap(\.ticket.assigneeID)))
        var failures: [Int: DomainError] = [:]
        for (index, item) in items.enumerated() {
            var validation = Validation()
            if let group = item.ticket.groupID, !groups.contains(group) { validation.fail("group_id", "names no group") }
            if let user = item.ticket.assigneeID, !users.contains(user) { validation.fail("assignee_id", "names no user") }
            if !validation.errors.isEmpty { failures[index] = .invalid(validation.errors) }
        }
        return failures
    }
}
