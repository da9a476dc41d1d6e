import Foundation
import RaayaCore
import RaayaMail
import SQLKit
import Testing
import Vapor
@testable import RaayaServer

@Suite("Surveys: CSAT after a solve by mail and chat, one-click answers, close the loop, NPS campaigns, CES, satisfaction")
struct SurveyTests {
    /// The survey mails in the outbox, oldest first, as the customer reads them.
    static func surveyMails(_ app: TestApp) async throws -> [(to: String, text: String)] {
        try await app.app.db.sqlDatabase().raw("SELECT recipient, payload FROM outbox WHERE kind = 'survey' ORDER BY id").all().map {
            (
                try $0.decode(column: "recipient", as: String.self),
                MailMessage.parse(Array(try $0.decode(column: "payload", as: Data.self))).preferredText
            )
        }
    }

    /// The link of `score` in a survey mail, as a path.
    static func link(_ score: Int, in text: String) throws -> String {
        let line = try #require(text.split(separator: "\n").first { $0.contains("?score=\(score)") })
        let start = try #require(line.range(of: "/help/survey/"))
        return String(line[start.lowerBound...].prefix { !$0.isWhitespace })
    }

    static func createSurvey(_ app: TestApp, token: String, _ json: [String: Any]) async throws -> Int {
        let created = try await app.send(.POST, "/api/v1/surveys", token: token, json: json)
        #expect(created.status == .created, "\(created.text)")
        return try #require(created.object.int("id"))
    }

    @Test("a solved email ticket gets a CSAT mail after the delay; one click answers, a comment follows, a low score opens a task")
    func csatByEmail() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            let group = try await app.createGroup(token: token, name: "الدعم")
            let agent = try await app.createUser(email: "omar@example.com", name: "عمر", role: .agent, groups: [group])
            let agentToken = try await app.token("omar@example.com", password: "secret-password")
            let survey = try await Self.createSurvey(
                app, token: token, ["kind": "csat", "delay_minutes": 30, "questions": ["ar": "ما مدى رضاك عن خدمتنا اليوم؟"]])
            // An agent may not manage surveys or read the numbers.
            #expect(try await app.send(.GET, "/api/v1/surveys", token: agentToken).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/satisfaction", token: agentToken).status == .forbidden)

