import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Chat answer bot: answers from the knowledge base, hands off to a person, records what it did")
struct ChatBotTests {
    /// A published article about tracking orders, and an agent online (so chat is available).
    func prepare(_ app: TestApp) async throws -> (admin: String, article: Int, port: Int, agent: TestSocket) {
        let admin = try await app.token()
        let article = try #require(try await app.send(
            .POST, "/api/v1/kb/articles", token: admin,
            json: [
                "state": "published", "tags": ["تتبع", "tracking"],
                "translations": [
                    "ar": ["title": "تتبع الطلب", "body": "تتبّع طلبك من صفحة **طلباتي** في التطبيق.\n\n1. افتح طلباتي"],
                    "en": ["title": "Track your order", "body": "Track your order from **My orders** in the app."],
                ],
            ]).object.int("id"))
        let port = try await app.serve()
        let agent = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: admin)
        _ = try await agent.next("hello")
        return (admin, article, port, agent)
    }

    func visitor(_ port: Int, says text: String) async throws -> (TestSocket, Int) {
        let visitor = try await TestSocket.connect(port: port, path: "/chat/ws")
        try await visitor.send(["type": "hello", "language": "ar"])
        _ = try await visitor.next("welcome")
        try await visitor.send(["type": "message", "client_id": "q", "text": text, "name": "ليلى"])
        let ticket = try #require(try await visitor.next("ack")["ticket_id"] as? Int)
        _ = try await visitor.next("message")  // the visitor's own message, echoed
        return (visitor, ticket)
    }

    func kinds(_ app: TestApp, _ ticket: Int, _ token: String) async throws -> [String] {
        try await app.send(.GET, "/api/v1/tickets/\(ticket)/events", token: token).items.compactMap { $0.string("kind") }
    }

    @Test("a question gets the article's answer and a yes closes the chat as self-service, never waiting for an agent")
    func answeredAndSolved() async throws {
        try await TestApp.run { app in
            let (admin, article, port, agent) = try await prepare(app)
            let (visitor, ticket) = try await visitor(port, says: "السلام عليكم، وين طلبي؟ ابي اتتبعه")
            let answer = try await visitor.next("message")
            #expect(answer["from"] as? String == "bot")
            let text = try #require(answer["text"] as? String)
            #expect(text.contains("تتبّع طلبك من صفحة طلباتي") && text.contains("/help/kb/\(article)") && text.contains("نعم"))
            #expect(try await app.send(.GET, "/api/v1/chats", token: admin).items.isEmpty, "the bot is handling it")

            try await visitor.send(["type": "message", "client_id": "y", "text": "ايوه شكراً", "name": "ليلى"])
            _ = try await visitor.next("ack")
            _ = try await visitor.next("message")
            #expect(try await visitor.next("message")["from"] as? String == "bot")
            let ticketNow = try await app.send(.GET, "/api/v1/tickets/\(ticket)", token: admin).object
            #expect(ticketNow.string("status") == "solved" && ticketNow["first_response_at"] is NSNull, "the bot is not a first response")
            let events = try await kinds(app, ticket, admin)
            #expect(events.contains("bot_answered") && events.contains("bot_solved") && !events.contains("bot_handed_off"))
            await visitor.close()
            await agent.close()
        }
    }

    @Test("a no, a request for a person, or an unanswerable question hands off at once; the agent sees the whole chat")
    func handOff() async throws {
        try await TestApp.run { app in
            let (admin, _, port, agent) = try await prepare(app)
            let (first, firstTicket) = try await visitor(port, says: "وين طلبي؟")
            _ = try await first.next("message")
            try await first.send(["type": "message", "client_id": "n", "text": "لا، ما حلها", "name": "ليلى"])
            _ = try await first.next("ack")
            _ = try await first.next("message")
            let handOff = try await first.next("message")
            #expect(handOff["from"] as? String == "bot" && (handOff["text"] as? String)?.contains("موظفينا") == true)
            #expect(try await app.send(.GET, "/api/v1/chats", token: admin).items.map { $0.int("ticket_id") } == [firstTicket])
            let transcript = try await app.send(.GET, "/api/v1/tickets/\(firstTicket)/messages", token: admin).items.map { $0.string("author") }
            #expect(transcript == ["customer", "bot", "customer", "bot"])
            let data = try await app.send(.GET, "/api/v1/tickets/\(firstTicket)/events", token: admin).items
                .first { $0.string("kind") == "bot_handed_off" }?["data"] as? [String: Any]
            #expect(data?.string("reason") == "not_solved")

            // After the hand-off the bot stays quiet.
            try await first.send(["type": "message", "client_id": "m", "text": "وين طلبي؟", "name": "ليلى"])
            _ = try await first.next("ack")
            _ = try await first.next("message")
            #expect(try await first.receives("message", within: .seconds(1)) == false)

            let (second, secondTicket) = try await visitor(port, says: "ابغى اكلم موظف لو سمحت")
            #expect(try await second.next("message")["from"] as? String == "bot")
            let (third, thirdTicket) = try await visitor(port, says: "هل عندكم وظائف شاغرة في جدة؟")
            #expect(try await third.next("message")["from"] as? String == "bot")
            for (ticket, reason) in [(secondTicket, "asked"), (thirdTicket, "low_confidence")] {
                let event = try await app.send(.GET, "/api/v1/tickets/\(ticket)/events", token: admin).items
                    .first { $0.string("kind") == "bot_handed_off" }
                #expect((event?["data"] as? [String: Any])?.string("reason") == reason)
            }
            for socket in [first, second, third, agent] { await socket.close() }
        }
    }
}
