import Fluent
import Foundation
import RaayaCore
import SQLKit

/// One request to open a ticket: what, by whom, when. Many are applied together (see `WriteQueue`): a burst of
/// new tickets costs a handful of statements in all — customers, tickets, first messages, tags, events and
/// search text each inserted as one multi-row statement — and each comes back as the ticket its creator sees,
/// so answering needs no further read.
struct TicketCreation: CombinableWrite {
    let ticket: NewTicket
    let actor: Principal?
    let now: Date
    /// The ticket's search text, worked out where the creation is made (a request's event loop), not on the
    /// writer's thread, which every write waits for.
    let searchText: String
    /// The first message's sentiment: it is the customer's. Worked out here for the same reason.
    let sentiment: Sentiment

    init(ticket: NewTicket, actor: Principal?, now: Date, searchText: String? = nil) {
        self.ticket = ticket
        self.actor = actor
        self.now = now
        self.searchText = searchText ?? Self.searchText(subject: ticket.subject, body: ticket.body)
        sentiment = SentimentModel.shared.analyze(ticket.body)
    }

    static func searchText(subject: String, body: String) -> String {
        SearchText.indexText(subject + "\n" + body)
    }

    static func apply(_ items: [TicketCreation], on sql: any SQLDatabase) async throws -> [Result<TicketDTO, any Error>] {
        let references = try await References(items, on: sql)
        var failures = references.failures
        let valid = items.indices.filter { failures[$0] == nil }
        let customers = try await CustomerService(sql: sql, now: items[0].now)
            .resolveAll(valid.map { (items[$0].ticket.customerID, items[$0].ticket.customer) })
        var ready: [(index: Int, customerID: Int)] = []
        for (index, customer) in zip(valid, customers) {
            switch customer {
            case .success(let id): ready.append((index, id))
            case .failure(let error): failures[index] = error
            }
        }
        // The escalation rule is read only when some new ticket would be raised by it.
        let raised = valid.map { TicketRules.priority(after: items[$0].sentiment, current: items[$0].ticket.priority) }
        let escalating =
            raised.contains { $0 != nil } ? try await EscalationSettings.load(on: sql).raisePriorityOnNegative : false
        var priorities = items.map(\.ticket.priority)
        for (index, priority) in zip(valid, raised) where escalating {
            priorities[index] = priority ?? priorities[index]
        }
        let ids = try await sql.insertRows(
            into: Ticket.schema,
            columns: [
                "subject", "status", "priority", "channel", "customer_id", "group_id", "assignee_id", "created_at",
                "updated_at", "reopen_count", "sentiment",
            ],
            ready.map { index, customerID in
                let item = items[index]
                let new = item.ticket
                return [
                    new.subject, TicketStatus.new.rawValue, priorities[index].rawValue, new.channel.rawValue, customerID,
                    new.groupID, new.assigneeID, item.now, item.now, 0, item.sentiment.label.rawValue,
                ]
            }, returningIDs: true)
        let created = zip(ready, ids).map { (item: items[$0.index], index: $0.index, customerID: $0.customerID, id: $1) }
        try await sql.insertRows(
            into: Message.schema,
            columns: [
                "ticket_id", "author_kind", "author_customer_id", "body", "internal", "channel", "created_at", "html",
                "sentiment", "sentiment_score",
            ],
            created.map {
                [$0.id, AuthorKind.customer.rawValue, $0.customerID, $0.item.ticket.body, false, $0.item.ticket.channel.rawValue,
                 $0.item.now, $0.item.ticket.html, $0.item.sentiment.label.rawValue, $0.item.sentiment.score]
            })
        try await sql.insertRows(
            into: TicketTag.schema, columns: ["ticket_id", "tag"],
            created.flatMap { ticket in ticket.item.ticket.tags.map { [ticket.id, $0] } })
        try await sql.insertRows(
            into: TicketEvent.schema, columns: ["ticket_id", "kind", "actor_user_id", "data", "created_at"],
            try created.map { ticket in
                let new = ticket.item.ticket
                var details = ["channel": new.channel.rawValue, "priority": priorities[ticket.index].rawValue]
                if priorities[ticket.index] != new.priority { details["raised_by"] = "sentiment" }
                details["group_id"] = new.groupID.map(String.init)
                details["assignee_id"] = new.assigneeID.map(String.init)
                return [
                    ticket.id, TicketEventKind.created.rawValue, ticket.item.actor?.userID,
                    String(decoding: try JSON.encoder.encode(details), as: UTF8.self), ticket.item.now,
                ]
            })
        try await SearchIndex.add(indexed: created.map { ($0.id, $0.item.searchText) }, in: .tickets, on: sql)
        // Rebuilt from what was just stored, so the instants are exactly the database's.
        try await TicketFactsTable.refresh(created.map(\.id), on: sql)

        let customerIDs = Set(created.map(\.customerID)).sorted()
        let customerDTOs =
            customerIDs.isEmpty
            ? []
            : try await CustomerReader(sql: sql)
                .customers(where: "c.id IN (\(TicketReader.list(customerIDs)))", order: "c.id", limit: customerIDs.count)
        let customerByID = Dictionary(uniqueKeysWithValues: customerDTOs.map { ($0.id, $0) })
        var dtoOf: [Int: TicketDTO] = [:]
        for (position, ticket) in created.enumerated() {
            guard let customer = customerByID[ticket.customerID] else { continue }
            let new = ticket.item.ticket
            dtoOf[ready[position].index] = TicketDTO(
                id: ticket.id, subject: new.subject, status: .new, priority: priorities[ready[position].index], channel: new.channel,
                customer: customer, assignee: new.assigneeID.flatMap { references.users[$0] },
                group: new.groupID.flatMap { references.groups[$0] }, tags: new.tags.sorted(),
                createdAt: ticket.item.now, updatedAt: ticket.item.now, firstResponseAt: nil, solvedAt: nil,
                reopenCount: 0, followUpOf: nil, mergedInto: nil)
        }
        return items.indices.map { index in
            if let dto = dtoOf[index] { return .success(dto) }
            return .failure(failures[index] ?? DomainError.invalid("ticket", "could not be created"))
        }
    }

