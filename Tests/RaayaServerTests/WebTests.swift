import Foundation
import NIOHTTP1
import RaayaCore
import Testing
import Vapor
import VaporTesting
@testable import RaayaServer

/// A browser's side of the pages: forms posted URL-encoded, cookies kept between requests.
final class Browser: @unchecked Sendable {
    let app: TestApp
    var cookies: [String: String] = [:]
    var language: String?

    init(_ app: TestApp, language: String? = nil) {
        self.app = app
        self.language = language
    }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        try await send(.GET, path, form: nil)
    }

    @discardableResult
    func post(_ path: String, _ form: [String: String]) async throws -> TestResponse {
        try await send(.POST, path, form: form)
    }

    private func send(_ method: HTTPMethod, _ path: String, form: [String: String]?) async throws -> TestResponse {
        guard let form else { return try await raw(method, path, contentType: nil, body: nil) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        return try await raw(method, path, contentType: "application/x-www-form-urlencoded", body: Data(encoded.utf8))
    }

    /// A request with this body, as the browser would send it with its cookies.
    func raw(_ method: HTTPMethod, _ path: String, contentType: String?, body data: Data?) async throws -> TestResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let language { headers.add(name: .acceptLanguage, value: language) }
        if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        var body = ByteBuffer()
        if let data { body.writeBytes(data) }
        let response = try await app.app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if header.contains("Expires=Thu, 01 Jan 1970") || header.contains("Max-Age=0") || pair[1].isEmpty {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
        }
        return TestResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }

    /// The value of a hidden form field on a page.
    static func field(_ name: String, in page: TestResponse) -> String? {
        guard let range = page.text.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    func signIn(_ email: String = "admin@example.com", password: String = "admin-password") async throws -> TestResponse {
        let form = try await get("/sign-in")
        let csrf = try #require(Self.field("_csrf", in: form))
        return try await post("/sign-in", ["email": email, "password": password, "_csrf": csrf])
    }
}

@Suite("Pages: sign-in, inbox, ticket, reply, language, escaping")
struct WebTests {
    @Test("sign in (Arabic by default, right to left), see the inbox, reply on a ticket, switch to English and keep it")
    func signInAndWork() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let created = try await app.createTicket(token: token, subject: "الفاتورة <script>alert(1)</script>")
            let ticketID = try #require(created.int("id"))
            let browser = Browser(app)

            let form = try await browser.get("/sign-in")
            #expect(form.text.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(form.text.contains("تسجيل الدخول"))
            #expect(try await browser.get("/agent").headers.first(name: .location) == "/sign-in")

