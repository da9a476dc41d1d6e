import Foundation
import Testing
import RaayaCore
@testable import RaayaServer

@Suite("Arabic-aware search over tickets and customers")
struct SearchTests {
    private func search(_ app: TestApp, _ token: String, _ query: String) async throws -> [String] {
        let encoded = try #require(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let response = try await app.send(.GET, "/api/v1/search?q=\(encoded)", token: token)
        #expect(response.status == .ok, "\(response.text)")
        return (response.object["tickets"] as? [[String: Any]] ?? []).compactMap { $0.string("subject") }
    }

    @Test(
        "spelling variants find each other",
        arguments: [
            ("أسعار الباقات", "الاسعار"),  // the ال prefix and hamza on alef
            ("إلغاء الاشتراك", "الغاء"),  // hamza below
            ("مشكلة في الفاتورة", "مشكله"),  // ta marbuta
            ("عندي سؤال عن الترقية", "ترقيه"),
            ("أريد الرجوع إلى الخطة السابقة", "الى"),  // alef maqsura and ya
            ("مُشْكِلَةٌ كبيرة", "مشكلة"),  // diacritics
            ("شكــــرا لكم", "شكرا"),  // tatweel
            ("طلب رقم ١٠٤٢", "1042"),  // Arabic-Indic digits
            ("Refund for my ORDER", "order"),
        ])
    func variants(subject: String, query: String) async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            try await app.createTicket(token: token, subject: subject, body: "نص الرسالة")
            try await app.createTicket(token: token, subject: "موضوع آخر تماما", body: "لا علاقة")
            #expect(try await search(app, token, query) == [subject])
        }
    }

    @Test("message bodies are searched, every word must match, best match first")
    func ranking() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let ticket = try await app.createTicket(token: token, subject: "طلب", body: "البداية")
            let id = try #require(ticket.int("id"))
            _ = try await app.send(.POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "تم شحن الطلبية عبر أرامكس"])
            try await app.createTicket(token: token, subject: "شحن شحن شحن الطلبية", body: "الشحن متأخر")
            try await app.createTicket(token: token, subject: "شحن فقط", body: "لا شيء")
            let found = try await search(app, token, "الشحن الطلبية")
            #expect(found == ["شحن شحن شحن الطلبية", "طلب"])
            #expect(try await search(app, token, "ارامكس") == ["طلب"])
        }
    }

    @Test("search finds customers too, and an empty query is refused")
    func customersAndEmpty() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            try await app.createTicket(token: token, subject: "سؤال", customerEmail: "yousef@example.com")
            let response = try await app.send(.GET, "/api/v1/search?q=yousef", token: token)
            #expect((response.object["customers"] as? [[String: Any]])?.first?.string("email") == "yousef@example.com")
            let empty = try await app.send(.GET, "/api/v1/search?q=", token: token)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.object.string("field") == "q")
            let punctuation = try await app.send(.GET, "/api/v1/search?q=%3F%3F", token: token)
            #expect(punctuation.status == .ok)
        }
    }
}
