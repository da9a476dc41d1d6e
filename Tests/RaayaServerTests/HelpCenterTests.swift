import Foundation
import RaayaCore
import SQLKit
import Testing
import Vapor
@testable import RaayaServer

@Suite("Help center: published articles in the portal, search, votes, and a request with the article attached")
struct HelpCenterTests {
    @Test("customers read and search published articles in their language; drafts and internal ones stay hidden")
    func readAndSearch() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            let category = try #require(try await app.send(
                .POST, "/api/v1/kb/categories", token: token, json: ["name_ar": "الشحن", "name_en": "Shipping"]).object.int("id"))
            func article(_ state: String, _ ar: String, _ en: String?, body: String) async throws -> Int {
                var translations: [String: Any] = ["ar": ["title": ar, "body": body]]
                if let en { translations["en"] = ["title": en, "body": "English: " + body] }
                let created = try await app.send(
                    .POST, "/api/v1/kb/articles", token: token, json: ["category_id": category, "state": state, "translations": translations])
                return try #require(created.object.int("id"))
            }
            let delivery = try await article(
                "published", "مواعيد توصيل الطلبات", "Delivery times",
                body: "يصل طلبك خلال **٣ أيام عمل** داخل الرياض.\n\n<script>window.__xss=1</script>")
            let hidden = try await article("internal", "تعويض التأخير للموظفين فقط", nil, body: "حتى ٥٠ ريالاً.")
            let draft = try await article("draft", "مسودة عن التوصيل", nil, body: "لم تكتمل")
            _ = try await app.send(.PATCH, "/api/v1/kb/articles/\(delivery)", token: token, json: ["related": [hidden]])

            let arabic = Browser(app, language: "ar")
            let home = try await arabic.get("/help/kb")
            #expect(home.status == .ok && home.text.contains("الشحن") && home.text.contains("مواعيد توصيل الطلبات"))
            #expect(!home.text.contains("تعويض التأخير") && !home.text.contains("مسودة"))
            let search = try await arabic.get("/help/kb?q=" + "متى يوصل الطلب".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(search.text.contains("href=\"/help/kb/\(delivery)\""))
            #expect(!(try await arabic.get("/help/kb?q=%D8%AA%D8%B9%D9%88%D9%8A%D8%B6")).text.contains("/help/kb/\(hidden)"))

            let page = try await arabic.get("/help/kb/\(delivery)")
            #expect(page.text.contains("<strong>٣ أيام عمل</strong>") && page.text.contains("lang=\"ar\" dir=\"rtl\""))
            #expect(!page.text.contains("<script>window") && page.text.contains("&lt;script&gt;"))
            #expect(!page.text.contains("تعويض التأخير"), "an internal related article is not shown")
            #expect(page.text.contains("href=\"/help?article=\(delivery)\""))
            #expect(try await arabic.get("/help/kb/\(hidden)").status == .notFound)
            #expect(try await arabic.get("/help/kb/\(draft)").status == .notFound)
            #expect(try await Browser(app, language: "en").get("/help/kb/\(delivery)").text.contains("English: "))

            // A vote is counted on the article.
            let csrf = try #require(Browser.field("_csrf", in: page))
            let voted = try await arabic.post("/help/kb/\(delivery)/vote", ["helpful": "yes", "_csrf": csrf])
            #expect(voted.headers.first(name: .location) == "/help/kb/\(delivery)?voted=1")
            #expect(try await arabic.post("/help/kb/\(delivery)/vote", ["helpful": "no", "_csrf": "x"]).status == .forbidden)
            let counted = try await app.send(.GET, "/api/v1/kb/articles/\(delivery)", token: token).object
            #expect(counted.int("helpful") == 1 && counted.int("not_helpful") == 0)

            // "Still need help?": the request form knows the article, and the ticket carries it.
            let form = try await arabic.get("/help?article=\(delivery)")
            #expect(form.text.contains("بخصوص المقال") && form.text.contains("name=\"article_id\" value=\"\(delivery)\""))
            let sent = try await PortalTests.submit(
                arabic, fields: ["email": "salma@example.com", "subject": "طلبي متأخر", "body": "مر أسبوع ولم يصل", "article_id": String(delivery)],
                file: nil)
            #expect(sent.status == .ok)
            let ticket = try #require(try await app.send(.GET, "/api/v1/tickets", token: token).items.first?.int("id"))
            let first = try await app.send(.GET, "/api/v1/tickets/\(ticket)/messages", token: token).items.first?.string("body")
            #expect(first?.hasPrefix("مر أسبوع ولم يصل") == true && first?.contains("مواعيد توصيل الطلبات") == true, "\(first ?? "")")
            #expect(first?.contains("/help/kb/\(delivery)") == true)
        }
    }
}