    /// The groups and assignees the items name, and the items naming one that does not exist; two queries.
    private struct References {
        var groups: [Int: GroupDTO] = [:]
        var users: [Int: TicketDTO.Person] = [:]
        var failures: [Int: DomainError] = [:]

        init(_ items: [TicketCreation], on sql: any SQLDatabase) async throws {
            let groupIDs = Set(items.compactMap(\.ticket.groupID)).sorted()
            if !groupIDs.isEmpty {
                for row in try await sql.raw(
                    "SELECT id, name, tier FROM \"groups\" WHERE id IN (\(TicketReader.list(groupIDs)))"
                ).all() {
                    let id = try row.decode(column: "id", as: Int.self)
                    groups[id] = GroupDTO(
                        id: id, name: try row.decode(column: "name", as: String.self),
                        tier: try row.decode(column: "tier", as: Int.self))
                }
            }
            let userIDs = Set(items.compactMap(\.ticket.assigneeID)).sorted()
            if !userIDs.isEmpty {
                for row in try await sql.raw("SELECT id, name, email FROM users WHERE id IN (\(TicketReader.list(userIDs)))").all() {
                    let id = try row.decode(column: "id", as: Int.self)
                    users[id] = TicketDTO.Person(
                        id: id, name: try row.decode(column: "name", as: String.self),
                        email: try row.decodeOptional(column: "email", as: String.self))
                }
            }
            for (index, item) in items.enumerated() {
                var validation = Validation()
                if let group = item.ticket.groupID, groups[group] == nil { validation.fail("group_id", "names no group") }
                if let user = item.ticket.assigneeID, users[user] == nil { validation.fail("assignee_id", "names no user") }
                if !validation.errors.isEmpty { failures[index] = .invalid(validation.errors) }
            }
        }
    }
}
