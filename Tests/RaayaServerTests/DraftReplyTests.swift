import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

/// Draft replies through the API and the ticket page, against a fake OpenAI-compatible server the test starts.
@Suite("Draft replies from suggested articles by a connected language model")
struct DraftReplyTests {
    static let key = "sk-raaya-test-4f9c"
    static let articleBody = "تتبّع طلبك من صفحة «طلباتي»: اضغط على رقم الطلب لترى رقم الشحنة وموعد التوصيل المتوقع."
    static let question = "طلبت جوال قبل أسبوع وما وصلني، كيف أتتبع الطلب؟"
    static let reply = "مرحبًا نورة، تقدرين تتبّعين طلبك من صفحة «طلباتي» بالضغط على رقم الطلب، وستجدين رقم الشحنة وموعد التوصيل."

    /// An agent of group B, a ticket of group A they may not see, a ticket they may, a published article that
    /// answers it, and an internal note that must stay out of the prompt.
    struct World {
        let admin: String
        let agent: String
        let outsider: String
        let ticket: Int
        let hidden: Int
        let article: Int
    }

    static func makeWorld(_ app: TestApp) async throws -> World {
        let admin = try await app.token()
        let groupA = try await app.createGroup(token: admin, name: "الشحن")
        let groupB = try await app.createGroup(token: admin, name: "الفواتير")
        try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent, groups: [groupA])
        try await app.createUser(email: "omar@example.com", name: "عمر", role: .agent, groups: [groupB])
        let article = try await app.send(
            .POST, "/api/v1/kb/articles", token: admin,
            json: [
                "state": "published", "tags": ["تتبع الطلب", "وين وصل الطلب"],
                "translations": [
                    "ar": ["title": "كيف أتتبع طلبي؟", "body": articleBody],
                    "en": ["title": "How do I track my order?", "body": "Open **My orders** and tap the order number to see the tracking number."],
                ],
            ])
        #expect(article.status == .created, "\(article.text)")
        let ticket = try #require(try await app.createTicket(token: admin, subject: "وين وصل طلبي؟", body: question, groupID: groupA).int("id"))
        let note = try await app.send(
            .POST, "/api/v1/tickets/\(ticket)/messages", token: admin, json: ["body": "ملاحظة داخلية: عرضنا عليه كوبون خصم سري", "internal": true])
        #expect(note.status == .created)
        let hidden = try #require(try await app.createTicket(token: admin, subject: "تتبع الشحنة", body: question, customerEmail: "fahad@example.com", groupID: groupA).int("id"))
        return World(
            admin: admin, agent: try await app.token("sara@example.com", password: "secret-password"),
            outsider: try await app.token("omar@example.com", password: "secret-password"), ticket: ticket, hidden: hidden,
            article: try #require(article.object.int("id")))
    }

    /// The ticket's messages and events, to show a draft writes nothing.
    static func trail(_ app: TestApp, _ world: World) async throws -> [Int] {
        [
            try await app.send(.GET, "/api/v1/tickets/\(world.ticket)/messages", token: world.admin).items.count,
            try await app.send(.GET, "/api/v1/tickets/\(world.ticket)/events", token: world.admin).items.count,
        ]
    }

