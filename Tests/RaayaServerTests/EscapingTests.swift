import Foundation
import RaayaCore
import RaayaMail
import SQLKit
import Testing
import Vapor
@testable import RaayaServer

@Suite("Escaping: script and onerror= payloads through every input never come back as markup")
struct EscapingTests {
    /// Arabic text around each payload, as a customer or an agent might have pasted it.
    static let payloads = [
        "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=2>", "\"><svg onload=window.__xss=3>",
        "'><iframe src=javascript:window.__xss=4>",
    ]

    static func tainted(_ index: Int, _ arabic: String = "نص") -> String {
        "\(arabic) \(payloads[index % payloads.count])"
    }

    /// Fails when a page carries any payload unescaped: a tag it opens, or an event handler attribute.
    static func check(_ page: TestResponse, _ path: String) {
        let html = page.text
        for payload in payloads where html.contains(payload) {
            Issue.record("\(path) shows \(payload) unescaped")
        }
        for marker in ["<script>window", "<img src=x", "<svg onload", "<iframe src=javascript"] where html.contains(marker) {
            Issue.record("\(path) contains the markup \(marker)")
        }
    }

    @Test("workspace, admin and portal inputs: stored as typed, shown as text on every page")
    func everyInput() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": Self.tainted(0)])
            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            var page = try await browser.get("/admin/groups")
            let csrf = try #require(Browser.field("_csrf", in: page))

            // Admin inputs.
            #expect(try await browser.post("/admin/groups", ["name": Self.tainted(1, "الدعم"), "tier": "1", "_csrf": csrf]).status == .seeOther)
            let groupID = try #require(try await app.send(.GET, "/api/v1/groups", token: token).items.first?.int("id"))
            #expect(try await browser.post(
                "/admin/users",
                ["name": Self.tainted(2, "ليلى"), "email": "layla@example.com", "password": "secret-password", "role": "agent",
                 "group_\(groupID)": "on", "_csrf": csrf]).status == .seeOther)
            #expect(try await browser.post(
                "/admin/mailboxes", ["address": "sales@waha.example", "name": Self.tainted(3), "signature": Self.tainted(0), "_csrf": csrf]
            ).status == .seeOther)
            #expect(try await browser.post(
                "/admin/macros", ["title": Self.tainted(1, "رد"), "body": Self.tainted(2, "أهلاً {{customer.name}}"), "add_tags": "وسم", "_csrf": csrf]
            ).status == .seeOther)
            let macroID = try #require(try await app.send(.GET, "/api/v1/macros", token: token).items.first?.int("id"))
            _ = try await app.send(
                .PUT, "/api/v1/settings/branding", token: token, json: ["name_ar": Self.tainted(3, "متجر"), "name_en": Self.tainted(0, "Shop")])

            // A customer through the portal: name, subject and description.
            let customer = Browser(app, language: "ar")
            let sent = try await PortalTests.submit(
                customer,
                fields: ["name": Self.tainted(1, "سلمى"), "email": "salma@example.com", "subject": Self.tainted(2, "طلب"),
                         "body": Self.tainted(3, "وصف")],
                file: (Self.tainted(0, "ملف") + ".pdf", Array("%PDF".utf8)))
            #expect(sent.status == .ok)
            Self.check(sent, "the acknowledgement page")
            let ticket = try #require(try await app.send(.GET, "/api/v1/tickets", token: token).items.first)
            let ticketID = try #require(ticket.int("id"))
            let customerID = try #require((ticket["customer"] as? [String: Any])?.int("id"))
            #expect(ticket.string("subject") == Self.tainted(2, "طلب"), "stored as typed")

            // Agent inputs on the ticket and customer pages.
            #expect(try await browser.post("/agent/tickets/\(ticketID)/messages", ["body": Self.tainted(0, "رد"), "_csrf": csrf]).status == .seeOther)
            #expect(try await browser.post(
                "/agent/tickets/\(ticketID)/messages", ["body": Self.tainted(1, "ملاحظة"), "kind": "internal", "_csrf": csrf]
            ).status == .seeOther)
            #expect(try await browser.post("/agent/tickets/\(ticketID)/macro", ["macro_id": String(macroID), "_csrf": csrf]).status == .seeOther)
            #expect(try await browser.post("/agent/customers/\(customerID)/notes", ["body": Self.tainted(2, "عميل"), "_csrf": csrf]).status == .seeOther)
            let badTag = try await browser.post("/agent/tickets/\(ticketID)", ["tags": Self.tainted(3), "_csrf": csrf])
            Self.check(badTag, "the refused tags")
            Self.check(try await browser.get("/agent/search?q=" + (Self.tainted(0).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")), "search")

            for path in [
                "/agent", "/agent?view=new", "/agent/tickets/\(ticketID)", "/agent/customers/\(customerID)", "/admin/users",
                "/admin/groups", "/admin/mailboxes", "/admin/chat", "/admin/macros", "/admin/appearance", "/help",
            ] {
                page = try await browser.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                Self.check(page, path)
            }
            Self.check(try await Browser(app, language: "en").get("/sign-in"), "/sign-in")
            let conversation = try await browser.get("/agent/tickets/\(ticketID)")
            #expect(conversation.text.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"), "shown as text, not dropped")

            // The customer's own pages after signing in by link.
            let link = try await Self.requestLink(customer, app)
            _ = try await customer.get(link)
            for path in ["/help/requests", "/help/requests/\(ticketID)"] {
                page = try await customer.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                Self.check(page, path)
            }
        }
    }

    /// Asks for a sign-in link and returns its path from the mail in the outbox.
    static func requestLink(_ customer: Browser, _ app: TestApp) async throws -> String {
        let form = try await customer.get("/help/sign-in")
        let csrf = try #require(Browser.field("_csrf", in: form))
        _ = try await customer.post("/help/sign-in", ["email": "salma@example.com", "_csrf": csrf])
        let row = try #require(try await app.app.db.sqlDatabase().raw("SELECT payload FROM outbox WHERE kind = 'sign_in_link'").first())
        let text = MailMessage.parse(Array(try row.decode(column: "payload", as: Data.self))).preferredText
        let start = try #require(text.range(of: "/help/session?token="))
        return String(text[start.lowerBound...].prefix { !$0.isWhitespace })
    }
}
