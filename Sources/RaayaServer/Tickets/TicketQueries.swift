import Fluent
import Foundation
import RaayaCore
import RaayaMail
import SQLKit

/// Filters of the ticket list, as the API takes them.
struct TicketFilter: Sendable {
    /// Any of these statuses (the workspace's views); `status` narrows to one.
    var statuses: [TicketStatus]? = nil
    /// Only tickets nobody is assigned to.
    var unassigned = false
    /// Only tickets of these groups.
    var groupIDs: [Int]? = nil
    var status: TicketStatus?
    var priority: TicketPriority?
    var groupID: Int?
    var assigneeID: Int?
    var channel: Channel?
    var customerID: Int?
    var tag: String?
    /// The sentiment of the customer's latest message.
    var sentiment: SentimentLabel?
}

/// Reads of tickets, always through the caller's visibility: a ticket the caller may not see does not exist.
struct TicketQueries {
    let database: any Database
    let visibility: TicketVisibility?

    func detail(_ id: Int) async throws -> TicketDTO {
        guard let ticket = try await TicketReader(database).tickets(where: "t.id = \(bind: id)\(restriction)", limit: 1).first
        else { throw DomainError.notFound(resource: "ticket") }
        return ticket
    }

    /// Tickets in `order`, `limit` at a time, continuing after `cursor` (the `next_cursor` of the page before, in
    /// the same order; anything else is refused as the field `cursor`).
    func list(_ filter: TicketFilter, order: TicketOrder = .activity, limit: Int, after cursor: String?) async throws
        -> Page<TicketDTO>
    {
        var condition = Self.condition(filter)
        if let cursor {
            switch order {
            case .activity:
                guard let position = ActivityCursor(token: cursor) else { throw Self.badCursor }
                let time = Date(millisecondsSince1970: position.activityMilliseconds)
                condition += " AND (t.updated_at < \(bind: time) OR (t.updated_at = \(bind: time) AND t.id < \(bind: position.id)))"
            case .age:
                guard let id = Int(cursor) else { throw Self.badCursor }
                condition += " AND t.id > \(bind: id)"
            }
        }
        condition += restriction
        let tickets = try await TicketReader(database).tickets(where: condition, order: order, limit: limit + 1)
        let page = Array(tickets.prefix(limit))
        let next = tickets.count > limit ? page.last.map { last in
            switch order {
            case .activity: ActivityCursor(activityMilliseconds: last.updatedAt.millisecondsSince1970, id: last.id).token
            case .age: String(last.id)
            }
        } : nil
        return Page(data: page, nextCursor: next)
    }

    private static let badCursor = DomainError.invalid("cursor", "is not a cursor this list gave")

