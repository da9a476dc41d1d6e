import Foundation
import RaayaCore
import SQLKit
import Vapor

/// Puts an agent's public reply on a social ticket in the outbox, as the HTTP call its source's reply endpoint
/// expects, inside the reply's transaction; `OutboxDelivery` makes the call and retries.
enum SocialOutbox {
    /// Does nothing when the ticket is not a social one or its source has no reply endpoint.
    static func enqueueReply(ticketID: Int, body: String, on sql: any SQLDatabase, now: Date) async throws {
        guard let target = try await target(of: ticketID, on: sql), let reply = target.source.reply else { return }
        let payload = try self.payload(
            format: reply.format, source: target.source.name, ticketID: ticketID, handle: target.handle,
            inReplyTo: target.inReplyTo, text: body)
        try await sql.insertRow(
            into: "outbox",
            [
                "ticket_id": ticketID, "kind": "reply", "transport": "http",
                "mail_message_id": "raaya.\(ticketID).\(UUID().uuidString.lowercased())@social",
                "sender": String(target.source.id), "recipient": "\(target.source.name):\(target.handle)",
                "payload": Data(payload), "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
            ])
    }

    /// The body the reply endpoint expects.
    static func payload(
        format: ChannelSource.ReplyFormat, source: String, ticketID: Int, handle: String, inReplyTo: String?, text: String
    ) throws -> [UInt8] {
        let object: [String: Any] =
            switch format {
            case .generic:
                [
                    "source": source, "ticket_id": ticketID, "in_reply_to": inReplyTo ?? NSNull(),
                    "recipient": ["handle": handle], "text": text,
                ]
            case .messenger:
                ["recipient": ["id": handle], "messaging_type": "RESPONSE", "message": ["text": text]]
            case .whatsapp:
                ["messaging_product": "whatsapp", "to": handle, "type": "text", "text": ["body": text]]
            }
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// The source and the customer's handle on it (from the customer's `source:handle` identity), and the post
    /// last received on the ticket.
    private static func target(of ticketID: Int, on sql: any SQLDatabase) async throws
        -> (source: ChannelSource, handle: String, inReplyTo: String?)?
    {
        guard
            let ticket = try await sql.raw("""
                SELECT t.channel, (SELECT e.source_id FROM external_ids e WHERE e.ticket_id = t.id ORDER BY e.id DESC LIMIT 1) \
                AS source_id, (SELECT e.external_id FROM external_ids e WHERE e.ticket_id = t.id ORDER BY e.id DESC LIMIT 1) \
                AS external_id FROM tickets t WHERE t.id = \(bind: ticketID)
                """).first(),
            try ticket.decodeRaw(column: "channel", as: Channel.self) == .social
        else { return nil }
        let identities = try await sql.raw("""
            SELECT i.value FROM customer_identities i JOIN tickets t ON t.customer_id = i.customer_id \
            WHERE t.id = \(bind: ticketID) AND i.kind = 'social' ORDER BY i.id
            """).all().map { try $0.decode(column: "value", as: String.self) }
        // The source of the last post; for a ticket opened without a post id, the source of the customer's handle.
        var source: ChannelSource?
        if let sourceID = try ticket.decodeOptional(column: "source_id", as: Int.self) {
            source = try await ChannelSource.find(id: sourceID, on: sql)
        } else if let first = identities.first, let name = first.split(separator: ":").first {
            source = try await ChannelSource.find(kind: .social, name: String(name), on: sql)
        }
        guard let source,
            let identity = identities.first(where: { $0.hasPrefix("\(source.name):") })
        else { return nil }
        return (source, String(identity.dropFirst(source.name.count + 1)), try ticket.decodeOptional(column: "external_id", as: String.self))
    }
}

/// Makes the HTTP call of a social reply: a JSON POST to the source's reply endpoint, with its bearer token and
/// signed with the source's secret (`X-Hub-Signature-256`), as Raaya's webhooks are.
enum SocialDelivery {
    static func send(_ payload: [UInt8], sourceID: Int, app: Application) async -> OutboxDelivery.Outcome {
        let source: ChannelSource?
        do {
            source = try await ChannelSource.find(id: sourceID, on: app.db.sqlDatabase())
        } catch {
            return .retry("could not read the source: \(error)")
        }
        guard let source, let endpoint = source.reply else {
            return .failed("the source has no reply endpoint any more")
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "X-Hub-Signature-256", value: source.signature(of: payload))
        if let token = endpoint.token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var request = ClientRequest(method: .POST, url: URI(string: endpoint.url), headers: headers, body: ByteBuffer(bytes: payload))
        request.timeout = .seconds(15)
        do {
            let response = try await app.client.send(request)
            let answer = "HTTP \(response.status.code)"
            switch response.status.code {
            case 200..<300: return .sent(answer)
            case 408, 429, 500...: return .retry(answer)
            default: return .failed(answer + (response.body.map { ": " + String(buffer: $0).prefix(200) } ?? ""))
            }
        } catch {
            return .retry("cannot reach \(endpoint.url): \(error)")
        }
    }
}
