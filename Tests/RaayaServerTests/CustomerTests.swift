import Foundation
import Testing
import RaayaCore
@testable import RaayaServer

@Suite("Customers: one per identity, with their history and notes")
struct CustomerTests {
    @Test("a second customer with a known email or phone is a 409 with the existing id")
    func uniqueIdentity() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let created = try await app.send(
                .POST, "/api/v1/customers", token: token,
                json: ["name": "فاطمة الزهراء", "email": "Fatima@Example.com", "phone": "+966 55 123 4567",
                       "organization": "شركة النور", "language": "ar"])
            #expect(created.status == .created)
            let id = try #require(created.object.int("id"))
            #expect(created.object.string("email") == "fatima@example.com")
            #expect(created.object.string("phone") == "+966551234567")
            #expect(created.object.string("organization") == "شركة النور")
            let sameEmail = try await app.send(
                .POST, "/api/v1/customers", token: token, json: ["name": "فاطمة", "email": "fatima@example.com"])
            #expect(sameEmail.status == .conflict)
            #expect(sameEmail.object.int("existing_id") == id)
            #expect(sameEmail.object.string("field") == "email")
            let samePhone = try await app.send(
                .POST, "/api/v1/customers", token: token, json: ["name": "Fatima", "phone": "+966551234567"])
            #expect(samePhone.status == .conflict)
            #expect(samePhone.object.string("field") == "phone")
            let bad = try await app.send(.POST, "/api/v1/customers", token: token, json: ["name": "X", "language": "klingon"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.object.string("field") == "language")
        }
    }

    @Test("a customer's page shows tickets from every channel and the team's notes")
    func detail() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let email = try await app.createTicket(token: token, channel: "email", customerEmail: "khalid@example.com")
            let customerID = try #require((email["customer"] as? [String: Any])?.int("id"))
            let chat = try await app.send(
                .POST, "/api/v1/tickets", token: token,
                json: ["subject": "محادثة", "body": "مرحبا", "channel": "chat", "customer": ["id": customerID]])
            #expect(chat.status == .created)
            let phone = try await app.send(
                .POST, "/api/v1/tickets", token: token,
                json: ["subject": "مكالمة", "body": "اتصل العميل", "channel": "phone",
                       "customer": ["email": "khalid@example.com", "phone": "0501112222"]])
            #expect((phone.object["customer"] as? [String: Any])?.int("id") == customerID)
            let note = try await app.send(
                .POST, "/api/v1/customers/\(customerID)/notes", token: token, json: ["body": "عميل مهم — VIP"])
            #expect(note.status == .created)
            let detail = try await app.send(.GET, "/api/v1/customers/\(customerID)", token: token)
            #expect(detail.status == .ok)
            let channels = Set((detail.object["tickets"] as? [[String: Any]] ?? []).compactMap { $0.string("channel") })
            #expect(channels == ["email", "chat", "phone"])
            #expect((detail.object["notes"] as? [[String: Any]])?.first?.string("body") == "عميل مهم — VIP")
            #expect(detail.object["phones"] as? [String] == ["0501112222"])
            let missing = try await app.send(.POST, "/api/v1/customers/999/notes", token: token, json: ["body": "؟"])
            #expect(missing.status == .notFound)
        }
    }

    @Test("customers are found by Arabic name in any spelling, and by email")
    func search() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/customers", token: token, json: ["name": "أسامة الشهري", "email": "osama@example.com"])
            _ = try await app.send(.POST, "/api/v1/customers", token: token, json: ["name": "Mona Saleh", "email": "mona@example.com"])
            for query in ["اسامه", "أسامة", "الشهري", "osama", "osama@example.com"] {
                let found = try await app.send(
                    .GET, "/api/v1/customers?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: token)
                #expect(found.items.compactMap { $0.string("name") } == ["أسامة الشهري"], "query \(query)")
            }
        }
    }

    @Test("an agent edits a customer's profile and adds an identity, by API and on the customer page; search finds the new details")
    func edit() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            let agent = try await app.token("sara@example.com", password: "secret-password")
            let ticket = try await app.createTicket(token: admin, subject: "سؤال عن الضمان", customerEmail: "noura@example.com")
            let id = try #require((ticket["customer"] as? [String: Any])?.int("id"))
            _ = try await app.send(.POST, "/api/v1/customers", token: admin, json: ["name": "ريم", "email": "reem@example.com"])

            let changed = try await app.send(
                .PATCH, "/api/v1/customers/\(id)", token: agent,
                json: ["name": "نورة القحطاني", "organization": "شركة الأفق", "language": "ar", "add_phone": "+966 50 111 2222"])
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(changed.object.string("name") == "نورة القحطاني" && changed.object.string("organization") == "شركة الأفق")
            #expect(changed.object["phones"] as? [String] == ["+966501112222"])
            let found = try await app.send(.GET, "/api/v1/search?q=\("الافق".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: agent)
            #expect((found.object["customers"] as? [[String: Any]])?.compactMap { $0.int("id") } == [id], "the new organization is searchable")

            let taken = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: agent, json: ["add_email": "reem@example.com"])
            #expect(taken.status == .conflict && taken.text.contains("existing_id"))
            let bad = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: agent, json: ["add_email": "ليس بريداً", "name": " "])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("add_email") && bad.text.contains("\"name\""))
            #expect(try await app.send(.GET, "/api/v1/customers/\(id)", token: agent).object.string("name") == "نورة القحطاني", "nothing written")
            #expect(try await app.send(.PATCH, "/api/v1/customers/9999", token: agent, json: ["name": "أحد"]).status == .notFound)

            let browser = Browser(app, language: "ar")
            try await browser.signIn("sara@example.com", password: "secret-password")
            let page = try await browser.get("/agent/customers/\(id)")
            #expect(page.text.contains("تعديل البيانات") && page.text.contains("value=\"شركة الأفق\""))
            let csrf = try #require(Browser.field("_csrf", in: page))
            let saved = try await browser.post(
                "/agent/customers/\(id)", ["name": "نورة", "organization": "", "language": "en", "add_email": "Noura.Q@Example.com", "_csrf": csrf])
            #expect(saved.headers.first(name: .location) == "/agent/customers/\(id)?done=saved")
            let after = try await app.send(.GET, "/api/v1/customers/\(id)", token: agent).object
            #expect(after.string("name") == "نورة" && after["organization"] is NSNull && after.string("language") == "en")
            #expect(after["emails"] as? [String] == ["noura@example.com", "noura.q@example.com"])
            let search = try await browser.get("/agent/search?q=noura.q")
            #expect(search.text.contains("href=\"/agent/customers/\(id)\"") && search.text.contains("العملاء"))
            let ticketPage = try await browser.get("/agent/tickets/\(try #require(ticket.int("id")))")
            #expect(ticketPage.text.contains("<strong>نورة</strong>"))
        }
    }
}