    /// How many tickets the caller may see match the filter, counting no further than `limit` (a view's badge
    /// says "1000+" rather than count 100,000 rows on every page).
    func count(_ filter: TicketFilter, upTo limit: Int) async throws -> Int {
        try await database.sqlDatabase().raw("""
            SELECT COUNT(*) AS n FROM (SELECT 1 FROM tickets t WHERE \(Self.condition(filter))\(restriction) \
            LIMIT \(bind: limit)) AS counted
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func condition(_ filter: TicketFilter) -> SQLQueryString {
        var condition: SQLQueryString = "1 = 1"
        if let statuses = filter.statuses {
            condition += " AND t.status IN (\(unsafeRaw: statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
        }
        if filter.unassigned { condition += " AND t.assignee_id IS NULL" }
        if let groupIDs = filter.groupIDs { condition += " AND t.group_id IN (\(TicketReader.list(groupIDs.isEmpty ? [0] : groupIDs)))" }
        if let status = filter.status { condition += " AND t.status = \(bind: status.rawValue)" }
        if let priority = filter.priority { condition += " AND t.priority = \(bind: priority.rawValue)" }
        if let groupID = filter.groupID { condition += " AND t.group_id = \(bind: groupID)" }
        if let assigneeID = filter.assigneeID { condition += " AND t.assignee_id = \(bind: assigneeID)" }
        if let channel = filter.channel { condition += " AND t.channel = \(bind: channel.rawValue)" }
        if let customerID = filter.customerID { condition += " AND t.customer_id = \(bind: customerID)" }
        if let sentiment = filter.sentiment { condition += " AND t.sentiment = \(bind: sentiment.rawValue)" }
        if let tag = filter.tag {
            condition += " AND t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = \(bind: tag))"
        }
        return condition
    }

    /// Tickets matching a full-text query, best match first.
    func search(_ query: SearchIndex.Query, limit: Int) async throws -> [TicketDTO] {
        let restricted = visibility.map { !$0.role.seesAllTickets } ?? false
        let ids = try await SearchIndex.ranked(
            query, in: .tickets, limit: limit,
            join: restricted ? "JOIN tickets t ON t.id = ticket_search.rowid" : "", filter: restriction, on: database)
        return try await TicketReader(database).tickets(ids: ids)
    }

    func messages(of id: Int) async throws -> [MessageDTO] {
        try await requireVisible(id)
        var attachments: [Int: [AttachmentDTO]] = [:]
        for row in try await database.sqlDatabase().raw("""
            SELECT a.id, a.message_id, a.filename, a.content_type, a.content_id, a.inline, a.size FROM attachments a \
            JOIN messages m ON m.id = a.message_id WHERE m.ticket_id = \(bind: id) ORDER BY a.id
            """).all()
        {
            attachments[try row.decode(column: "message_id", as: Int.self), default: []].append(
                AttachmentDTO(
                    id: try row.decode(column: "id", as: Int.self), filename: try row.decode(column: "filename", as: String.self),
                    contentType: try row.decode(column: "content_type", as: String.self),
                    contentID: try row.decodeOptional(column: "content_id", as: String.self),
                    inline: try row.decode(column: "inline", as: Bool.self), size: try row.decode(column: "size", as: Int.self)))
        }
        return try await Message.query(on: database).filter(\.$ticket.$id == id).sort(\.$id).all().map { message in
            try MessageDTO(message, attachments: attachments[try message.requireID()] ?? [])
        }
    }

    /// An attachment's name, type and file, if the caller may see its ticket.
    func attachment(_ id: Int) async throws -> (filename: String, contentType: String, path: String) {
        guard
            let row = try await database.sqlDatabase().raw("""
                SELECT a.filename, a.content_type, a.path, m.ticket_id FROM attachments a \
                JOIN messages m ON m.id = a.message_id WHERE a.id = \(bind: id)
                """).first()
        else { throw DomainError.notFound(resource: "attachment") }
        do {
            try await requireVisible(try row.decode(column: "ticket_id", as: Int.self))
        } catch DomainError.notFound {
            throw DomainError.notFound(resource: "attachment")
        }
        return (
            try row.decode(column: "filename", as: String.self), try row.decode(column: "content_type", as: String.self),
            try row.decode(column: "path", as: String.self)
        )
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
        let sql = try database.sqlDatabase()
        guard try await sql.raw("SELECT t.id FROM tickets t WHERE t.id = \(bind: id)\(restriction)").first() != nil else {
            throw DomainError.notFound(resource: "ticket")
        }
    }

    /// Live chats (conversations from the chat widget) whose customer's last message has no public answer yet,
    /// longest waiting first. Chats left for an answer by email, and chats the answer bot is handling, are not
    /// waiting for a live agent.
    ///
    /// The chat conversations lead: SQLite keeps a CROSS JOIN's order, and without it chose to walk every open
    /// ticket by status (17 ms of the inbox page's 19 at 100,000 tickets) to find the few that are chats.
    func waitingChats(now: Date, alertAfter seconds: Int) async throws -> [ChatFrame.WaitingChat] {
        let sql = try database.sqlDatabase()
        return try await sql.raw("""
            SELECT t.id, t.subject, t.status, t.group_id, t.assignee_id, c.name AS customer_name, \
            MIN(m.created_at) AS waiting_since FROM chat_conversations cc CROSS JOIN tickets t CROSS JOIN messages m \
            JOIN customers c ON c.id = t.customer_id \
            WHERE t.id = cc.ticket_id AND m.ticket_id = t.id AND m.author_kind = 'customer' AND m.internal = \(bind: false) \
            AND cc.by_email = \(bind: false) AND (cc.bot IS NULL OR cc.bot = 'handed_off') \
            AND t.status IN ('new', 'open')\(restriction) \
            AND m.id > COALESCE((SELECT MAX(a.id) FROM messages a WHERE a.ticket_id = t.id AND a.author_kind = 'agent' \
            AND a.internal = \(bind: false)), 0) \
            GROUP BY t.id, t.subject, t.status, t.group_id, t.assignee_id, c.name ORDER BY waiting_since, t.id LIMIT 500
            """).all().map { row in
            let since = try row.decode(column: "waiting_since", as: Date.self)
            return ChatFrame.WaitingChat(
                ticketID: try row.decode(column: "id", as: Int.self), subject: try row.decode(column: "subject", as: String.self),
                customerName: try row.decode(column: "customer_name", as: String.self),
                status: try row.decodeRaw(column: "status", as: TicketStatus.self),
                groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                assigneeID: try row.decodeOptional(column: "assignee_id", as: Int.self), waitingSince: since,
                overdue: now.timeIntervalSince(since) >= Double(seconds))
        }
    }

    /// ` AND (…)` limiting tickets (alias `t`) to what the caller may see; empty for those who see everything.
    private var restriction: SQLQueryString {
        guard let visibility, !visibility.role.seesAllTickets else { return "" }
        var clause: SQLQueryString = " AND (t.group_id IS NULL OR t.assignee_id = \(bind: visibility.userID)"
        if !visibility.groupIDs.isEmpty {
            clause += " OR t.group_id IN (\(TicketReader.list(visibility.groupIDs.sorted())))"
        }
        clause += ")"
        return clause
    }
}

extension MessageDTO {
    init(_ message: Message, attachments: [AttachmentDTO] = []) throws {
        self.init(
            id: try message.requireID(), ticketID: message.$ticket.id, authorKind: message.authorKind,
            authorID: message.authorUserID ?? message.authorCustomerID, body: message.body,
            internal: message.isInternal, channel: message.channel, createdAt: message.createdAt,
            attachments: attachments, folded: Self.folded(message), html: message.html,
            sentiment: message.sentiment.map { SentimentDTO(label: $0, score: message.sentimentScore ?? 0) })
    }

    /// Only a customer's mail quotes the conversation; other messages are shown whole.
    private static func folded(_ message: Message) -> Folded? {
        guard message.channel == .email, message.authorKind == .customer else { return nil }
        let parts = MailText.splitQuoted(message.body)
        return parts.quoted.isEmpty ? nil : Folded(reply: parts.new, quoted: parts.quoted)
    }
}

extension EventDTO {
    init(_ event: TicketEvent) throws {
        let data = TicketEvent.details(event.data)
        self.init(
            id: try event.requireID(), ticketID: event.$ticket.id, kind: event.kind, actorID: event.actorUserID,
            data: data, createdAt: event.createdAt)
    }
}
