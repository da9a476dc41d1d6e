import Foundation
import NIOCore
import RaayaCore
import SQLKit
import Testing
import Vapor
@testable import RaayaServer

@Suite("Email: mailboxes, inbound mail, threading, SMTP")
struct EmailTests {
    /// A mail as an Arabic customer's Outlook would send it: windows-1256, an encoded-word subject, quoted-printable.
    static func windows1256Mail(messageID: String, to: String = "support@raaya.test") -> [UInt8] {
        Array("""
            From: =?UTF-8?B?2YbZiNix2Kkg2KfZhNi52KrZitio2Yo=?= <Noura@Example.com>\r
            To: =?UTF-8?B?2K7Yr9mF2Kk=?= <\(to)>\r
            Subject: =?windows-1256?B?x9PK3dPH0SDa5CDH4d3HyubRyQ==?=\r
            Message-ID: <\(messageID)>\r
            Date: Sun, 22 Nov 2026 09:15:00 +0300\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset="windows-1256"\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            =E3=D1=CD=C8=C7=A1 =E1=E3 =CA=D5=E1=E4=ED =C7=E1=DD=C7=CA=E6=D1=C9 =C8=DA=\r
            =CF.\r

            """.utf8)
    }

    /// A UTF-8 reply, optionally answering `inReplyTo`, with the earlier conversation quoted.
    static func reply(
        messageID: String, inReplyTo: String? = nil, subject: String = "Re: استفسار عن الفاتورة",
        from: String = "noura@example.com", extra: String = ""
    ) -> [UInt8] {
        let threading = inReplyTo.map { "In-Reply-To: <\($0)>\r\nReferences: <\($0)>\r\n" } ?? ""
        return Array("""
            From: Noura <\(from)>\r
            To: support@raaya.test\r
            Subject: \(subject)\r
            Message-ID: <\(messageID)>\r
            \(threading)\(extra)MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            وصلتني الآن، شكراً لكم.\r
            \r
            > مرحبا، لم تصلني الفاتورة بعد.\r

            """.utf8)
    }

    static func mailbox(_ app: TestApp, token: String, groupID: Int? = nil) async throws -> Int {
        var json: [String: Any] = ["address": "Support@Raaya.test", "name": "الدعم Support", "language": "ar"]
        if let groupID { json["group_id"] = groupID }
        let response = try await app.send(.POST, "/api/v1/mailboxes", token: token, json: json)
        #expect(response.status == .created, "\(response.text)")
        return try #require(response.object.int("id"))
    }

    @Test("admins add mailboxes; the address is checked and unique; agents may not add one")
    func mailboxes() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let group = try await app.createGroup(token: admin, name: "الفوترة Billing")
            let id = try await Self.mailbox(app, token: admin, groupID: group)
            let list = try await app.send(.GET, "/api/v1/mailboxes", token: admin)
            #expect(list.items.map { $0.string("address") } == ["support@raaya.test"])
            #expect(list.items.first?.int("group_id") == group)
            #expect(list.items.first?.int("id") == id)

