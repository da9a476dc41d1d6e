import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Knowledge base: bilingual articles, states, and Arabic-aware search through the API")
struct KnowledgeTests {
    @Test("staff write bilingual articles; search finds them across languages and spellings; drafts never, internal for staff")
    func articlesAndSearch() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            let agent = try await app.token("sara@example.com", password: "secret-password")
            #expect(try await app.send(.POST, "/api/v1/kb/categories", token: agent, json: ["name_ar": "الطلبات", "name_en": "Orders"]).status == .forbidden)
            let category = try await app.send(.POST, "/api/v1/kb/categories", token: admin, json: ["name_ar": "الطلبات", "name_en": "Orders"])
            #expect(category.status == .created)
            let categoryID = try #require(category.object.int("id"))

            let refund: [String: Any] = [
                "category_id": categoryID, "state": "published", "tags": ["استرجاع", "refund"],
                "translations": [
                    "ar": ["title": "استرجاع المبلغ بعد الإرجاع", "body": "يعود **المبلغ** إلى بطاقتك خلال ٥ أيام عمل.\n\n1. افتح طلباتي"],
                    "en": ["title": "Getting your money back after a return", "body": "The **amount** returns to your card within 5 working days."],
                ],
            ]
            let created = try await app.send(.POST, "/api/v1/kb/articles", token: agent, json: refund)
            #expect(created.status == .created, "\(created.text)")
            let refundID = try #require(created.object.int("id"))
            let ar = try #require((created.object["translations"] as? [String: Any])?["ar"] as? [String: Any])
            #expect(ar.string("html")?.contains("<strong>المبلغ</strong>") == true && ar.string("html")?.contains("<ol>") == true)

            let internalArticle = try await app.send(
                .POST, "/api/v1/kb/articles", token: admin,
                json: ["state": "internal", "translations": ["ar": ["title": "حدود الموافقة على الاسترجاع للموظفين", "body": "حتى ٥٠٠ ريال دون موافقة المشرف."]]])
            let internalID = try #require(internalArticle.object.int("id"))
            _ = try await app.send(
                .POST, "/api/v1/kb/articles", token: admin,
                json: ["translations": ["ar": ["title": "مسودة عن الاسترجاع", "body": "لم تكتمل بعد"]]])

            // An English question finds the article through its English text, an Arabic one with other spellings
            // through the Arabic; the internal article is there for staff; the draft is not.
            var found = try await app.send(.GET, "/api/v1/kb/search?q=money%20back%20refund&lang=en", token: agent).object
            var ids = (found["data"] as? [[String: Any]])?.compactMap { ($0["article"] as? [String: Any])?.int("id") }
            #expect(ids?.first == refundID)
            let arabic = "متى يرجع المبلغ لبطاقتي بعد الاسترجاع؟".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            found = try await app.send(.GET, "/api/v1/kb/search?q=\(arabic)&lang=ar", token: agent).object
            ids = (found["data"] as? [[String: Any]])?.compactMap { ($0["article"] as? [String: Any])?.int("id") }
            #expect(ids?.contains(refundID) == true && ids?.contains(internalID) == true, "\(found)")
            #expect((found["confidence"] as? Double ?? 0) > 0)
            let drafts = try await app.send(.GET, "/api/v1/kb/search?q=%D9%85%D8%B3%D9%88%D8%AF%D8%A9", token: agent).object["data"] as? [Any]
            #expect(drafts?.isEmpty == true)

            // A change replaces the given language and keeps the rest; search sees it at once.
            let changed = try await app.send(
                .PATCH, "/api/v1/kb/articles/\(refundID)", token: agent,
                json: ["translations": ["en": ["title": "Refund timing for card payments", "body": "Five working days to your card."]]])
            #expect(changed.status == .ok)
            let translations = try #require(changed.object["translations"] as? [String: [String: Any]])
            #expect(translations["ar"]?.string("title") == "استرجاع المبلغ بعد الإرجاع" && translations["en"]?.string("title") == "Refund timing for card payments")
            found = try await app.send(.GET, "/api/v1/kb/search?q=timing&lang=en", token: agent).object
            #expect((found["data"] as? [[String: Any]])?.first.flatMap { ($0["article"] as? [String: Any])?.int("id") } == refundID)

