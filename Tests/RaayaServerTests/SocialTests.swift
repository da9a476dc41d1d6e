import Crypto
import Foundation
import NIOCore
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Social: signed webhooks in the generic and Meta formats, handshake, threading by handle")
struct SocialTests {
    static let secret = "complaints-secret-٢٠٢٦"

    static func post(_ app: TestApp, source: String, _ json: [String: Any], secret: String = secret) async throws -> TestResponse {
        try await app.sendSigned("/api/v1/channels/social/\(source)", json, secret: secret)
    }

    static func addSource(_ app: TestApp, token: String, name: String, verifyToken: String? = nil) async throws {
        var json: [String: Any] = ["kind": "social", "name": name, "secret": secret]
        if let verifyToken { json["verify_token"] = verifyToken }
        let created = try await app.send(.POST, "/api/v1/channels/sources", token: token, json: json)
        #expect(created.status == .created, "\(created.text)")
    }

    @Test("a complaint-site post opens a social ticket; the same author's next post joins it; a repeated id stores nothing")
    func genericFormat() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            try await Self.addSource(app, token: admin, name: "complaints")
            let first: [String: Any] = [
                "id": "p-1", "author": ["handle": "@Salem_99", "name": "سالم"],
                "text": "الخدمة سيئة جداً، تأخر الطلب أسبوعين!\nما زلت أنتظر.", "url": "https://complaints.example/p-1",
            ]
            let opened = try await Self.post(app, source: "complaints", first)
            #expect(opened.status == .accepted, "\(opened.text)")
            #expect(opened.items.first?.string("outcome") == "opened")
            let ticketID = try #require(opened.items.first?.int("ticket_id"))
            let ticket = try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: admin).object
            #expect(ticket.string("channel") == "social")
            #expect(ticket.string("subject") == "complaints: الخدمة سيئة جداً، تأخر الطلب أسبوعين!")
            #expect((ticket["customer"] as? [String: Any])?.string("name") == "سالم")
            #expect(ticket["tags"] as? [String] == ["complaints"])

            let again = try await Self.post(app, source: "complaints", first)
            #expect(again.items.first?.string("outcome") == "duplicate")
            let second = try await Self.post(
                app, source: "complaints", ["id": "p-2", "author": ["handle": "@salem_99"], "text": "أي رد؟"])
            #expect(second.items.first?.string("outcome") == "added")
            #expect(second.items.first?.int("ticket_id") == ticketID)
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items
            #expect(messages.map { $0.string("author") } == ["customer", "system", "customer"])
            #expect(messages[1]["internal"] as? Bool == true)
            #expect(messages[1].string("body")?.contains("اطلب من العميل بريده الإلكتروني") == true)

            let wrong = try await Self.post(app, source: "complaints", first, secret: "not-the-secret-at-all")
            #expect(wrong.status == .unauthorized)
            let unknown = try await Self.post(app, source: "twitter", first)
            #expect(unknown.status == .unauthorized)
            let empty = try await Self.post(app, source: "complaints", ["author": ["handle": "x"], "text": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("text"))
        }
    }

    @Test("Meta: the verification handshake, Messenger and WhatsApp messages")
    func metaFormat() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            try await Self.addSource(app, token: admin, name: "meta", verifyToken: "رمز-التحقق")
            let token = "رمز-التحقق".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let ok = try await app.send(
                .GET, "/api/v1/channels/social/meta?hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1158201444")
            #expect(ok.status == .ok)
            #expect(ok.text == "1158201444")
            let refused = try await app.send(
                .GET, "/api/v1/channels/social/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")
            #expect(refused.status == .forbidden)

            let messenger: [String: Any] = [
                "object": "page",
                "entry": [["id": "PAGE", "time": 1, "messaging": [[
                    "sender": ["id": "PSID-1"], "recipient": ["id": "PAGE"], "timestamp": 1,
                    "message": ["mid": "m_1", "text": "مرحبا، عندي مشكلة في الدفع"],
                ]]]],
            ]
            let fromMessenger = try await Self.post(app, source: "meta", messenger)
            #expect(fromMessenger.status == .accepted, "\(fromMessenger.text)")
            #expect(fromMessenger.items.map { $0.string("outcome") } == ["opened"])

            let whatsapp: [String: Any] = [
                "object": "whatsapp_business_account",
                "entry": [["id": "WABA", "changes": [["field": "messages", "value": [
                    "contacts": [["wa_id": "966501234567", "profile": ["name": "ريم"]]],
                    "messages": [["from": "966501234567", "id": "wamid.1", "timestamp": "1", "type": "text", "text": ["body": "وين طلبي؟"]]],
                ]]]]],
            ]
            let fromWhatsApp = try await Self.post(app, source: "meta", whatsapp)
            let ticketID = try #require(fromWhatsApp.items.first?.int("ticket_id"))
            let ticket = try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: admin).object
            #expect((ticket["customer"] as? [String: Any])?.string("name") == "ريم")
            #expect(try await app.send(.GET, "/api/v1/tickets", token: admin).items.count == 2)
        }
    }

    @Test("an agent's reply goes back to the source's reply endpoint, signed, through the outbox, retried after a 503")
    func repliesGoBack() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let sink = try await PeerProcess(script: "http_sink.py", arguments: ["503"])
            defer { sink.stop() }
            let refused = try await app.send(
                .POST, "/api/v1/channels/sources", token: admin,
                json: ["kind": "social", "name": "waha-complaints", "secret": Self.secret, "reply_url": "ftp://x"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.object.string("field") == "reply_url")
            let arabicToken = try await app.send(
                .POST, "/api/v1/channels/sources", token: admin,
                json: [
                    "kind": "social", "name": "waha-complaints", "secret": Self.secret, "reply_url": "https://x.example/r",
                    "reply_token": "رمز",
                ])
            #expect(arabicToken.object.string("field") == "reply_token", "a header carries ASCII only")
            let created = try await app.send(
                .POST, "/api/v1/channels/sources", token: admin,
                json: [
                    "kind": "social", "name": "waha-complaints", "secret": Self.secret,
                    "reply_url": "http://127.0.0.1:\(sink.port)/replies", "reply_token": "EAAG-reply-token-123",
                ])
            #expect(created.status == .created, "\(created.text)")
            #expect(created.object.string("reply_url") == "http://127.0.0.1:\(sink.port)/replies")
            #expect(created.object["has_reply_token"] as? Bool == true)
            #expect(created.object["reply_token"] == nil)

            let opened = try await Self.post(
                app, source: "waha-complaints",
                ["id": "c-77", "author": ["handle": "@Mona", "name": "منى"], "text": "لم يصلني المبلغ المسترد"])
            let ticketID = try #require(opened.items.first?.int("ticket_id"))
            // This source can be answered: no note asking to move the customer elsewhere.
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items
            #expect(messages.map { $0.string("author") } == ["customer"])

            let reply = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: admin, json: ["body": "أعدنا المبلغ اليوم يا منى."])
            #expect(reply.status == .created)
            _ = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: admin, json: ["body": "داخلي", "internal": true])
            var outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.count == 1)
            #expect(outbox.first?.string("recipient") == "waha-complaints:@mona")

            // The first call meets a 503: kept, retried later.
            #expect(await OutboxDelivery.deliverDue(app.app, relay: nil, hostname: "raaya.test") == 1)
            outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.first?.string("status") == "pending")
            #expect(outbox.first?.string("last_error") == "HTTP 503")
            #expect(await OutboxDelivery.deliverDue(app.app, relay: nil, hostname: "raaya.test") == 0)
            app.clock.advance(by: 31)
            #expect(await OutboxDelivery.deliverDue(app.app, relay: nil, hostname: "raaya.test") == 1)
            outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.first?.string("status") == "sent")

            let calls = sink.numbered("json").compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            #expect(calls.count == 2)
            let call = try #require(calls.last)
            #expect(call.string("path") == "/replies")
            let headers = try #require(call["headers"] as? [String: String])
            #expect(headers["authorization"] == "Bearer EAAG-reply-token-123")
            let body = try #require(call.string("body"))
            let mac = HMAC<SHA256>.authenticationCode(for: Array(body.utf8), using: SymmetricKey(data: Array(Self.secret.utf8)))
            #expect(headers["x-hub-signature-256"] == "sha256=" + Hex.encode(mac))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(json.string("text") == "أعدنا المبلغ اليوم يا منى.")
            #expect(json.string("in_reply_to") == "c-77")
            #expect((json["recipient"] as? [String: Any])?.string("handle") == "@mona")
            #expect(json.int("ticket_id") == ticketID)
        }
    }

    @Test("replies to Messenger and WhatsApp use Meta's send formats")
    func metaReplyFormats() throws {
        let messenger = try SocialOutbox.payload(
            format: .messenger, source: "meta", ticketID: 4, handle: "psid-1", inReplyTo: "m_1", text: "أهلاً")
        #expect(String(decoding: messenger, as: UTF8.self)
            == #"{"message":{"text":"أهلاً"},"messaging_type":"RESPONSE","recipient":{"id":"psid-1"}}"#)
        let whatsapp = try SocialOutbox.payload(
            format: .whatsapp, source: "meta", ticketID: 4, handle: "966501234567", inReplyTo: nil, text: "تم الشحن")
        #expect(String(decoding: whatsapp, as: UTF8.self)
            == #"{"messaging_product":"whatsapp","text":{"body":"تم الشحن"},"to":"966501234567","type":"text"}"#)
    }
}
