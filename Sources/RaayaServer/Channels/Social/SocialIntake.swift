import Fluent
import Foundation
import RaayaCore
import SQLKit

/// What became of one social post.
struct SocialOutcome: Codable, Sendable, Equatable {
    let outcome: String
    let ticketID: Int

    enum CodingKeys: String, CodingKey {
        case outcome
        case ticketID = "ticket_id"
    }
}

/// Social posts become tickets (channel `social`) of the customer known by that handle on that source: a new
/// post joins the customer's open social ticket from the same source, otherwise it opens one. Agents' replies go
/// back through the source's reply endpoint (`SocialOutbox`); a source without one gets an internal note on each
/// new ticket asking the agent to move the customer to a private channel. A post id seen before from the same
/// source stores nothing new.
enum SocialIntake {
    static func receive(_ posts: [SocialPost], from source: ChannelSource, writer: WriteQueue, now: Date) async throws
        -> [SocialOutcome]
    {
        try await writer.write { database in
            let sql = try database.sqlDatabase()
            let service = TicketService(database: database, now: now, actor: nil)
            var outcomes: [SocialOutcome] = []
            for post in posts {
                if let externalID = post.externalID,
                    let seen = try await sql.raw("""
                        SELECT ticket_id FROM external_ids WHERE source_id = \(bind: source.id) \
                        AND external_id = \(bind: externalID)
                        """).first()
                {
                    outcomes.append(SocialOutcome(outcome: "duplicate", ticketID: try seen.decode(column: "ticket_id", as: Int.self)))
                    continue
                }
                let customerID = try await customer(of: post, source: source, on: sql, now: now)
                let body = post.url.map { "\(post.text)\n\n\($0)" } ?? post.text
                let outcome: SocialOutcome
                // The customer is this source's (found by `source:handle`), so their open social ticket is from this
                // source too, whichever group it has been moved to since.
                if let open = try await sql.raw("""
                    SELECT t.id FROM tickets t WHERE t.customer_id = \(bind: customerID) AND t.channel = 'social' \
                    AND t.status NOT IN ('solved', 'closed') ORDER BY t.id DESC LIMIT 1
                    """).first()
                {
                    let ticketID = try open.decode(column: "id", as: Int.self)
                    _ = try await service.addMessage(
                        to: ticketID, NewMessage(body: body, isInternal: false, author: .customer, channel: .social))
                    outcome = SocialOutcome(outcome: "added", ticketID: ticketID)
                } else {
                    let firstLine = post.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? post.text
                    let subject = "\(source.name): " + String(firstLine.prefix(120))
                    let ticketID = try await service.create(
                        NewTicket(
                            subject: String(subject.prefix(Limits.subjectCharacters)), body: body, channel: .social,
                            priority: .normal, customerID: customerID, customer: CustomerDraft(), groupID: source.groupID,
                            assigneeID: nil, tags: [source.name]))
                    outcome = SocialOutcome(outcome: "opened", ticketID: ticketID)
                }
                if outcome.outcome == "opened", source.reply == nil {
                    // Without a reply endpoint Raaya cannot answer on the source: the agent is asked to move the
                    // conversation.
                    _ = try await service.addMessage(
                        to: outcome.ticketID,
                        NewMessage(
                            body: """
                                لا يمكن الرد على \(source.name) من رعاية. اطلب من العميل بريده الإلكتروني أو رقم هاتفه \
                                (في رسالة خاصة على \(source.name)) وتابِع المحادثة من هناك.
                                Raaya cannot reply on \(source.name). Ask the customer for an email address or phone \
                                number (privately on \(source.name)) and continue there.
                                """,
                            isInternal: true, author: .system, channel: .social))
                }
                if let externalID = post.externalID {
                    try await sql.insertRow(
                        into: "external_ids",
                        ["source_id": source.id, "external_id": externalID, "ticket_id": outcome.ticketID, "created_at": now])
                }
                outcomes.append(outcome)
            }
            return outcomes
        }
    }

    /// The customer with this handle on this source, or a new one.
    private static func customer(of post: SocialPost, source: ChannelSource, on sql: any SQLDatabase, now: Date) async throws
        -> Int
    {
        let value = "\(source.name):\(post.handle.lowercased())"
        if let row = try await sql.raw(
            "SELECT customer_id FROM customer_identities WHERE kind = 'social' AND value = \(bind: value)"
        ).first() {
            return try row.decode(column: "customer_id", as: Int.self)
        }
        let name = post.name.flatMap { $0.isEmpty ? nil : String($0.prefix(Limits.nameCharacters)) } ?? post.handle
        let id = try await CustomerService(sql: sql, now: now).create(CustomerDraft(name: name))
        try await sql.insertRow(
            into: CustomerIdentity.schema,
            ["customer_id": id, "kind": IdentityKind.social.rawValue, "value": value, "created_at": now])
        try await SearchIndex.append(post.handle, for: id, in: .customers, on: sql)
        return id
    }
}
