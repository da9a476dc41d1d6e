import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Demo data: what a newcomer signs in to")
struct DemoTests {
    @Test("the embedded knowledge base is the file in demo/knowledge-base (run tools/embed-demo-kb.py after editing it)")
    func embeddedKnowledgeBase() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("demo/knowledge-base/articles.json")
        let onDisk = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? NSDictionary
        let embedded = try JSONSerialization.jsonObject(with: Data(DemoKnowledgeBase.json.utf8)) as? NSDictionary
        #expect(onDisk != nil && onDisk == embedded)
    }

    @Test("the demo admin signs in to Arabic and English tickets on several channels, and the demo macros work on them")
    func demo() async throws {
        try await TestApp.run { app in
            let (email, password) = try await DemoData(app: app.app).seed()
            let token = try await app.token(email, password: password)
            let tickets = try await app.send(.GET, "/api/v1/tickets?limit=100", token: token).items
            #expect(tickets.count >= 8)
            #expect(Set(tickets.compactMap { $0.string("channel") }).count >= 4, "several channels")
            #expect(tickets.contains { ($0.string("subject") ?? "").unicodeScalars.contains { (0x600...0x6FF).contains($0.value) } })
            #expect(tickets.contains { ($0.string("subject") ?? "").range(of: "[A-Za-z]{4}", options: .regularExpression) != nil })

            let macros = try await app.send(.GET, "/api/v1/macros", token: token).items
            #expect(macros.count >= 3)
            let ask = try #require(macros.first { $0.string("set_status") == "pending" })
            let open = try #require(tickets.first { ["new", "open"].contains($0.string("status")) })
            let ticketID = try #require(open.int("id"))
            let applied = try await app.send(.POST, "/api/v1/tickets/\(ticketID)/macros/\(try #require(ask.int("id")))", token: token)
            #expect(applied.status == .ok && applied.object.string("status") == "pending", "\(applied.text)")
            let customerName = try #require((open["customer"] as? [String: Any])?.string("name"))
            let last = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: token).items.last
            #expect(last?.string("body")?.contains("أهلاً \(customerName)") == true)

            // The help center: every article of the file, and a Gulf Arabic question finds how to track an order.
            let file = try DemoKnowledgeFile.embedded()
            #expect(try await app.send(.GET, "/api/v1/kb/articles", token: token).items.count == file.articles.count)
            let question = "وين طلبي؟ ابي اتتبع الشحنة".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let found = try await app.send(.GET, "/api/v1/kb/search?q=\(question)&lang=ar", token: token).object["data"] as? [[String: Any]]
            let titles = found?.prefix(3).compactMap { (($0["article"] as? [String: Any])?["translations"] as? [String: [String: Any]])?["en"]?.string("title") }
            #expect(titles?.contains { $0.lowercased().contains("track") } == true, "\(titles ?? [])")

            let browser = Browser(app, language: "ar")
            try await browser.signIn(email, password: password)
            let inbox = try await browser.get("/agent?view=new")
            #expect(inbox.status == .ok && inbox.text.contains("dir=\"rtl\""))
        }
    }
}
