import Foundation
import RaayaCore
import RaayaMail
import SQLKit
import Testing
import Vapor
@testable import RaayaServer

/// A real SMTP server (aiosmtpd, see Support/smtp_sink.py) that keeps every message it accepts.
final class SMTPSink {
    private let peer: PeerProcess

    init(arguments: [String] = []) async throws {
        peer = try await PeerProcess(script: "smtp_sink.py", arguments: arguments)
    }

    var port: Int { peer.port }

    /// This server as the outbox's relay.
    var relay: Configuration.SMTPRelay { Configuration.SMTPRelay(host: "127.0.0.1", port: port) }

    /// The certificate of a sink started with `--tls`.
    var certificate: String { peer.folder.appendingPathComponent("cert.pem").path }

    /// What a sink started with `--auth` answered each AUTH (`PLAIN ok`, `LOGIN refused`).
    var authentications: [String] {
        (try? String(contentsOf: peer.folder.appendingPathComponent("auth.log"), encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
    }

    /// The messages received so far, in order.
    func messages() throws -> [MailMessage] {
        peer.numbered("eml").map { MailMessage.parse(Array($0)) }
    }

    func stop() {
        peer.stop()
    }
}

@Suite("Email out: the outbox delivers to a real SMTP server, threads, and retries")
struct EmailOutboxTests {
    @Test("a new mail gets an acknowledgement; the agent's reply goes out threaded; the customer's answer comes back")
    func roundTrip() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        try await TestApp.run { app in
            let admin = try await app.token()
            let relay = sink.relay
            _ = try await EmailTests.mailbox(app, token: admin)
            let opened = try await app.sendMail(token: admin, EmailTests.windows1256Mail(messageID: "m1@example.com"))
            let ticketID = try #require(opened.object.int("ticket_id"))

            #expect(await OutboxDelivery.deliverDue(app.app, relay: relay, hostname: "raaya.test") == 1)
            let acknowledgement = try #require(try sink.messages().first)
            #expect(acknowledgement.to.map(\.address) == ["noura@example.com"])
            #expect(acknowledgement.from?.address == "support@raaya.test")
            #expect(acknowledgement.subject.contains("[#\(ticketID)]"))
            #expect(acknowledgement.subject.contains("تم استلام طلبك"))
            #expect(acknowledgement.inReplyTo == ["m1@example.com"])
            #expect(acknowledgement.automatic != nil)
            #expect(acknowledgement.preferredText.contains("نورة العتيبي"))

            let reply = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: admin,
                json: ["body": "أرسلنا الفاتورة إلى بريدك الآن. We have sent the invoice."])
            #expect(reply.status == .created)
            let note = try await app.send(
                .POST, "/api/v1/tickets/\(ticketID)/messages", token: admin, json: ["body": "ملاحظة داخلية", "internal": true])
            #expect(note.status == .created)
            #expect(await OutboxDelivery.deliverDue(app.app, relay: relay, hostname: "raaya.test") == 1)
            let messages = try sink.messages()
            #expect(messages.count == 2, "an internal note must not be mailed")
            let sent = try #require(messages.last)
            #expect(sent.subject == "Re: استفسار عن الفاتورة [#\(ticketID)]")
            #expect(sent.preferredText.contains("أرسلنا الفاتورة إلى بريدك الآن."))
            #expect(sent.references.first == "m1@example.com")
            #expect(sent.automatic == nil)
            let sentID = try #require(sent.messageID)

            // The customer answers the agent's mail, with no ticket number in the subject: it threads by id.
            let answer = try await app.sendMail(
                token: admin, EmailTests.reply(messageID: "m5@example.com", inReplyTo: sentID, subject: "Re: شكراً"))
            #expect(answer.object.string("outcome") == "added")
            #expect(answer.object.int("ticket_id") == ticketID)
            let outbox = try await app.app.db.sqlDatabase().raw("SELECT status FROM outbox ORDER BY id").all()
                .map { try $0.decode(column: "status", as: String.self) }
            #expect(outbox == ["sent", "sent"])
        }
    }

