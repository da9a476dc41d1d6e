import Foundation
import Testing
import Vapor

@testable import RaayaServer

@Suite("Sentiment through the API: تحليل المشاعر")
struct SentimentTests {
    @Test("staff get a label, score and language for Arabic, Arabizi and English; bad input names the field")
    func analyze() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            func analyze(_ text: String) async throws -> [String: Any] {
                let response = try await app.send(.POST, "/api/v1/sentiment", token: token, json: ["text": text])
                #expect(response.status == .ok, "\(response.text)")
                return response.object
            }
            let angry = try await analyze("الخدمة زفت وطلبي متأخر أسبوعين")
            #expect(angry.string("label") == "negative" && angry.string("language") == "ar")
            #expect((angry["score"] as? Double ?? 0) < 0)
            let arabizi = try await analyze("el service wa7esh")
            #expect(arabizi.string("label") == "negative" && arabizi.string("language") == "ar")
            let happy = try await analyze("شكرا جزيلا، الخدمة ممتازة")
            #expect(happy.string("label") == "positive" && (happy["score"] as? Double ?? 0) > 0)
            let question = try await analyze("When will my order arrive?")
            #expect(question.string("label") == "neutral" && question.string("language") == "en")

            let empty = try await app.send(.POST, "/api/v1/sentiment", token: token, json: ["text": "  "])
            #expect(empty.status == .unprocessableEntity && empty.isProblem && empty.text.contains("text"))
            #expect(try await app.send(.POST, "/api/v1/sentiment", token: nil, json: ["text": "ممتاز"]).status == .unauthorized)
        }
    }

    @Test("every customer message is stored with its sentiment; the ticket page shows it and the trend")
    func storedOnMessages() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let angry = try #require(try await app.createTicket(token: token, subject: "تأخير", body: "الخدمة زفت، طلبي متأخر أسبوعين").int("id"))
            let reply = try await app.send(
                .POST, "/api/v1/tickets/\(angry)/messages", token: token, json: ["body": "نعتذر، سنتابع طلبك الآن", "internal": false])
            #expect(reply.status == .created || reply.status == .ok, "\(reply.text)")
            let messages = try await app.send(.GET, "/api/v1/tickets/\(angry)/messages", token: token).items
            let customer = try #require(messages.first { $0.string("author") == "customer" })
            let sentiment = try #require(customer["sentiment"] as? [String: Any])
            #expect(sentiment.string("label") == "negative" && (sentiment["score"] as? Double ?? 0) < 0)
            #expect(messages.first { $0.string("author") == "agent" }?["sentiment"] == nil, "an agent's reply is not scored")

            let happy = try #require(try await app.createTicket(token: token, subject: "شكر", body: "شكرا جزيلا، الخدمة ممتازة 👍").int("id"))
            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            let page = try await browser.get("/agent/tickets/\(angry)")
            #expect(page.text.contains("<span class=\"badge negative\"") && page.text.contains("سلبي"))
            #expect(page.text.contains("class=\"trend\"") && page.text.contains("🙁"))
            let english = Browser(app, language: "en")
            try await english.signIn()
            #expect(try await english.get("/agent/tickets/\(happy)").text.contains(">Positive</span>"))

            // The inbox and the API filter on the sentiment of the customer's latest message.
            func ids(_ query: String) async throws -> [Int] {
                try await app.send(.GET, "/api/v1/tickets?\(query)", token: token).items.compactMap { $0.int("id") }
            }
            #expect(try await ids("sentiment=negative") == [angry])
            #expect(try await ids("sentiment=positive") == [happy])
            let bad = try await app.send(.GET, "/api/v1/tickets?sentiment=furious", token: token)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("sentiment"))
            let inbox = try await browser.get("/agent?view=unassigned&sentiment=negative")
            #expect(inbox.text.contains("/agent/tickets/\(angry)") && !inbox.text.contains("/agent/tickets/\(happy)\""))
            #expect(inbox.text.contains("<option value=\"negative\" selected>سلبي</option>"))
        }
    }

    @Test("the admin's rule raises a strongly negative new request to high priority; off by default")
    func escalationRule() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            let agent = try await app.token("sara@example.com", password: "secret-password")
            let angry = "أسوأ خدمة، طلبي متأخر أسبوعين ولا أحد يرد، حسبي الله"
            let before = try await app.createTicket(token: admin, subject: "تأخير", body: angry)
            #expect(before.string("priority") == "normal", "the rule is off until an admin switches it on")
            #expect(try await app.send(.GET, "/api/v1/settings/escalation", token: agent).object["raise_priority_on_negative"] as? Bool == false)
            #expect(try await app.send(.PUT, "/api/v1/settings/escalation", token: agent, json: ["raise_priority_on_negative": true]).status == .forbidden)

            // Switched on from the admin page.
            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            let page = try await browser.get("/admin/rules")
            #expect(page.text.contains("القواعد التلقائية"))
            let csrf = try #require(Browser.field("_csrf", in: page))
            let saved = try await browser.post("/admin/rules", ["raise_priority_on_negative": "on", "_csrf": csrf])
            #expect(saved.headers.first(name: .location) == "/admin/rules?done=saved")
            #expect(try await app.send(.GET, "/api/v1/settings/escalation", token: agent).object["raise_priority_on_negative"] as? Bool == true)

            let raised = try await app.createTicket(token: admin, subject: "تأخير", body: angry)
            #expect(raised.string("priority") == "high")
            let calm = try await app.createTicket(token: admin, subject: "سؤال", body: "متى يصل طلبي؟ When will my order arrive?")
            #expect(calm.string("priority") == "normal")
            let id = try #require(raised.int("id"))
            let created = try await app.send(.GET, "/api/v1/tickets/\(id)/events", token: admin).items.first { $0.string("kind") == "created" }
            #expect((created?["data"] as? [String: Any])?.string("raised_by") == "sentiment")
        }
    }
}