            let again = try await app.send(
                .POST, "/api/v1/mailboxes", token: admin, json: ["address": "support@raaya.test", "name": "ثانٍ"])
            #expect(again.status == .conflict)
            let bad = try await app.send(.POST, "/api/v1/mailboxes", token: admin, json: ["address": "دعم", "name": "x"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("address"))

            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            let refused = try await app.send(
                .POST, "/api/v1/mailboxes", token: agent, json: ["address": "sales@raaya.test", "name": "المبيعات"])
            #expect(refused.status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/mailboxes", token: admin).items.count == 1)
        }
    }

    @Test("an Arabic windows-1256 mail opens an email ticket in the mailbox's group, from a customer found by address")
    func inboundOpensTicket() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let group = try await app.createGroup(token: admin, name: "الفوترة Billing")
            _ = try await Self.mailbox(app, token: admin, groupID: group)
            let answer = try await app.sendMail(token: admin, Self.windows1256Mail(messageID: "m1@example.com"))
            #expect(answer.status == .accepted, "\(answer.text)")
            #expect(answer.object.string("outcome") == "opened")
            let ticketID = try #require(answer.object.int("ticket_id"))

            let ticket = try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: admin).object
            #expect(ticket.string("subject") == "استفسار عن الفاتورة")
            #expect(ticket.string("channel") == "email")
            #expect((ticket["group"] as? [String: Any])?.int("id") == group)
            let customer = try #require(ticket["customer"] as? [String: Any])
            #expect(customer.string("name") == "نورة العتيبي")
            #expect(customer.string("email") == "noura@example.com")
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items
            #expect(messages.first?.string("body") == "مرحبا، لم تصلني الفاتورة بعد.")
            // Arabic search finds it (the ال prefix and ة/ه fold).
            let found = try await app.send(.GET, "/api/v1/search?q=فاتوره", token: admin).object
            #expect((found["tickets"] as? [[String: Any]])?.compactMap { $0.int("id") } == [ticketID])
        }
    }

    @Test("replies thread by In-Reply-To and by [#N] from the ticket's customer; a repeated Message-ID stores nothing")
    func threading() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            _ = try await Self.mailbox(app, token: admin)
            let first = try await app.sendMail(token: admin, Self.windows1256Mail(messageID: "m1@example.com"))
            let ticketID = try #require(first.object.int("ticket_id"))

            let reply = try await app.sendMail(token: admin, Self.reply(messageID: "m2@example.com", inReplyTo: "m1@example.com"))
            #expect(reply.object.string("outcome") == "added")
            #expect(reply.object.int("ticket_id") == ticketID)

            let again = try await app.sendMail(token: admin, Self.reply(messageID: "m2@example.com", inReplyTo: "m1@example.com"))
            #expect(again.status == .accepted)
            #expect(again.object.string("outcome") == "duplicate")
            #expect(try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items.count == 2)

            let token = try await app.sendMail(
                token: admin, Self.reply(messageID: "m3@example.com", subject: "Re: [#\(ticketID)] الفاتورة"))
            #expect(token.object.string("outcome") == "added")
            #expect(token.object.int("ticket_id") == ticketID)

            // The same token from someone else is not theirs to reply to: a new ticket.
            let stranger = try await app.sendMail(
                token: admin,
                Self.reply(messageID: "m4@example.com", subject: "[#\(ticketID)] hello", from: "other@example.com"))
            #expect(stranger.object.string("outcome") == "opened")
            #expect(stranger.object.int("ticket_id") != ticketID)
            #expect(try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items.count == 3)
        }
    }

    @Test("auto-replies are kept without a ticket; mail for no mailbox is refused and stores nothing")
    func automaticAndUnknown() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            _ = try await Self.mailbox(app, token: admin)
            let outOfOffice = try await app.sendMail(
                token: admin,
                Self.reply(messageID: "ooo@example.com", subject: "خارج المكتب: Out of office", extra: "Auto-Submitted: auto-replied\r\n"))
            #expect(outOfOffice.status == .accepted)
            #expect(outOfOffice.object.string("outcome") == "ignored")
            #expect(try await app.send(.GET, "/api/v1/tickets", token: admin).items.isEmpty)

            let elsewhere = try await app.sendMail(
                token: admin, Self.windows1256Mail(messageID: "x@example.com", to: "sales@raaya.test"))
            #expect(elsewhere.status == .unprocessableEntity)
            #expect(elsewhere.text.contains("\"to\""))
            let stored = try await app.app.db.sqlDatabase().raw("SELECT outcome FROM inbound_mails").all()
                .map { try $0.decode(column: "outcome", as: String.self) }
            #expect(stored == ["ignored"])

            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            #expect(try await app.sendMail(token: agent, Self.windows1256Mail(messageID: "y@example.com")).status == .forbidden)
        }
    }

    @Test("HTML mail keeps its HTML, sanitized; a customer's quoted conversation and signature come folded apart")
    func htmlAndQuotedParts() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            _ = try await Self.mailbox(app, token: admin)
            let raw = Array("""
                From: Noura <noura@example.com>\r
                To: support@raaya.test\r
                Subject: =?UTF-8?B?2KfZhNmB2KfYqtmI2LHYqQ==?=\r
                Message-ID: <html-1@example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                الفاتورة خاطئة، المبلغ مكرر.\r
                \r
                في ٢٠ نوفمبر ٢٠٢٦، كتب فريق الدعم:\r
                > هل وصلتك الفاتورة؟\r
                --b1\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <p dir="rtl" onclick="steal()">الفاتورة <b>خاطئة</b>، المبلغ مكرر.</p><script>alert(1)</script>\r
                <img src="https://tracker.example/x.gif" onerror="alert(2)"><a href="javascript:alert(3)">رابط</a>\r
                --b1--\r

                """.utf8)
            let sent = try await app.sendMail(token: admin, raw)
            let ticketID = try #require(sent.object.int("ticket_id"))
            let message = try #require(try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items.first)
            let html = try #require(message.string("html"))
            #expect(html.contains("<b>خاطئة</b>"))
            for unsafe in ["<script", "onclick", "onerror", "javascript:", "alert("] {
                #expect(!html.contains(unsafe), "sanitized HTML still has \(unsafe): \(html)")
            }
            let folded = try #require(message["folded"] as? [String: Any])
            #expect(folded.string("reply") == "الفاتورة خاطئة، المبلغ مكرر.")
            #expect(folded.string("quoted")?.hasPrefix("في ٢٠ نوفمبر ٢٠٢٦، كتب فريق الدعم:") == true)
            #expect(message.string("body")?.contains("> هل وصلتك الفاتورة؟") == true, "the body keeps everything")

            // An agent's reply is shown whole, and has no HTML.
            let reply = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: admin,
                json: ["body": "نعتذر، صححنا الفاتورة.\n\n> الفاتورة خاطئة"])
            #expect(reply.object["folded"] == nil && reply.object["html"] == nil)
        }
    }

    @Test("mail that cannot become a ticket is kept as it arrived; admins list it by outcome and read the raw message")
    func keptMailIsVisible() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            _ = try await Self.mailbox(app, token: admin)
            let raw = Array("To: support@raaya.test\r\nSubject: رسالة بلا مرسل\r\nMessage-ID: <no-from@example.com>\r\n\r\nمن أنا؟\r\n".utf8)
            let kept = try await app.sendMail(token: admin, raw)
            #expect(kept.status == .accepted)
            #expect(kept.object.string("outcome") == "kept")
            _ = try await app.sendMail(token: admin, Self.windows1256Mail(messageID: "w@example.com"))

            let list = try await app.send(.GET, "/api/v1/channels/email/inbound?outcome=kept", token: admin)
            #expect(list.status == .ok)
            #expect(list.items.count == 1)
            let item = try #require(list.items.first)
            #expect(item.string("reason") == "no sender address")
            #expect(item.string("message_id") == "no-from@example.com")
            #expect(item.int("size") == raw.count)
            #expect(item["ticket_id"] == nil || item["ticket_id"] is NSNull)
            #expect(try await app.send(.GET, "/api/v1/channels/email/inbound", token: admin).items.count == 2)
            #expect(try await app.send(.GET, "/api/v1/channels/email/inbound?outcome=lost", token: admin).status == .unprocessableEntity)

            let id = try #require(item.int("id"))
            let body = try await app.send(.GET, "/api/v1/channels/email/inbound/\(id)/raw", token: admin)
            #expect(Array(body.body) == raw)
            #expect(body.headers.first(name: .contentType) == "message/rfc822")

            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            #expect(try await app.send(.GET, "/api/v1/channels/email/inbound", token: agent).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/channels/email/inbound/\(id)/raw", token: agent).status == .forbidden)
        }
    }

    @Test("Python's smtplib delivers to the SMTP listener: unknown recipients refused, the mail becomes a ticket")
    func smtpFromPython() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            _ = try await Self.mailbox(app, token: admin)
            let listener = try await SMTPListener.start(
                host: "127.0.0.1", port: 0, hostname: "raaya.test", group: app.app.eventLoopGroup,
                delivery: .storing(in: app.app), logger: app.app.logger)
            let output: String
            do {
                output = try await Self.python(
                    """
                    import smtplib, sys
                    from email.message import EmailMessage
                    m = EmailMessage()
                    m["From"] = "سلمى <salma@example.com>"
                    m["To"] = "support@raaya.test, nobody@raaya.test"
                    m["Subject"] = "طلب استرجاع المبلغ — refund"
                    m["Message-ID"] = "<smtp-1@example.com>"
                    m.set_content("أرجو استرجاع المبلغ.\\nPlease refund me.")
                    with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=20) as s:
                        refused = s.send_message(m)
                        print("refused:", sorted(refused))
                    """, arguments: [String(listener.port)])
            } catch {
                await listener.stop()
                throw error
            }
            await listener.stop()
            #expect(output.contains("refused: ['nobody@raaya.test']"), "\(output)")
            let tickets = try await app.send(.GET, "/api/v1/tickets", token: admin).items
            #expect(tickets.map { $0.string("subject") } == ["طلب استرجاع المبلغ — refund"])
            #expect(tickets.first?.string("channel") == "email")
        }
    }

    @Test("attachments are kept on the file store and listed with their message; only those who see the ticket get them")
    func attachments() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let group = try await app.createGroup(token: admin, name: "الفوترة Billing")
            _ = try await Self.mailbox(app, token: admin, groupID: group)
            let pdf = Array("%PDF-1.4 فاتورة رقم ١٠٤٢".utf8)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            let mail = Array("""
                From: Noura <noura@example.com>\r
                To: support@raaya.test\r
                Subject: الفاتورة مرفقة\r
                Message-ID: <att-1@example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                أرفقت الفاتورة وصورة الإيصال.\r
                --b1\r
                Content-Type: application/pdf\r
                Content-Disposition: attachment; filename*=utf-8''%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9.pdf\r
                Content-Transfer-Encoding: base64\r
                \r
                \(Data(pdf).base64EncodedString())\r
                --b1\r
                Content-Type: image/png\r
                Content-ID: <receipt@example.com>\r
                Content-Disposition: inline\r
                Content-Transfer-Encoding: base64\r
                \r
                \(Data(png).base64EncodedString())\r
                --b1--\r

                """.utf8)
            let answer = try await app.sendMail(token: admin, mail)
            let ticketID = try #require(answer.object.int("ticket_id"))
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items
            let attachments = try #require(messages.first?["attachments"] as? [[String: Any]])
            #expect(attachments.map { $0.string("filename") } == ["فاتورة.pdf", "attachment"])
            #expect(attachments.map { $0["inline"] as? Bool } == [false, true])
            #expect(attachments.last?.string("content_id") == "receipt@example.com")
            let pdfID = try #require(attachments.first?.int("id"))

            let download = try await app.send(.GET, "/api/v1/attachments/\(pdfID)", token: admin)
            #expect(download.status == .ok)
            #expect(Array(download.body) == pdf)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition)?.contains("%D9%81") == true)

            // An agent outside the ticket's group sees neither the ticket nor its files.
            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            #expect(try await app.send(.GET, "/api/v1/attachments/\(pdfID)", token: agent).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/attachments/999999", token: admin).status == .notFound)
        }
    }

    /// Runs a Python 3 script and returns what it printed; fails when it exits non-zero.
    static func python(_ script: String, arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(status == 0, "python failed: \(output)")
        return output
    }
}

extension TestApp {
    /// Posts a raw mail to the inbound endpoint.
    func sendMail(token: String, _ raw: [UInt8]) async throws -> TestResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.replaceOrAdd(name: .contentType, value: "message/rfc822")
        let response = try await app.testing().sendRequest(
            .POST, "/api/v1/channels/email/inbound", headers: headers, body: ByteBuffer(bytes: raw))
        return TestResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }
}
