import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Admin: staff, groups, macros, branding and languages, through the API and the admin pages")
struct AdminTests {
    @Test("an admin changes a staff member's role and groups and a group's tier; the last admin stays admin")
    func usersAndGroups() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let billing = try await app.createGroup(token: admin, name: "الفواتير")
            let experts = try await app.createGroup(token: admin, name: "الخبراء", tier: 2)
            let saraID = try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent, groups: [billing])
            let sara = try await app.token("sara@example.com", password: "secret-password")
            let hidden = try #require(try await app.createTicket(token: admin, subject: "مشكلة تقنية", groupID: experts).int("id"))
            #expect(try await app.send(.GET, "/api/v1/tickets/\(hidden)", token: sara).status == .notFound)

            let changed = try await app.send(
                .PATCH, "/api/v1/users/\(saraID)", token: admin, json: ["role": "supervisor", "group_ids": [experts], "name": "سارة أحمد"])
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(changed.object.string("role") == "supervisor" && changed.object.string("name") == "سارة أحمد")
            #expect(changed.object["group_ids"] as? [Int] == [experts])
            // The change takes effect on her next request.
            #expect(try await app.send(.GET, "/api/v1/tickets/\(hidden)", token: sara).status == .ok)
            #expect(try await app.send(.PATCH, "/api/v1/users/1", token: sara, json: ["role": "agent"]).status == .forbidden)

            let unknownGroup = try await app.send(.PATCH, "/api/v1/users/\(saraID)", token: admin, json: ["group_ids": [999]])
            #expect(unknownGroup.status == .unprocessableEntity && unknownGroup.isProblem && unknownGroup.text.contains("group_ids[0]"))
            #expect(try await app.send(.GET, "/api/v1/users", token: admin).items.first { $0.int("id") == saraID }?["group_ids"] as? [Int] == [experts])
            let lastAdmin = try await app.send(.PATCH, "/api/v1/users/1", token: admin, json: ["role": "agent"])
            #expect(lastAdmin.status == .conflict, "\(lastAdmin.text)")

            let tier = try await app.send(.PATCH, "/api/v1/groups/\(billing)", token: admin, json: ["tier": 3, "name": "الفوترة"])
            #expect(tier.object.int("tier") == 3 && tier.object.string("name") == "الفوترة")
            let bad = try await app.send(.PATCH, "/api/v1/groups/\(billing)", token: admin, json: ["tier": 0])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("\"tier\""))
            let taken = try await app.send(.PATCH, "/api/v1/groups/\(billing)", token: admin, json: ["name": "الخبراء"])
            #expect(taken.status == .conflict)
        }
    }

    @Test("macros: kept by admins and supervisors, applied by agents — text with placeholders, status and tags in one step")
    func macros() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent)
            try await app.createUser(email: "huda@example.com", name: "هدى", role: .supervisor)
            let agent = try await app.token("sara@example.com", password: "secret-password")
            let supervisor = try await app.token("huda@example.com", password: "secret-password")
            let macro: [String: Any] = [
                "title": "تأكيد الاسترجاع", "body": "أهلاً {{customer.name}}، تم استرجاع مبلغ الطلب #{{ ticket.id }}. {{agent.name}}",
                "set_status": "solved", "add_tags": ["استرجاع", "refund"],
            ]
            #expect(try await app.send(.POST, "/api/v1/macros", token: agent, json: macro).status == .forbidden)
            let created = try await app.send(.POST, "/api/v1/macros", token: supervisor, json: macro)
            #expect(created.status == .created, "\(created.text)")
            let macroID = try #require(created.object.int("id"))
            let typo = try await app.send(.POST, "/api/v1/macros", token: admin, json: ["title": "خطأ", "body": "مرحباً {{customer.nmae}}"])
            #expect(typo.status == .unprocessableEntity && typo.text.contains("customer.nmae") && typo.text.contains("\"body\""))
            let empty = try await app.send(.POST, "/api/v1/macros", token: admin, json: ["title": "فارغ"])
            #expect(empty.status == .unprocessableEntity)
            let duplicate = try await app.send(.POST, "/api/v1/macros", token: admin, json: macro)
            #expect(duplicate.status == .conflict)
            #expect(try await app.send(.GET, "/api/v1/macros", token: agent).items.map { $0.string("title") } == ["تأكيد الاسترجاع"])

            let ticket = try await app.createTicket(token: admin, subject: "أريد استرجاع المبلغ", tags: ["عاجل"])
            let ticketID = try #require(ticket.int("id"))
            let applied = try await app.send(.POST, "/api/v1/tickets/\(ticketID)/macros/\(macroID)", token: agent)
            #expect(applied.status == .ok, "\(applied.text)")
            #expect(applied.object.string("status") == "solved")
            #expect((applied.object["tags"] as? [String])?.sorted() == ["refund", "استرجاع", "عاجل"])
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items
            #expect(messages.last?.string("body") == "أهلاً نورة، تم استرجاع مبلغ الطلب #\(ticketID). سارة")
            #expect(messages.last?["internal"] as? Bool == false)

            let note = try await app.send(
                .PATCH, "/api/v1/macros/\(macroID)", token: admin, json: ["internal": true, "set_status": "", "add_tags": []])
            #expect(note.object["internal"] as? Bool == true && note.object["set_status"] is NSNull)
            #expect(note.object.string("title") == "تأكيد الاسترجاع", "fields left out stay")
            #expect(try await app.send(.POST, "/api/v1/tickets/\(ticketID)/macros/999", token: agent).status == .notFound)
            #expect(try await app.send(.DELETE, "/api/v1/macros/\(macroID)", token: agent).status == .forbidden)
            #expect(try await app.send(.DELETE, "/api/v1/macros/\(macroID)", token: admin).status == .noContent)
            #expect(try await app.send(.GET, "/api/v1/macros", token: agent).items.isEmpty)
        }
    }

    @Test("branding and languages: name, colour and logo on every page; a language not offered is not shown")
    func brandingAndLanguages() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let badColour = try await app.send(.PUT, "/api/v1/settings/branding", token: admin, json: ["accent_color": "red; } body { x"])
            #expect(badColour.status == .unprocessableEntity && badColour.text.contains("accent_color"))
            let saved = try await app.send(
                .PUT, "/api/v1/settings/branding", token: admin,
                json: ["name_ar": "متجر الواحة <b>", "name_en": "Oasis Store", "accent_color": "#A3C"])
            #expect(saved.object.string("accent_color") == "#aa33cc")

            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 40)
            var buffer = ByteBuffer()
            buffer.writeBytes(png)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: admin)
            headers.contentType = HTTPMediaType(type: "image", subType: "png")
            let uploaded = try await app.app.testing().sendRequest(.PUT, "/api/v1/settings/branding/logo", headers: headers, body: buffer)
            #expect(uploaded.status == .ok)
            headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
            let svg = try await app.app.testing().sendRequest(.PUT, "/api/v1/settings/branding/logo", headers: headers, body: buffer)
            #expect(svg.status == .unprocessableEntity, "SVG can carry script")
            let logo = try await app.app.testing().sendRequest(.GET, "/branding/logo")
            #expect(logo.status == .ok && logo.headers.contentType?.description == "image/png" && Array(buffer: logo.body) == png)

            let arabic = try await Browser(app, language: "ar").get("/sign-in")
            #expect(arabic.text.contains("متجر الواحة &lt;b&gt;") && arabic.text.contains("--accent: #aa33cc"))
            #expect(arabic.text.contains("src=\"/branding/logo\""))
            let english = try await Browser(app, language: "en").get("/help")
            #expect(english.text.contains("Oasis Store") && english.text.contains("dir=\"ltr\""))

            let refused = try await app.send(.PUT, "/api/v1/settings/languages", token: admin, json: ["offered": ["en"], "default": "ar"])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("\"default\""))
            let englishOnly = try await app.send(.PUT, "/api/v1/settings/languages", token: admin, json: ["offered": ["en"], "default": "en"])
            #expect(englishOnly.status == .ok)
            let page = try await Browser(app, language: "ar").get("/sign-in")
            #expect(page.text.contains("<html lang=\"en\" dir=\"ltr\">"), "Arabic is not offered now")
            #expect(!page.text.contains("href=\"/language?to=ar\""), "no switch to a language not offered")
        }
    }

    @Test("the admin pages: add a user, a group, a mailbox and a macro by form; agents are refused; the ticket page applies the macro and merges")
    func adminPages() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let browser = Browser(app, language: "ar")
            try await browser.signIn()
            let groupsPage = try await browser.get("/admin/groups")
            #expect(groupsPage.status == .ok && groupsPage.text.contains("إضافة مجموعة"))
            let csrf = try #require(Browser.field("_csrf", in: groupsPage))
            #expect(try await browser.post("/admin/groups", ["name": "الدعم", "tier": "١", "_csrf": "x"]).status == .forbidden)
            let made = try await browser.post("/admin/groups", ["name": "الدعم <script>alert(1)</script>", "tier": "٢", "_csrf": csrf])
            #expect(made.headers.first(name: .location) == "/admin/groups?done=saved")
            let groups = try await app.send(.GET, "/api/v1/groups", token: token).items
            let group = try #require(groups.first { $0.string("name") == "الدعم <script>alert(1)</script>" })
            #expect(group.int("tier") == 2)
            let listed = try await browser.get("/admin/groups?done=saved")
            #expect(listed.text.contains("حُفظت التغييرات") && !listed.text.contains("<script>alert(1)"))
            let groupID = try #require(group.int("id"))

            let added = try await browser.post(
                "/admin/users",
                ["name": "ليلى", "email": "layla@example.com", "password": "secret-password", "role": "agent",
                 "group_\(groupID)": "on", "_csrf": csrf])
            #expect(added.status == .seeOther)
            let layla = try #require(try await app.send(.GET, "/api/v1/users", token: token).items.first { $0.string("email") == "layla@example.com" })
            #expect(layla["group_ids"] as? [Int] == [groupID] && layla.string("role") == "agent")
            let short = try await browser.post(
                "/admin/users", ["name": "قصير", "email": "short@example.com", "password": "123", "role": "agent", "_csrf": csrf])
            #expect(short.status == .unprocessableEntity && short.text.contains("password"))

            let mailbox = try await browser.post(
                "/admin/mailboxes",
                ["address": "Support@Oasis.example", "name": "دعم الواحة", "group_id": String(groupID), "language": "ar", "_csrf": csrf])
            #expect(mailbox.status == .seeOther)
            #expect(try await browser.get("/admin/mailboxes").text.contains("support@oasis.example"))

            let chat = try await browser.post("/admin/chat", ["wait_alert_seconds": "١٢٠", "group_id": String(groupID), "_csrf": csrf])
            #expect(chat.status == .seeOther)
            let settings = try await app.send(.GET, "/api/v1/channels/chat", token: token).object
            #expect(settings["enabled"] as? Bool == false && settings.int("wait_alert_seconds") == 120 && settings.int("group_id") == groupID)

            let macro = try await browser.post(
                "/admin/macros",
                ["title": "طلب رقم الطلب", "body": "أهلاً {{customer.name}}، نرجو تزويدنا برقم الطلب.", "set_status": "pending",
                 "add_tags": "معلومات، ناقصة", "_csrf": csrf])
            #expect(macro.status == .seeOther)
            let macroID = try #require(try await app.send(.GET, "/api/v1/macros", token: token).items.first?.int("id"))

            let ticket = try #require(try await app.createTicket(token: token, subject: "لم يصل الطلب").int("id"))
            let other = try #require(try await app.createTicket(token: token, subject: "الطلب نفسه مرة أخرى").int("id"))
            let ticketPage = try await browser.get("/agent/tickets/\(ticket)")
            #expect(ticketPage.text.contains("<option value=\"\(macroID)\">طلب رقم الطلب</option>"))
            let applied = try await browser.post("/agent/tickets/\(ticket)/macro", ["macro_id": String(macroID), "_csrf": csrf])
            #expect(applied.headers.first(name: .location) == "/agent/tickets/\(ticket)?done=macro")
            let after = try await app.send(.GET, "/api/v1/tickets/\(ticket)", token: token).object
            #expect(after.string("status") == "pending" && (after["tags"] as? [String])?.sorted() == ["معلومات", "ناقصة"])
            #expect(try await browser.get("/agent/tickets/\(ticket)?done=macro").text.contains("أهلاً نورة، نرجو تزويدنا برقم الطلب."))

            let merged = try await browser.post("/agent/tickets/\(other)/merge", ["into": "#\(String(ticket).arabicIndicDigits)", "_csrf": csrf])
            #expect(merged.headers.first(name: .location) == "/agent/tickets/\(ticket)?done=merged")
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticket)/messages", token: token).items
            #expect(messages.contains { ($0.string("body") ?? "").contains("أين فاتورتي") })
            let bad = try await browser.post("/agent/tickets/\(ticket)/merge", ["into": "غداً", "_csrf": csrf])
            #expect(bad.status == .unprocessableEntity)

            // An agent may apply macros but not keep them, nor open the other admin pages.
            let agent = Browser(app, language: "en")
            try await agent.signIn("layla@example.com", password: "secret-password")
            #expect(try await agent.get("/admin/users").status == .forbidden)
            #expect(try await agent.get("/admin/macros").status == .forbidden)
            #expect(!(try await agent.get("/agent").text.contains("href=\"/admin\"")))
            try await app.createUser(email: "huda@example.com", name: "هدى", role: .supervisor)
            let supervisor = Browser(app, language: "ar")
            try await supervisor.signIn("huda@example.com", password: "secret-password")
            #expect(try await supervisor.get("/admin/macros").status == .ok)
            #expect(try await supervisor.get("/admin/appearance").status == .forbidden)
            #expect(try await supervisor.get("/admin").headers.first(name: .location) == "/admin/macros")
        }
    }
}

extension String {
    /// The same number in Arabic-Indic digits (٠–٩), as an Arabic keyboard types it.
    var arabicIndicDigits: String {
        String(String.UnicodeScalarView(unicodeScalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value - 0x30 + 0x660)! : $0 }))
    }
}