            let ticket = try #require(
                try await app.createTicket(
                    token: token, subject: "الشحنة متأخرة", body: "متى تصل شحنتي؟", customerEmail: "noura@example.com",
                    groupID: group, assigneeID: agent
                ).int("id"))
            _ = try await app.send(.POST, "/api/v1/tickets/\(ticket)/messages", token: agentToken, json: ["body": "تصل غداً إن شاء الله"])
            #expect(try await app.send(.PATCH, "/api/v1/tickets/\(ticket)", token: agentToken, json: ["status": "solved"]).status == .ok)

            // Not before the delay.
            await SurveyDispatch.runDue(app.app)
            #expect(try await Self.surveyMails(app).isEmpty)
            app.clock.advance(by: 31 * 60)
            await SurveyDispatch.runDue(app.app)
            let mails = try await Self.surveyMails(app)
            #expect(mails.count == 1 && mails.first?.to == "noura@example.com")
            let text = try #require(mails.first?.text)
            #expect(text.contains("ما مدى رضاك عن خدمتنا اليوم؟") && text.contains("راضٍ جداً"), "\(text)")
            let events = try await app.send(.GET, "/api/v1/tickets/\(ticket)/events", token: token).items
            #expect(events.contains { $0.string("kind") == "survey_sent" })

            // One click records the rating and offers the comment, in the customer's language.
            let customer = Browser(app)
            let clicked = try await customer.get(try Self.link(2, in: text))
            #expect(clicked.status == .ok && clicked.text.contains("سجّلنا تقييمك") && clicked.text.contains("dir=\"rtl\""))
            #expect(clicked.text.contains("value=\"2\" required checked"))
            var responses = try await app.send(.GET, "/api/v1/surveys/\(survey)/responses", token: token).items
            #expect(responses.count == 1 && responses.first?.int("score") == 2 && responses.first?.int("agent_id") == agent)
            // The low answer waits for the ticket's agent.
            let tasks = try await app.send(.GET, "/api/v1/close-loop-tasks", token: agentToken).items
            #expect(tasks.count == 1 && tasks.first?.int("ticket_id") == ticket && tasks.first?.int("score") == 2)
            let inbox = Browser(app)
            try await inbox.signIn("omar@example.com", password: "secret-password")
            #expect(try await inbox.get("/agent").text.contains("href=\"/agent/close-loop\""))
            #expect(try await inbox.get("/agent/close-loop").text.contains("#\(ticket)"))

            // The comment form changes the score and adds the comment; the answer stays one.
            let csrf = try #require(Browser.field("_csrf", in: clicked))
            let path = try Self.link(2, in: text).replacingOccurrences(of: "?score=2", with: "")
            #expect(try await customer.post(path, ["_csrf": csrf, "score": "٧"]).status == .unprocessableEntity)
            let sent = try await customer.post(path, ["_csrf": csrf, "score": "1", "comment": "المندوب كان سيء جدا وما رد علي، تجربة مزعجة"])
            #expect(sent.status == .ok && sent.text.contains("شكراً لك"))
            responses = try await app.send(.GET, "/api/v1/surveys/\(survey)/responses", token: token).items
            #expect(responses.count == 1 && responses.first?.int("score") == 1)
            #expect(responses.first?.string("comment") == "المندوب كان سيء جدا وما رد علي، تجربة مزعجة")
            #expect(responses.first?.string("comment_sentiment") == "negative")
            #expect(try await app.send(.GET, "/api/v1/close-loop-tasks", token: agentToken).items.count == 1, "still one task")

            // A day later the answer is locked; a forged link is refused.
            app.clock.advance(by: 25 * 3600)
            #expect(try await customer.get(try Self.link(5, in: text)).status == .conflict)
            #expect(try await customer.post(path, ["_csrf": csrf, "score": "5"]).status == .conflict)
            #expect(try await app.send(.GET, "/api/v1/surveys/\(survey)/responses", token: token).items.first?.int("score") == 1)
            let forged = path.replacingOccurrences(of: "/v1.", with: "/v1.9")
            #expect(try await customer.get(forged).status == .notFound)

            // The numbers, and the loop closed.
            let satisfaction = try await app.send(.GET, "/api/v1/satisfaction?period=day", token: token).object
            let total = try #require(satisfaction["total"] as? [String: Any])
            #expect((total["csat"] as? [String: Any])?.int("answers") == 1)
            #expect((total["csat"] as? [String: Any])?["percent"] as? Double == 0)
            #expect((total["response_rate"] as? [String: Any])?["rate"] as? Double == 100)
            let themes = try await app.send(.GET, "/api/v1/satisfaction/themes", token: token).object
            #expect(((themes["ar"] as? [[String: Any]]) ?? []).contains { $0.string("text") == "مندوب" }, "\(themes)")
            let taskID = try #require(tasks.first?.int("id"))
            let done = try await app.send(.POST, "/api/v1/close-loop-tasks/\(taskID)/done", token: agentToken)
            #expect(done.status == .ok && done.object.string("status") == "done")
            #expect(try await app.send(.GET, "/api/v1/close-loop-tasks", token: agentToken).items.isEmpty)
        }
    }

    static func solvedTicket(_ app: TestApp, token: String, email: String, channel: String) async throws -> Int {
        let id = try #require(try await app.createTicket(token: token, channel: channel, customerEmail: email).int("id"))
        #expect(try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "solved"]).status == .ok)
        return id
    }

    @Test("no survey after a self-service solve, a merge, a reopen, or within the throttle window; chats get it in the chat")
    func whoIsNotAsked() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            _ = try await Self.createSurvey(app, token: token, ["kind": "csat", "delay_minutes": 0, "throttle_days": 7])
            func solvedTicket(_ email: String, channel: String = "email") async throws -> Int {
                try await Self.solvedTicket(app, token: token, email: email, channel: channel)
            }
            let first = try await solvedTicket("salma@example.com")
            let again = try await solvedTicket("salma@example.com")
            let merged = try await solvedTicket("fahad@example.com")
            let target = try #require(try await app.createTicket(token: token, customerEmail: "fahad@example.com").int("id"))
            #expect(try await app.send(.POST, "/api/v1/tickets/\(merged)/merge", token: token, json: ["into": target]).status == .ok)
            let reopened = try await solvedTicket("reem@example.com")
            _ = try await app.send(
                .POST, "/api/v1/tickets/\(reopened)/messages", token: token, json: ["body": "ما زالت المشكلة قائمة", "author": "customer"])
            let selfService = try #require(try await app.createTicket(token: token, customerEmail: "badr@example.com").int("id"))
            let now = app.clock.now()
            try await app.app.raaya.writer.write { database in
                let tickets = TicketService(database: database, now: now, actor: nil)
                try await tickets.record(.selfServiceSolved, on: selfService, ["article_id": "1"])
                try await tickets.update(selfService, TicketChanges(status: .solved))
            }
            let chat = try await solvedTicket("layla@example.com", channel: "chat")

            await SurveyDispatch.runDue(app.app)
            let outcomes = try await app.app.db.sqlDatabase().raw(
                "SELECT ticket_id, status, reason, via FROM survey_invitations ORDER BY id"
            ).all().reduce(into: [Int: String]()) { result, row in
                let reason = try row.decodeOptional(column: "reason", as: String.self)
                let via = try row.decodeOptional(column: "via", as: String.self)
                result[try row.decode(column: "ticket_id", as: Int.self)] = reason ?? via ?? "?"
            }
            #expect(outcomes[first] == "email")
            #expect(outcomes[again] == "recently_surveyed")
            #expect(outcomes[merged] == "merged")
            #expect(outcomes[reopened] == "not_solved")
            #expect(outcomes[selfService] == "self_service")
            #expect(outcomes[chat] == "chat")
            #expect(try await Self.surveyMails(app).map(\.to) == ["salma@example.com"])
            let last = try await app.send(.GET, "/api/v1/tickets/\(chat)/messages", token: token).items.last
            #expect(last?.string("author") == "bot" && last?.string("body")?.contains("/help/survey/v1.") == true)
            #expect(try await app.send(.GET, "/api/v1/tickets/\(chat)", token: token).object.string("status") == "solved")
        }
    }

    @Test("an NPS campaign reaches one organization's customers; CES worded the other way round counts as 1 = very easy")
    func npsCampaignAndCES() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            for (name, email, organization) in [
                ("منى", "mona@alofoq.example", "شركة الأفق"), ("Daniel", "daniel@alofoq.example", "شركة الأفق"),
                ("ياسر", "yasser@example.com", ""),
            ] {
                let customer = try await app.send(
                    .POST, "/api/v1/customers", token: token, json: ["name": name, "email": email, "organization": organization])
                #expect(customer.status == .created, "\(customer.text)")
                _ = try await app.createTicket(token: token, customerEmail: email)
            }
            let nps = try await Self.createSurvey(app, token: token, ["kind": "nps"])
            // Bad input names the field and writes nothing.
            let before = try await app.send(.GET, "/api/v1/surveys", token: token).items.count
            for (json, field) in [
                (["kind": "nps", "on_solve": true] as [String: Any], "on_solve"), (["kind": "csat", "delay_minutes": -5], "delay_minutes"),
                (["kind": "csat", "direction": "high_is_easy"], "direction"), (["kind": "csat", "questions": ["ar": " "]], "questions.ar"),
                (["questions": ["ar": "سؤال"]], "kind"),
            ] {
                let refused = try await app.send(.POST, "/api/v1/surveys", token: token, json: json)
                #expect(refused.status == .unprocessableEntity && refused.isProblem && refused.text.contains(field), "\(refused.text)")
            }
            #expect(try await app.send(.GET, "/api/v1/surveys", token: token).items.count == before)
            let unknown = try await app.send(.POST, "/api/v1/surveys/\(nps)/campaigns", token: token, json: ["organization": "لا توجد"])
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("organization"))

            let campaign = try await app.send(.POST, "/api/v1/surveys/\(nps)/campaigns", token: token, json: ["organization": "شركة الأفق"])
            #expect(campaign.status == .created && campaign.object.int("invited") == 2, "\(campaign.text)")
            await SurveyDispatch.runDue(app.app)
            let mails = try await Self.surveyMails(app)
            #expect(Set(mails.map(\.to)) == ["mona@alofoq.example", "daniel@alofoq.example"])
            for (mail, score) in zip(mails, [10, 3]) {
                #expect(try await Browser(app).get(try Self.link(score, in: mail.text)).status == .ok)
            }

            let ces = try await Self.createSurvey(
                app, token: token,
                ["kind": "ces", "direction": "high_is_easy", "delay_minutes": 0, "questions": ["en": "How easy was it? 7 = very easy"]])
            let ticket = try #require(try await app.createTicket(token: token, customerEmail: "yasser@example.com").int("id"))
            _ = try await app.send(.PATCH, "/api/v1/tickets/\(ticket)", token: token, json: ["status": "solved"])
            await SurveyDispatch.runDue(app.app)
            let cesMail = try #require(try await Self.surveyMails(app).last)
            #expect(cesMail.to == "yasser@example.com")
            #expect(try await Browser(app).get(try Self.link(7, in: cesMail.text)).status == .ok)

            let total = try #require(try await app.send(.GET, "/api/v1/satisfaction", token: token).object["total"] as? [String: Any])
            let npsFigures = try #require(total["nps"] as? [String: Any])
            #expect(npsFigures.int("promoters") == 1 && npsFigures.int("detractors") == 1 && npsFigures["score"] as? Double == 0)
            let cesFigures = try #require(total["ces"] as? [String: Any])
            #expect(cesFigures["average"] as? Double == 1 && (cesFigures["distribution"] as? [Int])?.first == 1)
            #expect(try await app.send(.GET, "/api/v1/surveys/\(ces)/responses", token: token).items.first?.int("score") == 7)
            // The detractor is a loop to close, for supervisors (the campaign's mail went through a ticket).
            #expect(try await app.send(.GET, "/api/v1/close-loop-tasks", token: token).items.map { $0.int("score") } == [3])

            let page = Browser(app, language: "en")
            try await page.signIn()
            let satisfaction = try await page.get("/agent/satisfaction")
            #expect(satisfaction.status == .ok && satisfaction.text.contains("Net promoter score") && satisfaction.text.contains("id=\"periods\""))
        }
    }

    @Test("the admin's survey page: questions edited in Arabic and English, switched on, timing; a new survey starts off")
    func adminPage() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let id = try await Self.createSurvey(app, token: token, ["kind": "csat", "delay_minutes": 0])
            let admin = Browser(app, language: "ar")
            _ = try await admin.signIn()
            let page = try await admin.get("/admin/surveys")
            #expect(page.status == .ok && page.text.contains("السؤال بالعربية"))
            let csrf = try #require(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
            let saved = try await admin.post(
                "/admin/surveys/\(id)",
                ["_csrf": String(csrf), "name": "رضا بعد الحل", "enabled": "on", "question_ar": "ما مدى رضاك عن خدمتنا اليوم؟",
                 "question_en": "How happy are you with our help today?", "on_solve": "on", "delay_minutes": "٣٠", "throttle_days": "14"])
            #expect(saved.status == .seeOther)
            let survey = try await app.send(.GET, "/api/v1/surveys/\(id)", token: token).object
            #expect((survey["questions"] as? [String: String])?["ar"] == "ما مدى رضاك عن خدمتنا اليوم؟")
            #expect(survey.int("delay_minutes") == 30 && survey.int("throttle_days") == 14 && survey["enabled"] as? Bool == true)
            let refused = try await admin.post("/admin/surveys/\(id)", ["_csrf": String(csrf), "name": "x", "question_ar": " ", "delay_minutes": "-1"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await app.send(.GET, "/api/v1/surveys/\(id)", token: token).object.int("delay_minutes") == 30)
            #expect(try await admin.post("/admin/surveys", ["_csrf": String(csrf), "kind": "nps", "name": "ولاء العملاء"]).status == .seeOther)
            let nps = try await app.send(.GET, "/api/v1/surveys", token: token).items.first { $0.string("kind") == "nps" }
            #expect(nps?.string("name") == "ولاء العملاء" && nps?["enabled"] as? Bool == false)
        }
    }
}