    @Test("the API drafts from the suggested article and the customer's Arabic message, with the key, writing nothing")
    func draftThroughTheAPI() async throws {
        try await FakeLanguageModel.serving(reply: Self.reply) { model in
            try await TestApp.run(configure: {
                $0.languageModel = Configuration.LanguageModel(baseURL: model.baseURL, key: Self.key, model: "qwen2.5:7b")
            }) { app in
                let world = try await Self.makeWorld(app)
                let before = try await Self.trail(app, world)

                let drafted = try await app.send(.POST, "/api/v1/tickets/\(world.ticket)/draft-reply", token: world.agent)
                #expect(drafted.status == .ok, "\(drafted.text)")
                #expect(drafted.object.string("draft") == Self.reply)
                #expect(drafted.object["articles"] as? [Int] == [world.article])

                let received = await model.state.received
                #expect(received.count == 1)
                let request = try #require(received.first)
                #expect(request.path == "/v1/chat/completions")
                #expect(request.authorization == "Bearer \(Self.key)")
                #expect(request.json["model"] as? String == "qwen2.5:7b")
                #expect(request.messages.compactMap { $0["role"] as? String } == ["system", "user"])
                let system = try #require(request.messages.first?["content"] as? String)
                #expect(system.contains(Self.articleBody), "the matched article's Arabic text is given")
                #expect(system.contains("Arabic") && system.contains("only from the knowledge-base articles"))
                #expect(request.prompt.contains(Self.question), "the customer's message is given")
                #expect(!request.prompt.contains("كوبون خصم سري"), "internal notes are not sent")

                #expect(try await Self.trail(app, world) == before, "a draft is neither stored nor sent")

                // Someone who may not see the ticket gets what any ticket route gives them: no such ticket.
                let outsider = try await app.send(.POST, "/api/v1/tickets/\(world.hidden)/draft-reply", token: world.outsider)
                #expect(outsider.status == .notFound && outsider.isProblem)
                #expect(try await app.send(.POST, "/api/v1/tickets/\(world.ticket)/draft-reply").status == .unauthorized)
                #expect(await model.state.received.count == 1, "nothing went to the model for them")

                // A ticket no article answers: nothing to draft from, and the model is not asked.
                let unmatched = try #require(try await app.createTicket(
                    token: world.admin, subject: "شكر وتقدير", body: "شكرًا لكم على الخدمة الممتازة", customerEmail: "huda@example.com"
                ).int("id"))
                let nothing = try await app.send(.POST, "/api/v1/tickets/\(unmatched)/draft-reply", token: world.agent)
                #expect(nothing.status == .conflict && nothing.isProblem, "\(nothing.text)")
                #expect(nothing.object.string("detail")?.contains("no knowledge-base article") == true)
                #expect(await model.state.received.count == 1)
            }
        }
    }

    @Test("an upstream failure or an answer without a completion is a 502 problem that names the model, writing nothing")
    func upstreamFailures() async throws {
        try await FakeLanguageModel.serving(reply: Self.reply) { model in
            try await TestApp.run(configure: { $0.languageModel = Configuration.LanguageModel(baseURL: model.baseURL + "/") }) { app in
                let world = try await Self.makeWorld(app)
                let before = try await Self.trail(app, world)

                await model.state.set(status: .internalServerError)
                let failed = try await app.send(.POST, "/api/v1/tickets/\(world.ticket)/draft-reply", token: world.agent)
                #expect(failed.status == .badGateway && failed.isProblem)
                let detail = try #require(failed.object.string("detail"))
                #expect(detail.contains("\(model.baseURL)/chat/completions") && detail.contains("HTTP 500") && detail.contains("model overloaded"), "\(detail)")
                let request = try #require(await model.state.received.first)
                #expect(request.authorization == nil, "no key configured, no Authorization header")
                #expect(request.json["model"] == nil, "no model configured: the endpoint's default")

                await model.state.set(rawAnswer: #"{"choices": []}"#)
                let empty = try await app.send(.POST, "/api/v1/tickets/\(world.ticket)/draft-reply", token: world.agent)
                #expect(empty.status == .badGateway && empty.object.string("detail")?.contains("without a chat completion") == true)

                // On the page: the reply box keeps what the agent typed, and the failure is said.
                let browser = Browser(app, language: "ar")
                try await browser.signIn("sara@example.com", password: "secret-password")
                let page = try await browser.get("/agent/tickets/\(world.ticket)")
                let csrf = try #require(Browser.field("_csrf", in: page))
                await model.state.set(status: .serviceUnavailable)
                let refused = try await browser.post("/agent/tickets/\(world.ticket)/draft-reply", ["_csrf": csrf, "body": "أهلًا نورة،"])
                #expect(refused.status == .badGateway)
                #expect(refused.text.contains("تعذّرت كتابة مسودة الرد") && refused.text.contains("HTTP 503"))
                #expect(refused.text.contains("dir=\"auto\">أهلًا نورة،</textarea>"))
                #expect(try await Self.trail(app, world) == before)
            }
        }
    }

    @Test("a language model nobody answers at is a 502 problem saying it could not be reached")
    func unreachable() async throws {
        // A port just released, so nothing listens there (the client retries refused connections for its 10-second
        // connect timeout before giving up).
        let gone = try await FakeLanguageModel.serving(reply: "") { model in model.baseURL }
        try await TestApp.run(configure: { $0.languageModel = Configuration.LanguageModel(baseURL: gone) }) { app in
            let world = try await Self.makeWorld(app)
            let failed = try await app.send(.POST, "/api/v1/tickets/\(world.ticket)/draft-reply", token: world.agent)
            #expect(failed.status == .badGateway && failed.isProblem, "\(failed.text)")
            #expect(failed.object.string("detail")?.hasPrefix("could not reach the language model at \(gone)/chat/completions") == true)
        }
    }

    @Test("the ticket page's button fills the reply box with the draft, after what was typed, without JavaScript")
    func draftOnThePage() async throws {
        try await FakeLanguageModel.serving(reply: Self.reply) { model in
            try await TestApp.run(configure: { $0.languageModel = Configuration.LanguageModel(baseURL: model.baseURL, key: Self.key) }) { app in
                let world = try await Self.makeWorld(app)
                let browser = Browser(app, language: "ar")
                try await browser.signIn("sara@example.com", password: "secret-password")
                let page = try await browser.get("/agent/tickets/\(world.ticket)")
                #expect(page.text.contains("<form class=\"card replybox\" id=\"reply\""))
                #expect(page.text.contains("form=\"reply\" formaction=\"/agent/tickets/\(world.ticket)/draft-reply\" formnovalidate"))
                #expect(page.text.contains("اكتب مسودة رد من هذه المقالات"))
                let csrf = try #require(Browser.field("_csrf", in: page))

                #expect(try await browser.post("/agent/tickets/\(world.ticket)/draft-reply", ["_csrf": "مزور"]).status == .forbidden)
                let drafted = try await browser.post("/agent/tickets/\(world.ticket)/draft-reply", ["_csrf": csrf, "body": ""])
                #expect(drafted.status == .ok)
                #expect(drafted.text.contains("dir=\"auto\">\(Self.reply)</textarea>"))
                #expect(drafted.text.contains("راجعها وعدّلها قبل الإرسال"))
                let kept = try await browser.post("/agent/tickets/\(world.ticket)/draft-reply", ["_csrf": csrf, "body": "  أهلًا، "])
                #expect(kept.text.contains("dir=\"auto\">أهلًا،\n\n\(Self.reply)</textarea>"))

                // An agent who may not see the ticket is refused on the page as in the API.
                let outsider = Browser(app, language: "ar")
                try await outsider.signIn("omar@example.com", password: "secret-password")
                let outsiderCSRF = try #require(Browser.field("_csrf", in: try await outsider.get("/agent")))
                #expect(try await outsider.post("/agent/tickets/\(world.hidden)/draft-reply", ["_csrf": outsiderCSRF]).status == .notFound)
                #expect(await model.state.received.count == 2)
            }
        }
    }

    @Test("without a connector the route is a 404 problem that says so, the page has no button, and all else works")
    func notConfigured() async throws {
        try await TestApp.run { app in
            let world = try await Self.makeWorld(app)
            let off = try await app.send(.POST, "/api/v1/tickets/\(world.ticket)/draft-reply", token: world.agent)
            #expect(off.status == .notFound && off.isProblem)
            #expect(off.object.string("detail")?.contains("draft replies are off") == true && off.text.contains("RAAYA_LLM_URL"))
            let browser = Browser(app, language: "ar")
            try await browser.signIn("sara@example.com", password: "secret-password")
            let page = try await browser.get("/agent/tickets/\(world.ticket)")
            #expect(page.text.contains("مقالات مقترحة") && page.text.contains("href=\"/agent/kb/\(world.article)\""))
            #expect(!page.text.contains("draft-reply") && !page.text.contains("اكتب مسودة رد"))
        }
    }
}
