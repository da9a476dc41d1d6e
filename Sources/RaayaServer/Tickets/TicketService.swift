import Fluent
import Foundation
import RaayaCore
import SQLKit

/// A new ticket as a request describes it, already validated.
struct NewTicket: Sendable {
    var subject: String
    var body: String
    var channel: Channel
    var priority: TicketPriority
    var customerID: Int?
    var customer: CustomerDraft
    var groupID: Int?
    var assigneeID: Int?
    var tags: [String]
    /// The first message's sanitized HTML, when it came as HTML mail.
    var html: String? = nil
}

/// Changes to a ticket's fields; nil leaves a field alone, `.some(nil)` clears it.
struct TicketChanges: Sendable {
    var status: TicketStatus?
    var priority: TicketPriority?
    var assigneeID: Int??
    var groupID: Int??
    var tags: [String]?
}

struct NewMessage: Sendable {
    var body: String
    var isInternal: Bool
    var author: AuthorKind
    var channel: Channel?
    /// Sanitized HTML, when the message came as HTML mail.
    var html: String? = nil
}

/// The only writer of tickets: each change is stored with its event, inside one write of the `WriteQueue`, and
/// each operation that can change what the reports read of a ticket (`update`, `addMessage`, `merge`) rebuilds
/// the ticket's pre-aggregate (`TicketFactsTable`) once at its end, in that same write.
struct TicketService {
    let database: any Database
    let now: Date
    /// The staff member acting; nil for the system itself.
    let actor: Principal?

    func create(_ new: NewTicket) async throws -> Int {
        try await TicketCreation.apply(
            [TicketCreation(ticket: new, actor: actor, now: now)], on: try database.sqlDatabase())[0].get().id
    }

    func update(_ id: Int, _ changes: TicketChanges) async throws {
        let ticket = try await visibleTicket(id)
        guard ticket.status != .closed else {
            throw DomainError.conflict("ticket #\(id) is closed; a closed ticket cannot change")
        }
        var changed = false
        if let status = changes.status, status != ticket.status {
            guard ticket.status.canMove(to: status) else {
                throw DomainError.illegalStatusMove(from: ticket.status, to: status)
            }
            try await move(ticket, to: status)
            changed = true
        }
        if let priority = changes.priority, priority != ticket.priority {
            try await record(.priorityChanged, on: id, ["from": ticket.priority.rawValue, "to": priority.rawValue])
            ticket.priority = priority
            changed = true
        }
        if let assigneeID = changes.assigneeID, assigneeID != ticket.$assignee.id {
            try await database.sqlDatabase().requireRow(in: "users", id: assigneeID, field: "assignee_id", names: "user")
            try await record(.assigned, on: id, ["from": ticket.$assignee.id.map(String.init), "to": assigneeID.map(String.init)])
            ticket.$assignee.id = assigneeID
            changed = true
        }
        if let groupID = changes.groupID, groupID != ticket.$group.id {
            try await database.sqlDatabase().requireRow(in: "groups", id: groupID, field: "group_id", names: "group")
            try await record(.groupChanged, on: id, ["from": ticket.$group.id.map(String.init), "to": groupID.map(String.init)])
            ticket.$group.id = groupID
            changed = true
        }
        if let tags = changes.tags {
            changed = try await replaceTags(of: id, with: tags) || changed
        }
        if changed {
            ticket.updatedAt = now
            try await ticket.update(on: database)
            try await TicketFactsTable.refresh([id], on: try database.sqlDatabase())
        }
    }

    /// Adds a message. On a closed ticket a customer's message opens a follow-up, whose id the message carries.
    func addMessage(to id: Int, _ new: NewMessage) async throws -> Int {
        let ticket = try await visibleTicket(id)
        let effect = TicketRules.effect(
            ofMessageBy: new.author, isInternal: new.isInternal, on: ticket.status,
            hasFirstResponse: ticket.firstResponseAt != nil)
        switch effect {
        case .followUp:
            let channel = new.channel ?? ticket.channel
            let followUpID = try await insertTicket(
                subject: ticket.subject, priority: ticket.priority, channel: channel, customerID: ticket.$customer.id,
                groupID: ticket.$group.id, assigneeID: ticket.$assignee.id, followUpOf: id)
            try await record(.followUpCreated, on: id, ["follow_up_id": String(followUpID)])
            try await record(.created, on: followUpID, ["channel": channel.rawValue, "follow_up_of": String(id)])
            try await SearchIndex.add([(followUpID, ticket.subject)], in: .tickets, on: try database.sqlDatabase())
            guard let followUp = try await Ticket.find(followUpID, on: database) else {
                throw DomainError.notFound(resource: "ticket")
            }
            let messageID = try await append(new, to: followUp)
            try await TicketFactsTable.refresh([followUpID], on: try database.sqlDatabase())
            return messageID
        case .append(let newStatus, let reopens, let setsFirstResponse):
            if let newStatus {
                try await move(ticket, to: newStatus, reopenByCustomer: reopens)
            }
            if setsFirstResponse {
                ticket.firstResponseAt = now
                try await record(.firstResponse, on: id, [:])
            }
            let priority = ticket.priority
            let sentiment = ticket.sentiment
            let messageID = try await append(new, to: ticket)
            // What the reports read changed with a status move, an agent's reply, a customer's message whose
            // sentiment is not the latest one's (the ticket's), or a priority that sentiment raised.
            if newStatus != nil || (new.author == .agent && !new.isInternal) || ticket.sentiment != sentiment || ticket.priority != priority {
                try await TicketFactsTable.refresh([id], on: try database.sqlDatabase())
            }
            return messageID
        }
    }

