import Foundation
import RaayaCore
import RaayaMail
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
            // The self-service report counts the two readings of the published article (not the refused ones) and the vote.
            let selfService = try await app.send(.GET, "/api/v1/reports/self_service?period=day", token: token).object
            let total = selfService["total"] as? [String: Any]
            #expect(total?.int("article_views") == 2 && total?.int("helpful_votes") == 1 && total?.int("unhelpful_votes") == 0)

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

    @Test("a new request's acknowledgement suggests matching articles, and 'this solved it' closes the ticket as self-service")
    func acknowledgementSuggestsArticles() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            _ = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: ["address": "help@waha.example", "name": "الواحة"])
            func publish(_ ar: String, _ en: String, body: String) async throws -> Int {
                let created = try await app.send(
                    .POST, "/api/v1/kb/articles", token: token,
                    json: ["state": "published", "translations": ["ar": ["title": ar, "body": body], "en": ["title": en, "body": "In English: " + body]]])
                return try #require(created.object.int("id"))
            }
            let refund = try await publish("كيف أسترد المبلغ بعد الإرجاع؟", "How do I get a refund?", body: "يعود المبلغ إلى بطاقتك خلال ٥ أيام عمل.")
            let gifts = try await publish("بطاقات الهدايا", "Gift cards", body: "اشترِ بطاقة هدية من التطبيق.")

            func acknowledgement(_ number: Int) async throws -> String {
                let rows = try await app.app.db.sqlDatabase().raw(
                    "SELECT payload FROM outbox WHERE kind = 'acknowledgement' ORDER BY id").all()
                return MailMessage.parse(Array(try rows[number].decode(column: "payload", as: Data.self))).preferredText
            }
            func solvedLink(in text: String) throws -> String {
                let start = try #require(text.range(of: "/help/solved/"))
                return String(text[start.lowerBound...].prefix { !$0.isWhitespace })
            }

            let customer = Browser(app, language: "ar")
            let sent = try await PortalTests.submit(
                customer, fields: ["email": "salma@example.com", "subject": "استرداد المبلغ", "body": "متى يرجع المبلغ إلى بطاقتي؟"],
                file: nil)
            #expect(sent.status == .ok)
            let ticket = try #require(try await app.send(.GET, "/api/v1/tickets", token: token).items.first?.int("id"))
            let text = try await acknowledgement(0)
            #expect(text.contains("كيف أسترد المبلغ بعد الإرجاع؟") && text.contains("/help/kb/\(refund)"), "\(text)")
            #expect(!text.contains("بطاقات الهدايا") && !text.contains("/help/kb/\(gifts)"), "an unrelated article is not suggested")
            let link = try solvedLink(in: text)

            // A link for another ticket, or a changed number, is refused.
            let forged = link.replacingOccurrences(of: "/v1.\(ticket).", with: "/v1.\(ticket + 1).")
            #expect(try await customer.get(forged).status == .notFound)
            #expect(try await customer.get("/help/solved/v1.\(ticket).\(refund).00").status == .notFound)

            // Opening the link only asks (mail scanners open links); confirming solves the ticket.
            let page = try await customer.get(link)
            #expect(page.status == .ok && page.text.contains("نعم، حُلّت مشكلتي"))
            let status = { try await app.send(.GET, "/api/v1/tickets/\(ticket)", token: token).object.string("status") }
            #expect(try await status() == "new")
            let csrf = try #require(Browser.field("_csrf", in: page))
            #expect(try await customer.post(link, ["_csrf": "x"]).status == .forbidden)
            let solved = try await customer.post(link, ["_csrf": csrf])
            #expect(solved.status == .ok && solved.text.contains("أغلقنا طلبك"))
            #expect(try await status() == "solved")
            let events = try await app.send(.GET, "/api/v1/tickets/\(ticket)/events", token: token).items
            #expect(events.contains { $0.string("kind") == "self_service_solved" })
            // A second confirmation changes nothing.
            #expect(try await customer.post(link, ["_csrf": csrf]).text.contains("هذا الطلب مغلق بالفعل"))

            // A request by email gets suggestions in English too; one that matches nothing gets none.
            let mail = """
                From: Omar <omar@example.com>\r\nTo: help@waha.example\r\nSubject: refund\r\nMessage-ID: <r1@example.com>\r\n\
                Content-Type: text/plain; charset=utf-8\r\n\r\nWhen will I get my refund? شكرا\r\n
                """
            #expect(try await app.sendMail(token: token, Array(mail.utf8)).object.string("outcome") == "opened")
            let english = try await acknowledgement(1)
            #expect(english.contains("How do I get a refund?") && english.contains("/help/solved/"), "\(english)")
            let unrelated = """
                From: Omar <omar@example.com>\r\nTo: help@waha.example\r\nSubject: مرحبا\r\nMessage-ID: <r2@example.com>\r\n\
                Content-Type: text/plain; charset=utf-8\r\n\r\nأريد التحدث مع موظف عن الشراكة التجارية\r\n
                """
            _ = try await app.sendMail(token: token, Array(unrelated.utf8))
            #expect(try await !acknowledgement(2).contains("/help/solved/"))
        }
    }
}
