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
}