    @Test("a relay that requires STARTTLS and AUTH gets both; a wrong password fails the mail; an untrusted certificate is refused")
    func startTLSAndAuth() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let sink = try await SMTPSink(arguments: ["--tls", "--auth", "raaya:كلمة-سر"])
            defer { sink.stop() }
            _ = try await EmailTests.mailbox(app, token: admin)
            _ = try await app.sendMail(token: admin, EmailTests.windows1256Mail(messageID: "tls-1@example.com"))

            // The sink's certificate is not from an authority the system trusts: refused, kept for later.
            let untrusted = Configuration.SMTPRelay(host: "localhost", port: sink.port, user: "raaya", password: "كلمة-سر")
            #expect(await OutboxDelivery.deliverDue(app.app, relay: untrusted, hostname: "raaya.test") == 1)
            var outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.first?.string("status") == "pending")
            #expect(try sink.messages().isEmpty)
            #expect(sink.authentications.isEmpty, "no password may be sent before the certificate is trusted")

            var wrong = untrusted
            wrong.trustedCertificates = sink.certificate
            wrong.password = "خطأ"
            app.clock.advance(by: 31)
            #expect(await OutboxDelivery.deliverDue(app.app, relay: wrong, hostname: "raaya.test") == 1)
            outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.first?.string("status") == "failed", "\(outbox)")
            #expect(sink.authentications.last?.hasSuffix("refused") == true)

            let retried = try await app.send(.POST, "/api/v1/outbox/\(try #require(outbox.first?.int("id")))/retry", token: admin)
            #expect(retried.status == .ok)
            var trusted = untrusted
            trusted.trustedCertificates = sink.certificate
            #expect(await OutboxDelivery.deliverDue(app.app, relay: trusted, hostname: "raaya.test") == 1)
            outbox = try await app.send(.GET, "/api/v1/outbox", token: admin).items
            #expect(outbox.first?.string("status") == "sent", "\(outbox)")
            #expect(sink.authentications.last?.hasSuffix("ok") == true)
            let delivered = try #require(try sink.messages().first)
            #expect(delivered.subject.contains("تم استلام طلبك"))
        }
    }

    @Test("while the relay is down the mail waits and is retried later; nothing is lost")
    func retriesWhileRelayIsDown() async throws {
        try await TestApp.run { app in
            _ = try await Self.acknowledgementFailsOnce(app)
            let row = try #require(
                try await app.app.db.sqlDatabase().raw("SELECT status, attempts, last_error FROM outbox").first())
            #expect(try row.decode(column: "status", as: String.self) == "pending")
            #expect(try row.decode(column: "attempts", as: Int.self) == 1)
            #expect(try row.decodeOptional(column: "last_error", as: String.self) != nil)
            // Not due again before its backoff has passed.
            let down = Configuration.SMTPRelay(host: "127.0.0.1", port: try Self.closedPort())
            #expect(await OutboxDelivery.deliverDue(app.app, relay: down, hostname: "raaya.test") == 0)

            let sink = try await SMTPSink()
            defer { sink.stop() }
            app.clock.advance(by: 31)
            let relay = sink.relay
            #expect(await OutboxDelivery.deliverDue(app.app, relay: relay, hostname: "raaya.test") == 1)
            #expect(try sink.messages().count == 1)
        }
    }

    @Test("an admin edits the Arabic acknowledgement; new tickets get the edited text with the placeholders filled")
    func editedAcknowledgement() async throws {
        let sink = try await SMTPSink()
        defer { sink.stop() }
        try await TestApp.run { app in
            let admin = try await app.token()
            let relay = sink.relay
            _ = try await EmailTests.mailbox(app, token: admin)
            let before = try await app.send(.GET, "/api/v1/mail-templates", token: admin).items
            #expect(before.map { $0.string("language") } == ["ar", "en"])
            #expect(before.allSatisfy { ($0["customized"] as? Bool) == false })

            let missingToken = try await app.send(
                .PUT, "/api/v1/mail-templates/acknowledgement/ar", token: admin,
                json: ["subject": "وصلنا طلبك", "body": "شكراً"])
            #expect(missingToken.status == .unprocessableEntity)
            #expect(missingToken.text.contains("subject"))
            #expect(try await app.send(
                .PUT, "/api/v1/mail-templates/acknowledgement/fr", token: admin, json: ["subject": "{{ticket}}", "body": "x"]
            ).status == .notFound)
            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            #expect(try await app.send(
                .PUT, "/api/v1/mail-templates/acknowledgement/ar", token: agent, json: ["subject": "{{ticket}}", "body": "x"]
            ).status == .forbidden)

            let edited = try await app.send(
                .PUT, "/api/v1/mail-templates/acknowledgement/ar", token: admin,
                json: ["subject": "وصلنا طلبك {{ticket}}", "body": "أهلاً {{name}}، رقم طلبك {{ticket}} بخصوص «{{subject}}»."])
            #expect(edited.status == .ok, "\(edited.text)")
            #expect((edited.object["customized"] as? Bool) == true)

            // The mailbox's language is Arabic, so the new customer gets the Arabic text.
            let opened = try await app.sendMail(token: admin, EmailTests.windows1256Mail(messageID: "m1@example.com"))
            let ticketID = try #require(opened.object.int("ticket_id"))
            #expect(await OutboxDelivery.deliverDue(app.app, relay: relay, hostname: "raaya.test") == 1)
            let mail = try #require(try sink.messages().first)
            #expect(mail.subject == "وصلنا طلبك [#\(ticketID)]")
            #expect(mail.preferredText.hasPrefix("أهلاً نورة العتيبي، رقم طلبك [#\(ticketID)] بخصوص «استفسار عن الفاتورة»."))
        }
    }

    @Test("admins see the outbox with the relay's last error, and send a failed mail again; agents may not")
    func outboxListAndRetry() async throws {
        try await TestApp.run { app in
            let admin = try await Self.acknowledgementFailsOnce(app)
            let pending = try await app.send(.GET, "/api/v1/outbox?status=pending", token: admin).items
            #expect(pending.count == 1)
            #expect(pending.first?.string("recipient") == "noura@example.com")
            #expect(pending.first?.string("last_error")?.contains("connect") == true)
            let id = try #require(pending.first?.int("id"))
            #expect(try await app.send(.POST, "/api/v1/outbox/\(id)/retry", token: admin).status == .conflict)
            #expect(try await app.send(.GET, "/api/v1/outbox?status=lost", token: admin).status == .unprocessableEntity)

            // Twelve refused attempts later it has failed; an admin sends it again once the relay is back.
            try await app.app.db.sqlDatabase().raw("UPDATE outbox SET status = 'failed', attempts = 12").run()
            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            #expect(try await app.send(.GET, "/api/v1/outbox", token: agent).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/outbox/\(id)/retry", token: agent).status == .forbidden)
            let retried = try await app.send(.POST, "/api/v1/outbox/\(id)/retry", token: admin)
            #expect(retried.status == .ok)
            #expect(retried.object.string("status") == "pending")
            #expect(retried.object.int("attempts") == 0)
            let sink = try await SMTPSink()
            defer { sink.stop() }
            let relay = sink.relay
            #expect(await OutboxDelivery.deliverDue(app.app, relay: relay, hostname: "raaya.test") == 1)
            #expect(try sink.messages().count == 1)
            #expect(try await app.send(.GET, "/api/v1/outbox?status=sent", token: admin).items.count == 1)
        }
    }

    /// A new email ticket whose acknowledgement met a relay that is down (nothing listens on its port: a
    /// temporary failure). Returns the admin's token.
    static func acknowledgementFailsOnce(_ app: TestApp) async throws -> String {
        let admin = try await app.token()
        _ = try await EmailTests.mailbox(app, token: admin)
        _ = try await app.sendMail(token: admin, EmailTests.windows1256Mail(messageID: "m1@example.com"))
        let down = Configuration.SMTPRelay(host: "127.0.0.1", port: try closedPort())
        #expect(await OutboxDelivery.deliverDue(app.app, relay: down, hostname: "raaya.test") == 1)
        return admin
    }

    /// A port nothing listens on.
    static func closedPort() throws -> Int {
        let socket = try #require(Optional(Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)))
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
