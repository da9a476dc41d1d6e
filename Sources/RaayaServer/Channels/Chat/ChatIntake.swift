import Fluent
import Foundation
import RaayaCore
import SQLKit

/// A visitor's chat message, validated.
struct ChatArrival: Sendable {
    static let textCharacters = 4_000

    var visitor: ChatVisitorToken
    var text: String
    var name: String?
    var email: String?
    var language: String?
    /// Left while nobody could answer: the conversation goes on by email.
    var byEmail: Bool
}

/// Chat messages become the conversation of a ticket (channel `chat`) that belongs to the visitor who wrote
/// them: the visitor's current conversation goes on (a solved one reopens), otherwise a new ticket opens for
/// the customer behind the email address the visitor gave, else the customer of the visitor's earlier chats,
/// else a new customer. A message left while nobody could answer gets the mailed acknowledgement, and the
/// agents' replies to it go out by email.
enum ChatIntake {
    struct Received: Sendable {
        let ticketID: Int
        let messageID: Int
        let createdAt: Date
    }

    static func receive(_ arrival: ChatArrival, groupID: Int?, writer: WriteQueue, now: Date) async throws -> Received {
        try await writer.write { database in
            let sql = try database.sqlDatabase()
            let service = TicketService(database: database, now: now, actor: nil)
            let current = try await ChatConversation.current(of: arrival.visitor, on: sql)
            if let current, current.status != .closed {
                let messageID = try await service.addMessage(
                    to: current.ticketID, NewMessage(body: arrival.text, isInternal: false, author: .customer, channel: .chat))
                if arrival.byEmail && !current.byEmail {
                    try await sql.raw("UPDATE chat_conversations SET by_email = \(bind: true) WHERE ticket_id = \(bind: current.ticketID)").run()
                }
                if let email = arrival.email {
                    // Replies by email need an address; one that is another customer's is not taken over.
                    try await CustomerService(sql: sql, now: now).claim(.email, email, for: current.customerID)
                }
                return Received(ticketID: current.ticketID, messageID: messageID, createdAt: now)
            }
            let draft = CustomerDraft(
                name: arrival.name ?? (arrival.email == nil ? "زائر الدردشة · Chat visitor" : nil), email: arrival.email,
                language: arrival.language)
            let customerID = try await CustomerService(sql: sql, now: now)
                .resolve(id: arrival.email == nil ? current?.customerID : nil, draft: draft)
            let firstLine = arrival.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? arrival.text
            let ticketID = try await service.create(
                NewTicket(
                    subject: String(firstLine.trimmingWhitespace().prefix(120)), body: arrival.text, channel: .chat,
                    priority: .normal, customerID: customerID, customer: CustomerDraft(), groupID: groupID, assigneeID: nil,
                    tags: []))
            try await sql.insertRow(
                into: "chat_conversations",
                [
                    "ticket_id": ticketID, "visitor_id": arrival.visitor.visitorID, "by_email": arrival.byEmail,
                    "language": arrival.language, "created_at": now,
                ])
            if arrival.byEmail {
                try await MailOutbox.enqueueAcknowledgement(ticketID: ticketID, on: sql, now: now)
            }
            let messageID = try await sql.raw("SELECT MIN(id) AS id FROM messages WHERE ticket_id = \(bind: ticketID)")
                .first()?.decode(column: "id", as: Int.self) ?? 0
            return Received(ticketID: ticketID, messageID: messageID, createdAt: now)
        }
    }
}

/// A visitor's conversation as their widget shows it.
struct ChatConversation: Sendable {
    let ticketID: Int
    let customerID: Int
    let status: TicketStatus
    let byEmail: Bool

    /// The visitor's latest conversation.
    static func current(of visitor: ChatVisitorToken, on sql: any SQLDatabase) async throws -> ChatConversation? {
        guard
            let row = try await sql.raw("""
                SELECT c.ticket_id, c.by_email, t.customer_id, t.status FROM chat_conversations c \
                JOIN tickets t ON t.id = c.ticket_id WHERE c.visitor_id = \(bind: visitor.visitorID) \
                ORDER BY c.ticket_id DESC LIMIT 1
                """).first()
        else { return nil }
        return ChatConversation(
            ticketID: try row.decode(column: "ticket_id", as: Int.self),
            customerID: try row.decode(column: "customer_id", as: Int.self),
            status: try row.decodeRaw(column: "status", as: TicketStatus.self), byEmail: try row.decode(column: "by_email", as: Bool.self))
    }

    /// The public messages, oldest first (the last `limit`).
    func transcript(on sql: any SQLDatabase, limit: Int = 200) async throws -> [ChatFrame.Message] {
        try await sql.raw("""
            SELECT m.id, m.author_kind, m.body, m.created_at, u.name AS agent_name FROM messages m \
            LEFT JOIN users u ON u.id = m.author_user_id \
            WHERE m.ticket_id = \(bind: ticketID) AND m.internal = \(bind: false) ORDER BY m.id DESC LIMIT \(bind: limit)
            """).all().reversed().map { row in
            ChatFrame.Message(
                id: try row.decode(column: "id", as: Int.self),
                author: try row.decodeRaw(column: "author_kind", as: AuthorKind.self),
                name: try row.decodeOptional(column: "agent_name", as: String.self),
                text: try row.decode(column: "body", as: String.self), at: try row.decode(column: "created_at", as: Date.self))
        }
    }
}
