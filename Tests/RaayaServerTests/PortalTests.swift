import Foundation
import RaayaMail
import SQLKit
import Testing
import Vapor
@testable import RaayaServer

@Suite("Customer portal: requests without an account, sign-in by emailed link, only one's own requests")
struct PortalTests {
    /// Posts the request form as a browser does: multipart, with a file.
    static func submit(_ browser: Browser, fields: [String: String], file: (name: String, bytes: [UInt8])?) async throws
        -> TestResponse
    {
        let form = try await browser.get("/help")
        let csrf = try #require(Browser.field("_csrf", in: form))
        return try await multipart(browser, "/help/requests", fields: fields.merging(["_csrf": csrf], uniquingKeysWith: { a, _ in a }), file: file)
    }

    /// A multipart form post with an optional file in the field `file`.
    static func multipart(_ browser: Browser, _ path: String, fields: [String: String], file: (name: String, bytes: [UInt8])?) async throws
        -> TestResponse
    {
        let boundary = "raaya-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
            body.append(Data(file.bytes))
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await browser.raw(.POST, path, contentType: "multipart/form-data; boundary=\(boundary)", body: body)
    }

    @Test("anyone submits a request with a file; it becomes a web ticket with an acknowledgement; bad input writes nothing")
    func submitRequest() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            let browser = Browser(app, language: "ar")
            let missing = try await Self.submit(browser, fields: ["subject": "طلب", "body": "نص"], file: nil)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("email"))
            #expect(try await app.send(.GET, "/api/v1/tickets", token: token).items.isEmpty)

            let sent = try await Self.submit(
                browser,
                fields: ["name": "سلمى", "email": "salma@example.com", "subject": "فاتورة مكررة", "body": "دُفعت الفاتورة مرتين."],
                file: ("فاتورة.pdf", Array("%PDF-1.4 فاتورة".utf8)))
            #expect(sent.status == .ok, "\(sent.text)")
            #expect(sent.text.contains("استلمنا طلبك"))
            let ticket = try #require(try await app.send(.GET, "/api/v1/tickets", token: token).items.first)
            #expect(ticket.string("channel") == "web")
            #expect((ticket["customer"] as? [String: Any])?.string("email") == "salma@example.com")
            let ticketID = try #require(ticket.int("id"))
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: token).items
            #expect((messages.first?["attachments"] as? [[String: Any]])?.first?.string("filename") == "فاتورة.pdf")
            let outbox = try await app.send(.GET, "/api/v1/outbox", token: token).items
            #expect(outbox.map { $0.string("kind") } == ["acknowledgement"])

            let noToken = try await browser.raw(.POST, "/help/requests", contentType: "application/x-www-form-urlencoded", body: Data("email=a%40b.co".utf8))
            #expect(noToken.status == .forbidden)
        }
    }

    @Test("a customer signs in by a link mailed to them, once; sees and answers only their own requests")
    func signInByLink() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            let mine = try #require(try await app.createTicket(token: token, subject: "طلبي", channel: "web", customerEmail: "huda@example.com").int("id"))
            let theirs = try #require(try await app.createTicket(token: token, subject: "طلب غيري", customerEmail: "other@example.com").int("id"))
            let browser = Browser(app, language: "ar")

            let form = try await browser.get("/help/sign-in")
            let csrf = try #require(Browser.field("_csrf", in: form))
            let unknown = try await browser.post("/help/sign-in", ["email": "nobody@example.com", "_csrf": csrf])
            #expect(unknown.headers.first(name: .location) == "/help/sign-in?sent=1")
            let asked = try await browser.post("/help/sign-in", ["email": "Huda@Example.com", "_csrf": csrf])
            #expect(asked.headers.first(name: .location) == "/help/sign-in?sent=1", "the same answer whether known or not")
            let rows = try await app.app.db.sqlDatabase().raw("SELECT payload FROM outbox WHERE kind = 'sign_in_link'").all()
            #expect(rows.count == 1)
            let mail = MailMessage.parse(Array(try #require(rows.first).decode(column: "payload", as: Data.self)))
            #expect(mail.to.map(\.address) == ["huda@example.com"])
            let text = mail.preferredText
            let start = try #require(text.range(of: "/help/session?token="))
            let link = String(text[start.lowerBound...].prefix { !$0.isWhitespace })

            #expect(try await browser.get("/help/requests").headers.first(name: .location) == "/help/sign-in")
            let opened = try await browser.get(link)
            #expect(opened.headers.first(name: .location) == "/help/requests")
            let again = try await Browser(app).get(link)
            #expect(again.status == .forbidden, "a link works once")
            #expect(try await Browser(app).get(link.replacingOccurrences(of: "l1.", with: "l1.9")).status == .forbidden)

            let list = try await browser.get("/help/requests")
            #expect(list.text.contains("طلبي") && !list.text.contains("طلب غيري"))
            #expect(try await browser.get("/help/requests/\(theirs)").status == .notFound)
            let page = try await browser.get("/help/requests/\(mine)")
            let replyCSRF = try #require(Browser.field("_csrf", in: page))
            let replied = try await browser.post("/help/requests/\(mine)/messages", ["body": "أي جديد؟", "_csrf": replyCSRF])
            #expect(replied.status == .seeOther)
            let messages = try await app.send(.GET, "/api/v1/tickets/\(mine)/messages", token: token).items
            #expect(messages.last?.string("body") == "أي جديد؟" && messages.last?.string("author") == "customer")
            let sneaky = try await browser.post("/help/requests/\(theirs)/messages", ["body": "اختراق", "_csrf": replyCSRF])
            #expect(sneaky.status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/tickets/\(theirs)/messages", token: token).items.count == 1)

            // A reply with a file: the agents see it on the ticket page and download it; an agent outside the
            // ticket's group cannot.
            let withFile = try await Self.multipart(
                browser, "/help/requests/\(mine)/messages", fields: ["body": "مرفق إيصال الدفع", "_csrf": replyCSRF],
                file: ("إيصال.pdf", Array("%PDF-1.4 إيصال".utf8)))
            #expect(withFile.headers.first(name: .location) == "/help/requests/\(mine)")
            #expect(try await browser.get("/help/requests/\(mine)").text.contains("إيصال.pdf"))
            let last = try #require(try await app.send(.GET, "/api/v1/tickets/\(mine)/messages", token: token).items.last)
            let file = try #require((last["attachments"] as? [[String: Any]])?.first)
            #expect(file.string("filename") == "إيصال.pdf" && last.string("body") == "مرفق إيصال الدفع")
            let fileID = try #require(file.int("id"))
            let staff = Browser(app, language: "ar")
            try await staff.signIn()
            #expect(try await staff.get("/agent/tickets/\(mine)").text.contains("href=\"/agent/attachments/\(fileID)\""))
            let download = try await staff.get("/agent/attachments/\(fileID)")
            #expect(download.status == .ok && download.body == Data("%PDF-1.4 إيصال".utf8))
            let group = try await app.createGroup(token: token, name: "المبيعات")
            _ = try await app.send(.PATCH, "/api/v1/tickets/\(mine)", token: token, json: ["group_id": group])
            try await app.createUser(email: "omar@example.com", name: "عمر", role: .agent)
            let outsider = Browser(app, language: "ar")
            try await outsider.signIn("omar@example.com", password: "secret-password")
            #expect(try await outsider.get("/agent/attachments/\(fileID)").status == .notFound)
            #expect(try await Browser(app).get("/agent/attachments/\(fileID)").headers.first(name: .location) == "/sign-in")
        }
    }
}
