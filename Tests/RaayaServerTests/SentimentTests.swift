import Foundation
import RaayaCore
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

    @Test("the satisfaction report counts new tickets by their customer's sentiment at opening and now, per day and filtered; the dashboard charts them")
    func ticketsInReports() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let sunday = ReportTests.sunday
            app.clock.set(sunday.addingTimeInterval(3_600))
            let angry = try #require(try await app.createTicket(token: token, subject: "تأخير", body: "الخدمة زفت، طلبي متأخر أسبوعين").int("id"))
            // The second thanks has the latest message's label again: the ticket's sentiment stays as it is.
            for (author, body) in [
                ("agent", "نعتذر، سنتابع طلبك الآن"), ("customer", "شكرا جزيلا، وصل الطلب والخدمة ممتازة 👍"),
                ("customer", "Thanks again, great service!"),
            ] {
                let message = try await app.send(.POST, "/api/v1/tickets/\(angry)/messages", token: token, json: ["body": body, "author": author])
                #expect(message.status == .created, "\(message.text)")
            }
            app.clock.set(sunday.addingTimeInterval(86_400 + 3_600))
            let happy = try #require(
                try await app.createTicket(token: token, subject: "شكر", body: "شكرا جزيلا، الخدمة ممتازة 👍", channel: "chat", customerEmail: "fahad@example.com", tags: ["شكر"])
                    .int("id"))
            let question = try #require(
                try await app.createTicket(token: token, subject: "Order", body: "When will my order arrive? متى يصل طلبي؟", customerEmail: "reem@example.com")
                    .int("id"))
            // A ticket of the next week is outside the range.
            app.clock.set(sunday.addingTimeInterval(8 * 86_400))
            _ = try await app.createTicket(token: token, subject: "سيئ", body: "أسوأ خدمة", customerEmail: "omar@example.com")

            // The labels the customer's messages were given, as the ticket shows them: the report must count the same.
            func labels(_ ticket: Int) async throws -> [String] {
                try await app.send(.GET, "/api/v1/tickets/\(ticket)/messages", token: token).items
                    .filter { $0.string("author") == "customer" }.compactMap { ($0["sentiment"] as? [String: Any])?.string("label") }
            }
            let angryLabels = try await labels(angry)
            let happyLabel = try #require(try await labels(happy).first)
            let questionLabel = try #require(try await labels(question).first)
            #expect(angryLabels == ["negative", "positive", "positive"] && happyLabel == "positive")
            func counts(_ labels: [String]) -> [String: Int] {
                ["negative": 0, "neutral": 0, "positive": 0].merging(labels.map { ($0, 1) }, uniquingKeysWith: +)
            }
            func sentiment(_ figures: Any?) -> [String: [String: Int]]? {
                (figures as? [String: Any])?["customer_sentiment"] as? [String: [String: Int]]
            }
            let report = try await app.send(.GET, "/api/v1/satisfaction?\(ReportTests.week)", token: token).object
            #expect(sentiment(report["total"]) == ["opening": counts(["negative", happyLabel, questionLabel]), "latest": counts(["positive", happyLabel, questionLabel])])
            let days = try #require(report["periods"] as? [[String: Any]]).map { sentiment($0["figures"]) }
            #expect(days.count == 7)
            #expect(days.first == ["opening": counts(["negative"]), "latest": counts(["positive"])], "the agent's reply is not counted")
            #expect(days.dropFirst().first == ["opening": counts([happyLabel, questionLabel]), "latest": counts([happyLabel, questionLabel])])
            #expect(days.dropFirst(2).allSatisfy { $0 == ["opening": counts([]), "latest": counts([])] })
            let chats = try await app.send(.GET, "/api/v1/reports/satisfaction?\(ReportTests.week)&channel=chat", token: token).object
            #expect(sentiment(chats["total"]) == ["opening": counts([happyLabel]), "latest": counts([happyLabel])])
            let thanks = "شكر".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let tagged = try await app.send(.GET, "/api/v1/satisfaction?\(ReportTests.week)&tag=\(thanks)", token: token).object
            #expect(sentiment(tagged["total"]) == ["opening": counts([happyLabel]), "latest": counts([happyLabel])])
            #expect((tagged["periods"] as? [[String: Any]])?.map { sentiment($0["figures"])?["opening"]?.values.reduce(0, +) } == [0, 1, 0, 0, 0, 0, 0])
            let csv = try await app.send(.GET, "/api/v1/reports/satisfaction?\(ReportTests.week)&format=csv", token: token).text
            #expect(csv.hasPrefix("start,end,") && csv.contains(",tickets_opening_negative,tickets_opening_neutral,tickets_opening_positive,tickets_latest_negative,"))
            #expect(csv.contains(",1,0,0,0,0,1\r\n") || csv.contains(",1,0,0,0,0,1\n"), "Sunday: opened negative, positive now")

            // What the writes kept equals what the messages give, and what the migration computes for older rows.
            let sql = try app.app.db.sqlDatabase()
            func stored() async throws -> [Int: TicketSentiment] {
                try await sql.raw("SELECT ticket_id, opening_sentiment, latest_sentiment FROM ticket_facts").all().reduce(into: [:]) { all, row in
                    all[try row.decode(column: "ticket_id", as: Int.self)] = TicketSentiment(
                        opening: try row.decodeOptional(column: "opening_sentiment", as: String.self).flatMap(SentimentLabel.init(rawValue:)),
                        latest: try row.decodeOptional(column: "latest_sentiment", as: String.self).flatMap(SentimentLabel.init(rawValue:)))
                }
            }
            let ids = try await sql.raw("SELECT id FROM tickets").all(decodingColumn: "id", as: Int.self)
            let rebuilt = Dictionary(
                uniqueKeysWithValues: try await TicketHistory.rebuilt(ofIDs: ids, on: sql).map { ($0.facts.id, $0.sentiment) })
            #expect(rebuilt.count == 4 && rebuilt[angry] == TicketSentiment(opening: .negative, latest: .positive))
            #expect(try await stored() == rebuilt)
            // On one connection: SQLite's other pooled connections may still read the schema from before the revert.
            try await app.app.db.transaction { database in
                try await UpdateTicketFactsSentiment().revert(on: database)
                try await UpdateTicketFactsSentiment().prepare(on: database)
            }
            #expect(try await stored() == rebuilt)

            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            let dashboard = try await browser.get("/agent/reports?from=2026-11-01&to=2026-11-07&period=day&time_zone=UTC")
            #expect(dashboard.text.contains("id=\"customer-sentiment\"><h2>مشاعر العملاء في التذاكر الجديدة</h2>"))
            #expect(dashboard.text.contains("عند فتح التذكرة: 🙁 سلبي: 1") && dashboard.text.contains("الآن: 🙁 سلبي: 0"))
            // Negative is drawn red (`.series-4`) and positive green (`.series-0`), whatever their order.
            let chart = try #require(dashboard.text.components(separatedBy: "id=\"customer-sentiment\"").last?.components(separatedBy: "</section>").first)
            #expect(chart.contains("<rect class=\"series-4\" x=") && chart.contains("<rect class=\"series-0\" x="))
            #expect(!chart.contains("<rect class=\"series-1\""), "blue is no sentiment's colour")
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