            let wrong = try await browser.signIn(password: "not-this-one")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("البريد الإلكتروني أو كلمة المرور غير صحيحة"))
            let signedIn = try await browser.signIn()
            #expect(signedIn.status == .seeOther && signedIn.headers.first(name: .location) == "/agent")
            let cookie = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("raaya_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))

            let inbox = try await browser.get("/agent?view=new")
            #expect(inbox.status == .ok)
            #expect(inbox.text.contains("صندوق التذاكر"))
            #expect(inbox.text.contains("الفاتورة &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!inbox.text.contains("<script>alert(1)"), "user content must be escaped")
            #expect(inbox.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)

            let page = try await browser.get("/agent/tickets/\(ticketID)")
            #expect(page.text.contains("أين فاتورتي؟"))
            let csrf = try #require(Browser.field("_csrf", in: page))
            let forged = try await browser.post("/agent/tickets/\(ticketID)/messages", ["body": "مزوّر", "_csrf": "x"])
            #expect(forged.status == .forbidden)
            let reply = try await browser.post(
                "/agent/tickets/\(ticketID)/messages", ["body": "أرسلنا الفاتورة الآن", "kind": "public", "_csrf": csrf])
            #expect(reply.status == .seeOther)
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: token).items
            #expect(messages.map { $0.string("body") } == ["أين فاتورتي؟ Where is my invoice?", "أرسلنا الفاتورة الآن"])
            let note = try await browser.post(
                "/agent/tickets/\(ticketID)/messages", ["body": "ملاحظة للفريق", "kind": "internal", "_csrf": csrf])
            #expect(note.status == .seeOther)
            let group = try await app.createGroup(token: token, name: "الفوترة Billing")
            let agentID = try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent, groups: [group])
            let solved = try await browser.post(
                "/agent/tickets/\(ticketID)",
                [
                    "status": "solved", "priority": "high", "assignee_id": String(agentID), "group_id": String(group),
                    "tags": "فاتورة، vip, فاتورة", "_csrf": csrf,
                ])
            #expect(solved.status == .seeOther)
            let ticket = try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: token).object
            #expect(ticket.string("status") == "solved" && ticket.string("priority") == "high")
            #expect((ticket["assignee"] as? [String: Any])?.int("id") == agentID)
            #expect((ticket["group"] as? [String: Any])?.int("id") == group)
            #expect(Set(ticket["tags"] as? [String] ?? []) == ["فاتورة", "vip"], "two tags, the repeat once")
            let cleared = try await browser.post("/agent/tickets/\(ticketID)", ["assignee_id": "", "_csrf": csrf])
            #expect(cleared.status == .seeOther)
            #expect(try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: token).object["assignee"] is NSNull)
            #expect(try await browser.post("/agent/tickets/\(ticketID)", ["group_id": "999", "_csrf": csrf]).status == .unprocessableEntity)
            let shown = try await browser.get("/agent/tickets/\(ticketID)?done=saved")
            #expect(shown.text.contains("message internal"))
            #expect(shown.text.contains("حُفظت التغييرات"))

            let switched = try await browser.post("/language", ["to": "en", "_csrf": csrf])
            #expect(switched.status == .seeOther)
            let english = try await browser.get("/agent")
            #expect(english.text.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(english.text.contains("Inbox"))
            // Remembered on the account: a new browser, once signed in, gets English.
            let other = Browser(app)
            try await other.signIn()
            #expect(try await other.get("/agent").text.contains("<html lang=\"en\" dir=\"ltr\">"))

            let signOutForm = try await browser.post("/sign-out", ["_csrf": try #require(Browser.field("_csrf", in: english))])
            #expect(signOutForm.headers.first(name: .location) == "/sign-in")
            #expect(try await browser.get("/agent").headers.first(name: .location) == "/sign-in")
            #expect(try await app.send(.GET, "/api/v1/me", token: token).status == .ok, "other sessions stay signed in")
        }
    }

    @Test("every page, in Arabic and in English, shows its own language only", arguments: ["ar", "en"])
    func everyPageInItsLanguage(language: String) async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let ticket = try await app.createTicket(token: token, subject: "استفسار عن الشحنة", body: "متى تصل شحنتي؟")
            let ticketID = try #require(ticket.int("id"))
            let browser = Browser(app, language: language)
            let signInPage = try await browser.get("/sign-in")
            try await browser.signIn()
            var pages = [signInPage]
            let customerID = try #require((ticket["customer"] as? [String: Any])?.int("id"))
            for path in WorkspacePages.View.allCases.map({ "/agent?view=\($0.rawValue)" })
                + ["/agent/tickets/\(ticketID)", "/agent/search?q=الشحنه", "/agent/chats", "/agent/customers/\(customerID)",
                   "/agent?view=new&status=new&priority=normal&channel=email", "/help", "/help/sign-in", "/help/kb",
                   "/help/kb?q=%D8%B4%D8%AD%D9%86", "/agent/kb", "/agent/kb/new",
                   "/agent/satisfaction", "/agent/close-loop", "/agent/reports", "/agent/reports?period=month&channel=chat"]
                + AdminPages.Section.allCases.map({ "/admin/\($0.rawValue)" })
            {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                pages.append(page)
            }
            let lang = try #require(Language(rawValue: language))
            let foreign = Phrase.allCases.filter { $0 != .switchLanguage }.map { $0.text(lang.other) }
                .filter { $0.count > 3 && !Phrase.allCases.map { $0.text(lang) }.contains($0) }
            for page in pages {
                let visible = page.text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                for text in foreign where visible.contains(text) {
                    Issue.record("a \(language) page shows \"\(text)\"")
                }
                #expect(!page.text.contains("\\("), "a raw interpolation on a page")
            }
            let documents = pages.filter { $0.text.hasPrefix("<!doctype html>") }
            #expect(documents.count == pages.count - 1, "all but the chats fragment are whole pages")
            #expect(documents.allSatisfy { $0.text.contains("<html lang=\"\(language)\" dir=\"\(lang.direction)\">") })
        }
    }

    @Test("the inbox lists live chats waiting for an answer and highlights those waiting past the alert time")
    func waitingChatsHighlighted() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let port = try await app.serve()
            let agent = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: token)
            _ = try await agent.next("hello")
            let visitor = try await TestSocket.connect(port: port, path: "/chat/ws")
            try await visitor.send(["type": "hello", "language": "ar"])
            _ = try await visitor.next("welcome")
            try await visitor.send(["type": "message", "client_id": "c", "text": "هل يمكنني تغيير عنوان التوصيل؟", "name": "ريم"])
            let ticketID = try #require(try await visitor.next("ack")["ticket_id"] as? Int)

            let browser = Browser(app)
            try await browser.signIn()
            let inbox = try await browser.get("/agent")
            #expect(inbox.text.contains("المحادثات المباشرة"))
            #expect(inbox.text.contains("<li class=\"waiting\""))
            #expect(inbox.text.contains("href=\"/agent/tickets/\(ticketID)\""))
            app.clock.advance(by: 61)
            let later = try await browser.get("/agent/chats")
            #expect(later.text.contains("<li class=\"overdue\""))
            #expect(later.text.contains("تأخر الرد"))
            await visitor.close()
            await agent.close()
        }
    }

    @Test("the customer page shows every ticket of theirs across channels and the team's notes; filters narrow the inbox")
    func customerPageAndFilters() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let byMail = try await app.createTicket(token: token, subject: "طلب استرجاع", channel: "email")
            _ = try await app.createTicket(token: token, subject: "اتصال بخصوص الطلب", channel: "phone")
            _ = try await app.createTicket(token: token, subject: "عميل آخر", customerEmail: "other@example.com")
            let customerID = try #require((byMail["customer"] as? [String: Any])?.int("id"))
            let browser = Browser(app, language: "ar")
            try await browser.signIn()

            let page = try await browser.get("/agent/customers/\(customerID)")
            #expect(page.text.contains("طلب استرجاع") && page.text.contains("اتصال بخصوص الطلب"))
            #expect(!page.text.contains("عميل آخر"))
            let csrf = try #require(Browser.field("_csrf", in: page))
            #expect(try await browser.post("/agent/customers/\(customerID)/notes", ["body": "عميل مهم", "_csrf": "x"]).status == .forbidden)
            let added = try await browser.post("/agent/customers/\(customerID)/notes", ["body": "عميل مهم <b>VIP</b>", "_csrf": csrf])
            #expect(added.status == .seeOther)
            let notes = try await app.send(.GET, "/api/v1/customers/\(customerID)", token: token).object["notes"] as? [[String: Any]]
            #expect(notes?.map { $0.string("body") } == ["عميل مهم <b>VIP</b>"])
            #expect(try await browser.get("/agent/customers/\(customerID)").text.contains("عميل مهم &lt;b&gt;VIP&lt;/b&gt;"))

            let phoneOnly = try await browser.get("/agent?view=new&channel=phone")
            #expect(phoneOnly.text.contains("اتصال بخصوص الطلب") && !phoneOnly.text.contains("طلب استرجاع"))
            #expect(try await browser.get("/agent?view=new&channel=pigeon").status == .unprocessableEntity)

            let ticketPage = try await browser.get("/agent/tickets/\(try #require(byMail.int("id")))")
            #expect(ticketPage.text.contains("سجل التغييرات") && ticketPage.text.contains("أُنشئت التذكرة"))
            #expect(ticketPage.text.contains("href=\"/agent/customers/\(customerID)\""))
        }
    }

    @Test("the inbox sorts by age or activity, filters by group, assignee and tag, and its next page keeps them")
    func inboxSortAndFilters() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let group = try await app.createGroup(token: token, name: "الفواتير")
            var ids: [Int] = []
            for index in 1...27 {
                let ticket = try await app.createTicket(
                    token: token, subject: "فاتورة رقم \(index)", customerEmail: "c\(index)@example.com",
                    groupID: index == 27 ? nil : group, tags: index.isMultiple(of: 2) ? ["عاجل"] : nil)
                ids.append(try #require(ticket.int("id")))
            }
            // The oldest ticket is the latest touched, so the two orders differ at the top.
            app.clock.advance(by: 60)
            _ = try await app.send(.POST, "/api/v1/tickets/\(ids[0])/messages", token: token, json: ["body": "ملاحظة", "internal": true])
            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            func numbers(_ page: TestResponse) -> [Int] {
                page.text.components(separatedBy: "<tr data-href=\"/agent/tickets/").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            }
            let byActivity = try await browser.get("/agent?view=new")
            #expect(numbers(byActivity).prefix(2) == [ids[0], ids[26]])
            let byAge = try await browser.get("/agent?view=new&sort=age")
            #expect(numbers(byAge) == Array(ids.prefix(25)))
            #expect(byAge.text.contains("الأقدم أولاً"))

            let urgent = try await browser.get("/agent?view=new&group_id=\(group)&tag=%D8%B9%D8%A7%D8%AC%D9%84&sort=age")
            #expect(numbers(urgent) == ids.prefix(26).filter { ids.firstIndex(of: $0)! % 2 == 1 })
            let byGroup = try await browser.get("/agent?view=new&group_id=\(group)&sort=age")
            #expect(numbers(byGroup) == Array(ids.prefix(25)))
            // The next page continues the same filtered, sorted list.
            let next = try #require(byGroup.text.components(separatedBy: "<p><a href=\"").last?.prefix { $0 != "\"" })
            #expect(next.contains("group_id=\(group)") && next.contains("sort=age"))
            let second = try await browser.get(String(next).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(numbers(second) == [ids[25]])
            #expect(numbers(try await browser.get("/agent?view=new&assignee_id=1")).isEmpty)
            #expect(try await browser.get("/agent?view=new&sort=priority").status == .unprocessableEntity)
            #expect(try await browser.get("/agent?view=new&sort=age&cursor=abc").status == .unprocessableEntity)
        }
    }
}