            // Bad input names the field and writes nothing.
            let before = try await app.send(.GET, "/api/v1/kb/articles", token: agent).items.count
            let bad = try await app.send(
                .POST, "/api/v1/kb/articles", token: agent,
                json: ["state": "secret", "category_id": 999, "translations": ["fr": ["title": "x", "body": "y"], "ar": ["title": " ", "body": "نص"]]])
            #expect(bad.status == .unprocessableEntity && bad.isProblem)
            for field in ["state", "translations.fr", "translations.ar.title"] { #expect(bad.text.contains(field), "\(field) in \(bad.text)") }
            let badCategory = try await app.send(
                .POST, "/api/v1/kb/articles", token: agent, json: ["category_id": 999, "translations": ["ar": ["title": "عنوان", "body": "نص"]]])
            #expect(badCategory.status == .unprocessableEntity && badCategory.text.contains("category_id"))
            #expect(try await app.send(.GET, "/api/v1/kb/articles", token: agent).items.count == before)
            #expect(try await app.send(.GET, "/api/v1/kb/search", token: agent).status == .unprocessableEntity)
            #expect(try await app.send(.GET, "/api/v1/kb/articles/9999", token: agent).status == .notFound)
        }
    }

    @Test("agents write and edit articles in the editor (Markdown in both languages); the ticket page suggests matching ones")
    func editorAndSuggestions() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            let browser = Browser(app, language: "ar")
            try await browser.signIn("sara@example.com", password: "secret-password")
            let form = try await browser.get("/agent/kb/new")
            #expect(form.status == .ok && form.text.contains("العنوان بالعربية"))
            let csrf = try #require(Browser.field("_csrf", in: form))
            let empty = try await browser.post("/agent/kb", ["state": "published", "_csrf": csrf])
            #expect(empty.status == .unprocessableEntity, "an article needs a text")
            let created = try await browser.post(
                "/agent/kb",
                ["state": "published", "tags": "ضمان، warranty", "title_ar": "مطالبة الضمان على الأجهزة",
                 "body_ar": "احتفظ **بالفاتورة** وافتح طلب ضمان.\r\n\r\n- صورة الجهاز", "title_en": "", "body_en": "", "_csrf": csrf])
            let location = try #require(created.headers.first(name: .location))
            #expect(location.hasPrefix("/agent/kb/") && location.hasSuffix("?done=saved"))
            let id = try #require(Int(location.dropFirst("/agent/kb/".count).prefix { $0.isNumber }))
            let article = try await app.send(.GET, "/api/v1/kb/articles/\(id)", token: token).object
            #expect((article["translations"] as? [String: Any])?.keys.sorted() == ["ar"] && article.string("state") == "published")
            #expect(article["tags"] as? [String] == ["ضمان", "warranty"])
            let page = try await browser.get(location)
            #expect(page.text.contains("<strong>بالفاتورة</strong>") && page.text.contains("<ul><li>صورة الجهاز</li></ul>"))

            let edited = try await browser.post(
                "/agent/kb/\(id)",
                ["state": "internal", "title_ar": "مطالبة الضمان على الأجهزة", "body_ar": "احتفظ بالفاتورة.",
                 "title_en": "Warranty claims", "body_en": "Keep the invoice.", "_csrf": csrf])
            #expect(edited.status == .seeOther)
            let after = try await app.send(.GET, "/api/v1/kb/articles/\(id)", token: token).object
            #expect(after.string("state") == "internal" && (after["translations"] as? [String: Any])?.count == 2)
            let list = try await browser.get("/agent/kb?q=" + "ضمان".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(list.text.contains("href=\"/agent/kb/\(id)\"") && list.text.contains("داخلي"), "staff search finds internal articles")

            let ticket = try #require(try await app.createTicket(
                token: token, subject: "الجهاز تعطل وأريد الضمان", body: "اشتريت غسالة قبل شهرين وتعطلت").int("id"))
            let ticketPage = try await browser.get("/agent/tickets/\(ticket)")
            #expect(ticketPage.text.contains("مقالات مقترحة") && ticketPage.text.contains("href=\"/agent/kb/\(id)\""))
        }
    }

    @Test("article tags may be phrases: a demo article's 'also asked as' tags save in the editor and through the API; ticket tags stay words")
    func phraseTags() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let clock = app.clock
            let ids = try await app.app.raaya.writer.write { database in
                try await DemoKnowledgeFile.embedded().store(on: database.sqlDatabase(), now: clock.now(), authorID: nil)
            }
            let id = try #require(ids["track-order"])
            let demo = try await app.send(.GET, "/api/v1/kb/articles/\(id)", token: token).object
            let tags = try #require(demo["tags"] as? [String])
            #expect(tags.contains("وين وصل الطلب") && tags.contains("where is my order"))

            // Saved in the editor as it shows it: the tags in one field, separated by Arabic commas.
            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            let form = try await browser.get("/agent/kb/\(id)")
            #expect(form.text.contains("وين وصل الطلب، فين الشحنة"))
            let csrf = try #require(Browser.field("_csrf", in: form))
            let texts = try #require(demo["translations"] as? [String: [String: Any]])
            let saved = try await browser.post(
                "/agent/kb/\(id)",
                ["state": "published", "tags": tags.joined(separator: "، "), "_csrf": csrf,
                 "title_ar": texts["ar"]?.string("title") ?? "", "body_ar": texts["ar"]?.string("body") ?? "",
                 "title_en": texts["en"]?.string("title") ?? "", "body_en": texts["en"]?.string("body") ?? ""])
            #expect(saved.status == .seeOther, "\(saved.text)")
            #expect(try await app.send(.GET, "/api/v1/kb/articles/\(id)", token: token).object["tags"] as? [String] == tags)

            // Through the API: trimmed, inner spaces made one, lower-cased, duplicates dropped.
            let changed = try await app.send(
                .PATCH, "/api/v1/kb/articles/\(id)", token: token,
                json: ["tags": ["  متى   يوصل طلبي ", "Where Is My  Order", "where is my order", "تتبع"]])
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(changed.object["tags"] as? [String] == ["متى يوصل طلبي", "where is my order", "تتبع"])

            // A comma (which the editor's field splits on), an empty tag or one too long is refused, and nothing changes.
            for bad in ["شحن، توصيل", "   ", String(repeating: "طلب ", count: 17)] {
                let refused = try await app.send(.PATCH, "/api/v1/kb/articles/\(id)", token: token, json: ["tags": ["تتبع", bad]])
                #expect(refused.status == .unprocessableEntity && refused.object.string("field") == "tags[1]", "\(bad): \(refused.text)")
            }
            #expect(try await app.send(.GET, "/api/v1/kb/articles/\(id)", token: token).object["tags"] as? [String] == ["متى يوصل طلبي", "where is my order", "تتبع"])

            // A ticket's tags, which filters name, are still single words.
            let ticket = try #require(try await app.createTicket(token: token).int("id"))
            let phrase = try await app.send(.PATCH, "/api/v1/tickets/\(ticket)", token: token, json: ["tags": ["وين وصل الطلب"]])
            #expect(phrase.status == .unprocessableEntity && phrase.text.contains("one word"))
        }
    }

    @Test("synonyms the admin adds make a question in other words find the article, both ways and across languages")
    func synonyms() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            let agent = try await app.token("sara@example.com", password: "secret-password")
            let id = try #require(try await app.send(
                .POST, "/api/v1/kb/articles", token: token,
                json: ["state": "published", "translations": ["ar": ["title": "طلب فاتورة ضريبية", "body": "تجد الفاتورة في صفحة طلباتي."]]]
            ).object.int("id"))
            func finds(_ question: String) async throws -> Bool {
                let q = question.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let data = try await app.send(.GET, "/api/v1/kb/search?q=\(q)", token: agent).object["data"] as? [[String: Any]]
                return data?.contains { ($0["article"] as? [String: Any])?.int("id") == id } == true
            }
            // "statement" is in none of the built-in everyday groups (which already join "receipt" and "invoice" to فاتورة).
            #expect(try await finds("monthly statement") == false)
            #expect(try await app.send(.PUT, "/api/v1/kb/synonyms", token: agent, json: ["groups": [["فاتورة", "receipt"]]]).status == .forbidden)
            let bad = try await app.send(.PUT, "/api/v1/kb/synonyms", token: token, json: ["groups": [["وحيدة"]]])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("groups[0]"))
            let saved = try await app.send(.PUT, "/api/v1/kb/synonyms", token: token, json: ["groups": [["فاتورة", "statement", "bill"]]])
            #expect(saved.status == .ok)
            #expect(try await finds("monthly statement"), "an English word finds the Arabic article through its synonym")

            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            let page = try await browser.get("/agent/kb")
            #expect(page.text.contains("فاتورة، statement، bill"))
            let csrf = try #require(Browser.field("_csrf", in: page))
            let posted = try await browser.post("/agent/kb/synonyms", ["synonyms": "فاتورة، invoice\r\nاسترجاع, refund", "_csrf": csrf])
            #expect(posted.headers.first(name: .location) == "/agent/kb?done=saved")
            let groups = try await app.send(.GET, "/api/v1/kb/synonyms", token: agent).object["groups"] as? [[String]]
            #expect(groups == [["فاتورة", "invoice"], ["استرجاع", "refund"]])
            let invoice = try await finds("invoice")
            let statement = try await finds("statement")
            #expect(invoice && !statement, "the new groups replace the old")
        }
    }
}

