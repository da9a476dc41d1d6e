import RaayaMail
import Testing

/// Plays a relay by hand: each call is what the server says, the answer is what the client does.
private struct SMTPClientScript {
    var session: SMTPClientSession

    init(
        recipients: [String] = ["customer@example.test"], message: String = SMTPFixture.arabicMessage,
        credentials: SMTPCredentials? = nil, tlsAvailable: Bool = false, requireTLS: Bool = false
    ) {
        session = SMTPClientSession(
            hostname: "app.raaya.test", mailFrom: "support@raaya.test", recipients: recipients,
            message: SMTPFixture.bytes(message), credentials: credentials, tlsAvailable: tlsAvailable,
            requireTLS: requireTLS)
    }

    /// What the client sends in answer, as text; other actions are left to `last`.
    mutating func server(_ text: String) -> String {
        sent(session.receive(SMTPFixture.bytes(text)))
    }

    mutating func actions(_ text: String) -> [SMTPClientAction] {
        session.receive(SMTPFixture.bytes(text))
    }

    /// Greeting and a plain EHLO reply, leaving the client at MAIL FROM.
    mutating func reachMail(extensions: [String] = ["PIPELINING", "8BITMIME", "SMTPUTF8"]) -> String {
        _ = server("220 relay.example.test ESMTP\r\n")
        let lines = ["relay.example.test"] + extensions
        let reply = lines.enumerated().map { index, line in
            "250\(index == lines.count - 1 ? " " : "-")\(line)\r\n"
        }
        return server(reply.joined())
    }
}

