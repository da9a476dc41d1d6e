import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Live chat: visitors and agents over websockets, availability, and chats continued by email")
struct ChatTests {
    @Test("a visitor's chat reaches an online agent live; the agent's reply and typing reach the visitor; a reload keeps it")
    func liveConversation() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let port = try await app.serve()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            let agentToken = try await app.token("sara@example.com", password: "secret-password")

            let agent = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: agentToken)
            let hello = try await agent.next("hello")
            #expect(hello["wait_alert_seconds"] as? Int == 60)
            #expect((hello["waiting"] as? [Any])?.isEmpty == true)

            let visitor = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await visitor.send(["type": "hello", "token": NSNull(), "language": "ar"])
            let welcome = try await visitor.next("welcome")
            #expect(welcome["available"] as? Bool == true, "an agent is online: \(welcome)")
            let token = try #require(welcome["token"] as? String)
            #expect((welcome["messages"] as? [Any])?.isEmpty == true)

            try await visitor.send(["type": "message", "client_id": "c1", "text": "مرحباً، طلبي لم يصل بعد", "name": "ليلى"])
            let ack = try await visitor.next("ack")
            #expect(ack["client_id"] as? String == "c1")
            let ticketID = try #require(ack["ticket_id"] as? Int)

            // The visitor's own message comes back too (for the visitor's other tabs), with the acknowledged id.
            let echo = try await visitor.next("message")
            #expect(echo["id"] as? Int == ack["id"] as? Int && echo["from"] as? String == "visitor")

            let opened = try await agent.next("chat_opened")
            #expect(opened["ticket_id"] as? Int == ticketID)
            let incoming = try await agent.next("message")
            #expect(incoming["text"] as? String == "مرحباً، طلبي لم يصل بعد")
            #expect(incoming["from"] as? String == "visitor")

            let ticket = try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: admin)
            #expect(ticket.object["channel"] as? String == "chat")
            #expect((ticket.object["customer"] as? [String: Any])?["name"] as? String == "ليلى")

            // The chat waits for an answer, and is highlighted once it waited past the alert time.
            var waiting = try await app.send(.GET, "/api/v1/chats", token: agentToken).items
            #expect(waiting.map { $0["ticket_id"] as? Int } == [ticketID])
            #expect(waiting.first?["overdue"] as? Bool == false)
            app.clock.advance(by: 61)
            waiting = try await app.send(.GET, "/api/v1/chats", token: agentToken).items
            #expect(waiting.first?["overdue"] as? Bool == true)

            try await visitor.send(["type": "typing", "active": true])
            let visitorTyping = try await agent.next("typing")
            #expect(visitorTyping["ticket_id"] as? Int == ticketID && visitorTyping["active"] as? Bool == true)

            try await agent.send(["type": "typing", "ticket_id": ticketID, "active": true])
            let agentTyping = try await visitor.next("typing")
            #expect(agentTyping["name"] as? String == "سارة")

            let reply = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: agentToken,
                json: ["body": "أهلاً ليلى، سأتابع طلبك الآن. Checking now."])
            #expect(reply.status == .created, "\(reply.text)")
            let answer = try await visitor.next("message")
            #expect(answer["from"] as? String == "agent")
            #expect(answer["name"] as? String == "سارة")
            #expect(answer["text"] as? String == "أهلاً ليلى، سأتابع طلبك الآن. Checking now.")
            // An internal note never reaches the visitor.
            _ = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: agentToken, json: ["body": "ملاحظة داخلية", "internal": true])
            #expect(try await visitor.receives("message") == false)
            #expect(try await app.send(.GET, "/api/v1/chats", token: agentToken).items.isEmpty)
            await visitor.close()

            // A reload: the same token brings back the conversation, and the next message joins the same ticket.
            let again = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await again.send(["type": "hello", "token": token, "language": "ar"])
            let resumed = try await again.next("welcome")
            #expect(resumed["token"] as? String == token)
            #expect(resumed["ticket_id"] as? Int == ticketID)
            let texts = (resumed["messages"] as? [[String: Any]] ?? []).map { $0["text"] as? String }
            #expect(texts == ["مرحباً، طلبي لم يصل بعد", "أهلاً ليلى، سأتابع طلبك الآن. Checking now."])
            try await again.send(["type": "message", "client_id": "c2", "text": "شكراً"])
            #expect(try await again.next("ack")["ticket_id"] as? Int == ticketID)
            await again.close()
            await agent.close()
        }
    }

    @Test("a forged or foreign token gets a new visitor, never another visitor's conversation")
    func forgedToken() async throws {
        try await TestApp.run { app in
            let port = try await app.serve()
            let agentToken = try await app.token()
            let agent = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: agentToken)
            _ = try await agent.next("hello")
            let first = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await first.send(["type": "hello", "language": "en"])
            let token = try #require(try await first.next("welcome")["token"] as? String)
            try await first.send(["type": "message", "client_id": "a", "text": "رقم حسابي ١٢٣٤ — my account"])
            _ = try await first.next("ack")

            let parts = token.split(separator: ".")
            let forged = "v1.\(parts[1]).\(String(repeating: "0", count: 64))"
            let other = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await other.send(["type": "hello", "token": forged, "language": "ar"])
            let welcome = try await other.next("welcome")
            #expect(welcome["token"] as? String != token)
            #expect((welcome["messages"] as? [Any])?.isEmpty == true)
            #expect(welcome["ticket_id"] is NSNull)
            await first.close()
            await other.close()
            await agent.close()
        }
    }

    @Test("with no agent online the visitor leaves an email; the acknowledgement and the agent's reply go by mail")
    func offlineContinuesByEmail() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let port = try await app.serve()
            let mailbox = try await app.send(
                .POST, "/api/v1/mailboxes", token: admin, json: ["address": "help@waha.example", "name": "متجر الواحة"])
            #expect(mailbox.status == .created)

            let visitor = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await visitor.send(["type": "hello", "language": "ar"])
            let welcome = try await visitor.next("welcome")
            #expect(welcome["available"] as? Bool == false)
            #expect(welcome["reason"] as? String == "no_agents")

            try await visitor.send(["type": "message", "client_id": "c1", "text": "أريد استرجاع المبلغ"])
            let refusal = try await visitor.next("error")
            #expect(refusal["field"] as? String == "email")
            #expect(refusal["client_id"] as? String == "c1")
            #expect(try await app.send(.GET, "/api/v1/tickets", token: admin).items.isEmpty, "a refused message stores nothing")

            try await visitor.send(["type": "message", "client_id": "c1", "text": "بريدي غير صالح", "email": "not-an-address"])
            #expect(try await visitor.next("error")["field"] as? String == "email")

            try await visitor.send([
                "type": "message", "client_id": "c2", "text": "أريد استرجاع المبلغ", "email": "Huda@Example.com", "name": "هدى",
            ])
            let ticketID = try #require(try await visitor.next("ack")["ticket_id"] as? Int)
            var outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.map { $0["kind"] as? String } == ["acknowledgement"])
            #expect(outbox.first?["recipient"] as? String == "huda@example.com")

            let reply = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: admin, json: ["body": "تم استرجاع المبلغ يا هدى."])
            #expect(reply.status == .created)
            outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(Set(outbox.compactMap { $0["kind"] as? String }) == ["acknowledgement", "reply"])
            #expect(outbox.allSatisfy { $0["ticket_id"] as? Int == ticketID })
            // Left for an answer by email, the chat does not wait for a live agent.
            #expect(try await app.send(.GET, "/api/v1/chats", token: admin).items.isEmpty)
            await visitor.close()
        }
    }

    @Test("outside the business calendar's hours chat is closed and says when it opens; switched off, it is disabled")
    func businessHours() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let port = try await app.serve()
            let bad = try await app.send(
                .POST, "/api/v1/calendars", token: admin,
                json: [
                    "name": "الرياض", "time_zone": "Asia/Riyadh",
                    "hours": ["sun": [["start": "09:00", "end": "08:00"]], "fri!": []],
                ])
            #expect(bad.status == .unprocessableEntity)
            let fields = Set((bad.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["hours.sun[0].end", "hours.fri!"], "\(bad.text)")
            #expect(try await app.send(.GET, "/api/v1/calendars", token: admin).items.isEmpty)

            let created = try await app.send(
                .POST, "/api/v1/calendars", token: admin,
                json: [
                    "name": "الرياض — Riyadh office", "time_zone": "Asia/Riyadh",
                    "hours": ["sun": [["start": "09:00", "end": "17:00"]], "mon": [["start": "٠٩:٠٠", "end": "١٧:٠٠"]]],
                    "holidays": ["2026-12-02"],
                ])
            #expect(created.status == .created, "\(created.text)")
            let calendarID = try #require(created.object["id"] as? Int)
            #expect(created.object["hours"] as? [String: Any] != nil)
            let settings = try await app.send(.PUT, "/api/v1/channels/chat", token: admin, json: ["calendar_id": calendarID])
            #expect(settings.status == .ok, "\(settings.text)")
            #expect(settings.object["calendar_id"] as? Int == calendarID)

            // Friday 2026-11-20, 12:00 in Riyadh: closed until Sunday 09:00 (06:00 UTC), agents or not.
            app.clock.set(try #require(ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")))
            var agent = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: admin)
            _ = try await agent.next("hello")
            let visitor = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await visitor.send(["type": "hello", "language": "en"])
            let welcome = try await visitor.next("welcome")
            #expect(welcome["reason"] as? String == "closed")
            #expect(welcome["next_open"] as? String == "2026-11-22T06:00:00.000Z")

            // Sunday 10:00 in Riyadh with an agent online: open.
            app.clock.set(try #require(ISO8601DateFormatter().date(from: "2026-11-22T07:00:00Z")))
            // (The agent's connection was last seen on Friday by this clock: it connects again.)
            await agent.close()
            agent = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: admin)
            _ = try await agent.next("hello")
            let open = try await app.send(.GET, "/api/v1/channels/chat", token: admin)
            #expect(open.object["available"] as? Bool == true, "\(open.text)")
            #expect(open.object["agents_online"] as? Int == 1)

            let off = try await app.send(.PUT, "/api/v1/channels/chat", token: admin, json: ["enabled": false])
            #expect(off.object["reason"] as? String == "disabled")
            try await visitor.send(["type": "message", "client_id": "x", "text": "هل أنتم هنا؟", "email": "a@example.com"])
            #expect(try await visitor.next("error")["detail"] as? String != nil)
            #expect(try await app.send(.GET, "/api/v1/tickets", token: admin).items.isEmpty)

            let agentToken = try await {
                try await app.createUser(email: "omar@example.com", name: "عمر", role: .agent)
                return try await app.token("omar@example.com", password: "secret-password")
            }()
            #expect(try await app.send(.PUT, "/api/v1/channels/chat", token: agentToken, json: ["enabled": true]).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/calendars", token: agentToken, json: ["name": "x"]).status == .forbidden)
            await visitor.close()
            await agent.close()
        }
    }

    @Test("an agent hears only of chats in groups they may see")
    func agentsSeeTheirGroupsChats() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let port = try await app.serve()
            let billing = try await app.createGroup(token: admin, name: "الفوترة Billing")
            let other = try await app.createGroup(token: admin, name: "الشحن Shipping")
            _ = try await app.createUser(email: "in@example.com", name: "داخل", role: .agent, groups: [billing])
            _ = try await app.createUser(email: "out@example.com", name: "خارج", role: .agent, groups: [other])
            let settings = try await app.send(.PUT, "/api/v1/channels/chat", token: admin, json: ["group_id": billing])
            #expect(settings.object["group_id"] as? Int == billing)

            let inside = try await TestSocket.connect(
                port: port, path: "/api/v1/chat/agents/ws", token: try await app.token("in@example.com", password: "secret-password"))
            _ = try await inside.next("hello")
            let outsideToken = try await app.token("out@example.com", password: "secret-password")
            let outside = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: outsideToken)
            _ = try await outside.next("hello")

            let visitor = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await visitor.send(["type": "hello", "language": "ar"])
            _ = try await visitor.next("welcome")
            try await visitor.send(["type": "message", "client_id": "c", "text": "فاتورتي خاطئة"])
            let ticketID = try #require(try await visitor.next("ack")["ticket_id"] as? Int)
            #expect(try await inside.next("chat_opened")["ticket_id"] as? Int == ticketID)
            #expect(try await outside.receives("chat_opened") == false)
            #expect(try await app.send(.GET, "/api/v1/chats", token: outsideToken).items.isEmpty)
            try await outside.send(["type": "typing", "ticket_id": ticketID, "active": true])
            #expect(try await outside.next("error")["field"] as? String == "ticket_id")
            await visitor.close()
            await inside.close()
            await outside.close()
        }
    }
}