    /// Records a phone call on a ticket: an internal note (channel `phone`) with the call's summary, and a
    /// `call_logged` event with its direction, number, duration and outcome. Never mailed to the customer.
    /// With `messageID`, the call's message exists already (the first message of a ticket the call opened).
    func logCall(on id: Int, _ call: PhoneCall, messageID existing: Int? = nil) async throws -> Int {
        let ticket = try await visibleTicket(id)
        guard ticket.status != .closed else { throw DomainError.conflict("ticket #\(id) is closed") }
        let messageID: Int
        if let existing {
            messageID = existing
        } else {
            messageID = try await append(
                NewMessage(body: call.summary, isInternal: true, author: actor == nil ? .system : .agent, channel: .phone),
                to: ticket)
        }
        try await record(
            .callLogged, on: id,
            [
                "direction": call.direction.rawValue, "number": call.number,
                "duration_seconds": String(call.durationSeconds), "outcome": call.outcome.rawValue,
                "message_id": String(messageID),
            ])
        return messageID
    }

    /// Moves every message of `sourceID` to `targetID` and closes the source with a link to the target.
    func merge(_ sourceID: Int, into targetID: Int) async throws {
        guard sourceID != targetID else { throw DomainError.invalid("into", "must be another ticket") }
        let source = try await visibleTicket(sourceID)
        guard let target = try await visibleTicketIfAny(targetID) else {
            throw DomainError.invalid("into", "names no ticket you can see")
        }
        guard source.status != .closed else { throw DomainError.conflict("ticket #\(sourceID) is closed") }
        guard target.status != .closed else { throw DomainError.conflict("ticket #\(targetID) is closed") }
        try await Message.query(on: database).set(\.$ticket.$id, to: targetID)
            .filter(\.$ticket.$id == sourceID).update()
        let sourceText = try await SearchIndex.content(of: sourceID, in: .tickets, on: try database.sqlDatabase())
        try await SearchIndex.append(sourceText, for: targetID, in: .tickets, on: try database.sqlDatabase())
        try await record(.statusChanged, on: sourceID, ["from": source.status.rawValue, "to": TicketStatus.closed.rawValue])
        try await record(.merged, on: sourceID, ["into": String(targetID)])
        try await record(.mergedFrom, on: targetID, ["from": String(sourceID)])
        source.status = .closed
        source.mergedIntoID = targetID
        source.updatedAt = now
        try await source.update(on: database)
        target.updatedAt = now
        try await target.update(on: database)
        // The source is closed as merged; the target has the source's replies.
        try await TicketFactsTable.refresh([sourceID, targetID], on: try database.sqlDatabase())
    }

    // MARK: - Parts

    /// Returns the new message's id.
    private func append(_ new: NewMessage, to ticket: Ticket) async throws -> Int {
        let id = try ticket.requireID()
        let sentiment = new.author == .customer ? SentimentModel.shared.analyze(new.body) : nil
        let messageID = try await insertMessage(
            ticketID: id, author: new.author, authorUserID: new.author == .agent ? actor?.userID : nil,
            authorCustomerID: new.author == .customer ? ticket.$customer.id : nil, body: new.body,
            isInternal: new.isInternal, channel: new.channel ?? ticket.channel, html: new.html, sentiment: sentiment)
        if let sentiment {
            ticket.sentiment = sentiment.label
            if let raised = TicketRules.priority(after: sentiment, current: ticket.priority),
                try await EscalationSettings.load(on: database.sqlDatabase()).raisePriorityOnNegative
            {
                try await record(
                    .priorityChanged, on: id, ["from": ticket.priority.rawValue, "to": raised.rawValue, "reason": "sentiment"])
                ticket.priority = raised
            }
        }
        try await record(
            .messageAdded, on: id,
            ["message_id": String(messageID), "author": new.author.rawValue, "internal": String(new.isInternal)])
        ticket.updatedAt = now
        try await ticket.update(on: database)
        try await SearchIndex.append(new.body, for: id, in: .tickets, on: try database.sqlDatabase())
        if new.author == .agent && !new.isInternal {
            // A public reply goes back the way the customer came, through the outbox, in this same transaction.
            let sql = try database.sqlDatabase()
            if ticket.channel == .social {
                try await SocialOutbox.enqueueReply(ticketID: id, body: new.body, on: sql, now: now)
            } else {
                try await MailOutbox.enqueueReply(ticketID: id, body: new.body, on: sql, now: now)
            }
        }
        return messageID
    }