private func sent(_ actions: [SMTPClientAction]) -> String {
    actions.map {
        if case .send(let bytes) = $0 { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }.joined()
}

@Suite("SMTP client")
struct SMTPClientSessionTests {
    @Test("a delivery with one refused recipient, extensions used as the message needs them")
    func delivery() {
        var script = SMTPClientScript(recipients: ["customer@example.test", "gone@example.test"])
        #expect(script.server("220 relay.example.test ESMTP ready\r\n") == "EHLO app.raaya.test\r\n")
        // The EHLO reply arrives cut in the middle of a line.
        #expect(script.server("250-relay.example.test Hello\r\n250-SIZE 10240000\r\n250-8BIT") == "")
        let mail = script.server("MIME\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n")
        let size = SMTPFixture.dotStuffed(SMTPFixture.arabicMessage).utf8.count
        // Arabic in the header section needs SMTPUTF8, Arabic anywhere needs 8BITMIME.
        #expect(mail == "MAIL FROM:<support@raaya.test> SIZE=\(size) BODY=8BITMIME SMTPUTF8\r\n")
        #expect(script.server("250 2.1.0 Ok\r\n") == "RCPT TO:<customer@example.test>\r\n")
        #expect(script.server("250 2.1.5 Ok\r\n") == "RCPT TO:<gone@example.test>\r\n")
        #expect(script.server("550 5.1.1 <gone@example.test>: User unknown\r\n") == "DATA\r\n")
        #expect(
            script.server("354 End data with <CR><LF>.<CR><LF>\r\n")
                == SMTPFixture.dotStuffed(SMTPFixture.arabicMessage) + ".\r\n")
        #expect(script.server("250 2.0.0 Ok: queued as 4BX2Y\r\n") == "QUIT\r\n")
        #expect(!script.session.isFinished)
        let end = script.actions("221 2.0.0 Bye\r\n")
        let refusal = SMTPRefusedRecipient(
            address: "gone@example.test",
            reply: SMTPReply(code: 550, enhancedStatus: "5.1.1", "<gone@example.test>: User unknown"))
        #expect(
            end == [
                .done(
                    .delivered(
                        accepted: ["customer@example.test"], refused: [refusal],
                        serverReply: "250 2.0.0 Ok: queued as 4BX2Y"))
            ])
        #expect(refusal.isPermanent)
        #expect(script.session.isFinished)
    }

    @Test("a body line starting with a dot is doubled, and LF line endings become CRLF")
    func dotStuffing() {
        var script = SMTPClientScript(message: "Subject: test\n\nfirst\n.hidden\n..two\n.\nlast")
        _ = script.reachMail(extensions: [])
        _ = script.server("250 Ok\r\n")
        _ = script.server("250 Ok\r\n")
        #expect(
            script.server("354 Go ahead\r\n")
                == "Subject: test\r\n\r\nfirst\r\n..hidden\r\n...two\r\n..\r\nlast\r\n.\r\n")
    }

    @Test("a plain ASCII message to a server without extensions gets a bare MAIL FROM")
    func noExtensions() {
        var script = SMTPClientScript(message: "Subject: hello\r\n\r\nhi\r\n")
        #expect(script.reachMail(extensions: ["SIZE 1000"]) == "MAIL FROM:<support@raaya.test> SIZE=22\r\n")
        var bare = SMTPClientScript(message: "Subject: hello\r\n\r\nhi\r\n")
        #expect(bare.reachMail(extensions: []) == "MAIL FROM:<support@raaya.test>\r\n")
    }

    @Test("a server that refuses EHLO is greeted with HELO and asked for no extensions")
    func heloFallback() {
        var script = SMTPClientScript()
        _ = script.server("220 old.example.test\r\n")
        #expect(script.server("502 Command not recognized\r\n") == "HELO app.raaya.test\r\n")
        #expect(script.server("250 old.example.test\r\n") == "MAIL FROM:<support@raaya.test>\r\n")
    }

    @Test("UTF-8 addresses to a server without SMTPUTF8 fail permanently before MAIL")
    func utf8AddressesNeedSMTPUTF8() {
        var script = SMTPClientScript(recipients: ["خدمة@مثال.test"])
        #expect(script.reachMail(extensions: ["8BITMIME"]) == "QUIT\r\n")
        guard case .done(.failed(let permanent, let reason)) = script.actions("221 Bye\r\n").first else {
            Issue.record("expected a failure")
            return
        }
        #expect(permanent)
        #expect(reason.contains("SMTPUTF8"))
    }

    @Test("a message over the server's SIZE fails permanently without being sent")
    func overServerSize() {
        var script = SMTPClientScript()
        #expect(script.reachMail(extensions: ["SIZE 100", "8BITMIME", "SMTPUTF8"]) == "QUIT\r\n")
        let size = SMTPFixture.dotStuffed(SMTPFixture.arabicMessage).utf8.count
        let reason = "the message (\(size) bytes) is over the server's limit of 100"
        #expect(script.session.connectionLost("closed") == [.done(.failed(permanent: true, reason: reason))])
    }

    @Test(
        "refusals decide whether the outbox retries",
        arguments: [
            ("MAIL", "451 4.3.0 Try later", false), ("MAIL", "553 5.7.1 Sender rejected", true),
            ("DATA", "451 4.3.0 Local error", false), ("DATA", "554 5.5.1 No valid recipients", true),
            ("END", "452 4.3.1 Insufficient storage", false), ("END", "552 5.3.4 Message too big", true),
        ])
    func refusals(stage: String, reply: String, permanent: Bool) {
        var script = SMTPClientScript()
        _ = script.reachMail()
        var answer = ""
        for step in ["MAIL", "RCPT", "DATA", "END"] {
            if step == stage {
                answer = script.server(reply + "\r\n")
                break
            }
            _ = script.server(step == "DATA" ? "354 Go\r\n" : "250 Ok\r\n")
        }
        #expect(answer == "QUIT\r\n")
        guard case .done(.failed(let isPermanent, let reason)) = script.actions("221 Bye\r\n").first else {
            Issue.record("expected a failure after \(stage)")
            return
        }
        #expect(isPermanent == permanent)
        #expect(reason.hasSuffix(reply))
    }

    @Test("when every recipient is refused, the result is permanent only if every refusal was")
    func allRefused() {
        for (second, permanent) in [("550 5.1.1 Unknown", true), ("450 4.2.1 Mailbox busy", false)] {
            var script = SMTPClientScript(recipients: ["a@example.test", "b@example.test"])
            _ = script.reachMail()
            _ = script.server("250 Ok\r\n")
            _ = script.server("550 5.1.1 Unknown\r\n")
            #expect(script.server(second + "\r\n") == "QUIT\r\n")
            let end = script.actions("221 Bye\r\n")
            guard case .done(.failed(let isPermanent, let reason)) = end.first else {
                Issue.record("expected a failure, got \(end)")
                continue
            }
            #expect(isPermanent == permanent)
            #expect(reason.contains("b@example.test: \(second)"))
        }
    }

    @Test("421 ends the conversation at once, as a temporary failure")
    func serviceClosing() {
        var script = SMTPClientScript()
        _ = script.reachMail()
        let end = script.actions("421 4.7.0 relay.example.test closing, too busy\r\n")
        #expect(
            end == [
                .done(
                    .failed(
                        permanent: false,
                        reason: "the conversation ended by the server: 421 4.7.0 relay.example.test closing, too busy"))
            ])
        #expect(script.actions("250 Ok\r\n").isEmpty)
    }

    @Test("a lost connection fails temporarily, unless the message was already accepted")
    func connectionLost() {
        var early = SMTPClientScript()
        _ = early.reachMail()
        #expect(
            early.session.connectionLost("timed out") == [
                .done(
                    .failed(
                        permanent: false, reason: "connection lost: timed out"))
            ])
        #expect(early.session.connectionLost("again").isEmpty)

        var late = SMTPClientScript()
        _ = late.reachMail()
        _ = late.server("250 Ok\r\n")
        _ = late.server("250 Ok\r\n")
        _ = late.server("354 Go\r\n")
        #expect(late.server("250 Ok queued\r\n") == "QUIT\r\n")
        #expect(
            late.session.connectionLost("closed before 221") == [
                .done(
                    .delivered(
                        accepted: ["customer@example.test"], refused: [], serverReply: "250 Ok queued"))
            ])
    }

    @Test("a reply that is not SMTP fails the delivery temporarily")
    func malformedReply() {
        var script = SMTPClientScript()
        let end = script.actions("HTTP/1.1 400 Bad Request\r\n")
        #expect(
            end == [
                .done(
                    .failed(
                        permanent: false, reason: "the server sent a malformed reply: HTTP/1.1 400 Bad Request"))
            ])
    }
}