    private func insertTicket(
        subject: String, priority: TicketPriority, channel: Channel, customerID: Int, groupID: Int?, assigneeID: Int?,
        followUpOf: Int?
    ) async throws -> Int {
        try await database.sqlDatabase().insertReturningID(
            into: Ticket.schema,
            [
                "subject": subject, "status": TicketStatus.new.rawValue, "priority": priority.rawValue,
                "channel": channel.rawValue, "customer_id": customerID, "group_id": groupID, "assignee_id": assigneeID,
                "created_at": now, "updated_at": now, "reopen_count": 0, "follow_up_of_id": followUpOf,
            ])
    }

    @discardableResult
    private func insertMessage(
        ticketID: Int, author: AuthorKind, authorUserID: Int?, authorCustomerID: Int?, body: String, isInternal: Bool,
        channel: Channel, html: String? = nil, sentiment: Sentiment? = nil
    ) async throws -> Int {
        try await database.sqlDatabase().insertReturningID(
            into: Message.schema,
            [
                "ticket_id": ticketID, "author_kind": author.rawValue, "author_user_id": authorUserID,
                "author_customer_id": authorCustomerID, "body": body, "internal": isInternal,
                "channel": channel.rawValue, "created_at": now, "html": html,
                "sentiment": sentiment?.label.rawValue, "sentiment_score": sentiment?.score,
            ])
    }

    private func move(_ ticket: Ticket, to status: TicketStatus, reopenByCustomer: Bool = false) async throws {
        let id = try ticket.requireID()
        let from = ticket.status
        try await record(.statusChanged, on: id, ["from": from.rawValue, "to": status.rawValue])
        if from == .solved && status.isActive {
            ticket.reopenCount += 1
            try await record(.reopened, on: id, ["by": reopenByCustomer ? "customer" : "agent"])
        }
        if status == .solved {
            ticket.solvedAt = now
            try await SurveyInvitations.scheduleOnSolve(
                ticketID: id, customerID: ticket.$customer.id, on: database.sqlDatabase(), now: now)
        }
        ticket.status = status
    }

    private func replaceTags(of id: Int, with tags: [String]) async throws -> Bool {
        let current = Set(try await TicketTag.query(on: database).filter(\.$ticket.$id == id).all().map(\.tag))
        let wanted = Set(tags)
        let added = wanted.subtracting(current).sorted()
        let removed = current.subtracting(wanted).sorted()
        guard !added.isEmpty || !removed.isEmpty else { return false }
        if !removed.isEmpty {
            try await TicketTag.query(on: database).filter(\.$ticket.$id == id).filter(\.$tag ~~ removed).delete()
        }
        for tag in added { try await TicketTag(ticketID: id, tag: tag).create(on: database) }
        try await record(
            .tagsChanged, on: id, ["added": added.joined(separator: ","), "removed": removed.joined(separator: ",")])
        return true
    }

    private func visibleTicket(_ id: Int) async throws -> Ticket {
        guard let ticket = try await visibleTicketIfAny(id) else { throw DomainError.notFound(resource: "ticket") }
        return ticket
    }

    private func visibleTicketIfAny(_ id: Int) async throws -> Ticket? {
        guard let ticket = try await Ticket.find(id, on: database) else { return nil }
        if let actor, !actor.visibility.canSee(groupID: ticket.$group.id, assigneeID: ticket.$assignee.id) {
            return nil
        }
        return ticket
    }

    /// Stores an event. Only this type's operations record the events the reports read (`TicketHistory.eventKinds`),
    /// and they refresh the ticket's pre-aggregate; other callers record the rest (bot steps, surveys).
    func record(_ kind: TicketEventKind, on ticketID: Int, _ details: [String: String?]) async throws {
        let data = try JSON.encoder.encode(details.compactMapValues { $0 })
        try await database.sqlDatabase().insertRow(
            into: TicketEvent.schema,
            [
                "ticket_id": ticketID, "kind": kind.rawValue, "actor_user_id": actor?.userID,
                "data": String(decoding: data, as: UTF8.self), "created_at": now,
            ])
    }
}
