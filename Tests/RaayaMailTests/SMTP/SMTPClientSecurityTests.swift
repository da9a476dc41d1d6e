import RaayaMail
import Testing

@Suite("SMTP client: STARTTLS and AUTH")
struct SMTPClientSecurityTests {
    private static let password = "كلمة-سر"

    private func client(
        user: String? = "support@raaya.test", tlsAvailable: Bool = true, requireTLS: Bool = false
    ) -> SMTPClientSession {
        SMTPClientSession(
            hostname: "app.raaya.test", mailFrom: "support@raaya.test", recipients: ["customer@example.test"],
            message: SMTPFixture.bytes("Subject: hello\r\n\r\nhi\r\n"),
            credentials: user.map { SMTPCredentials(user: $0, password: Self.password) },
            tlsAvailable: tlsAvailable, requireTLS: requireTLS)
    }

    private func text(_ actions: [SMTPClientAction]) -> String {
        actions.map {
            if case .send(let bytes) = $0 { return String(decoding: bytes, as: UTF8.self) }
            return ""
        }.joined()
    }

    @Test("STARTTLS, a fresh EHLO, then AUTH PLAIN with user and password in base64")
    func startTLSThenPlain() {
        var session = client()
        _ = session.receive(SMTPFixture.bytes("220 relay.example.test ESMTP\r\n"))
        let afterEhlo = session.receive(
            SMTPFixture.bytes("250-relay.example.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n"))
        #expect(text(afterEhlo) == "STARTTLS\r\n")
        // A line after the 220 came in the clear: it must not be taken for the server's answer to the next EHLO.
        let handshake = session.receive(SMTPFixture.bytes("220 2.0.0 Ready to start TLS\r\n250 injected\r\n"))
        #expect(handshake == [.startTLS])
        #expect(text(session.tlsStarted()) == "EHLO app.raaya.test\r\n")
        #expect(session.tlsStarted().isEmpty)
        let auth = session.receive(
            SMTPFixture.bytes("250-relay.example.test\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME\r\n"))
        #expect(text(auth) == "AUTH PLAIN AHN1cHBvcnRAcmFheWEudGVzdADZg9mE2YXYqS3Ys9ix\r\n")
        let mail = session.receive(SMTPFixture.bytes("235 2.7.0 Authentication successful\r\n"))
        #expect(text(mail) == "MAIL FROM:<support@raaya.test>\r\n")
    }

    @Test("AUTH LOGIN when PLAIN is not offered, answering each prompt in turn")
    func login() {
        var session = client(user: "agent1@raaya.test", tlsAvailable: false)
        _ = session.receive(SMTPFixture.bytes("220 relay.example.test\r\n"))
        // The form with `=` predates RFC 2554 and is still seen.
        let auth = session.receive(SMTPFixture.bytes("250-relay.example.test\r\n250 AUTH=LOGIN\r\n"))
        #expect(text(auth) == "AUTH LOGIN\r\n")
        #expect(text(session.receive(SMTPFixture.bytes("334 VXNlcm5hbWU6\r\n"))) == "YWdlbnQxQHJhYXlhLnRlc3Q=\r\n")
        #expect(text(session.receive(SMTPFixture.bytes("334 UGFzc3dvcmQ6\r\n"))) == "2YPZhNmF2Kkt2LPYsQ==\r\n")
        #expect(
            text(session.receive(SMTPFixture.bytes("235 2.7.0 Accepted\r\n"))) == "MAIL FROM:<support@raaya.test>\r\n")
    }

    @Test("rejected credentials fail permanently")
    func badCredentials() {
        var session = client(tlsAvailable: false)
        _ = session.receive(SMTPFixture.bytes("220 relay.example.test\r\n"))
        _ = session.receive(SMTPFixture.bytes("250-relay.example.test\r\n250 AUTH PLAIN\r\n"))
        #expect(
            text(session.receive(SMTPFixture.bytes("535 5.7.8 Authentication credentials invalid\r\n"))) == "QUIT\r\n")
        let end = session.receive(SMTPFixture.bytes("221 Bye\r\n"))
        #expect(
            end == [
                .done(
                    .failed(
                        permanent: true, reason: "authentication refused: 535 5.7.8 Authentication credentials invalid")
                )
            ])
    }

    @Test(
        "credentials the server cannot take are reported, not dropped",
        arguments: [
            ("250 relay.example.test\r\n", "credentials are configured but the server offers no AUTH"),
            (
                "250-relay.example.test\r\n250 AUTH CRAM-MD5 XOAUTH2\r\n",
                "the server offers no AUTH mechanism this client knows (offered: CRAM-MD5 XOAUTH2)"
            ),
        ])
    func noUsableAuth(ehlo: String, reason: String) {
        var session = client(tlsAvailable: false)
        _ = session.receive(SMTPFixture.bytes("220 relay.example.test\r\n"))
        #expect(text(session.receive(SMTPFixture.bytes(ehlo))) == "QUIT\r\n")
        #expect(session.receive(SMTPFixture.bytes("221 Bye\r\n")) == [.done(.failed(permanent: false, reason: reason))])
    }

    @Test(
        "when TLS is required and cannot be had, nothing is sent in the clear",
        arguments: [
            (true, "250 relay.example.test\r\n", "TLS is required but the server does not offer STARTTLS"),
            (
                false, "250-relay.example.test\r\n250 STARTTLS\r\n",
                "TLS is required but this connection cannot start TLS"
            ),
        ])
    func tlsRequired(tlsAvailable: Bool, ehlo: String, reason: String) {
        var session = client(tlsAvailable: tlsAvailable, requireTLS: true)
        _ = session.receive(SMTPFixture.bytes("220 relay.example.test\r\n"))
        #expect(text(session.receive(SMTPFixture.bytes(ehlo))) == "QUIT\r\n")
        #expect(session.receive(SMTPFixture.bytes("221 Bye\r\n")) == [.done(.failed(permanent: false, reason: reason))])
    }

    @Test("a refused STARTTLS fails when TLS is required and is passed over when it is not")
    func startTLSRefused() {
        var required = client(user: nil, requireTLS: true)
        _ = required.receive(SMTPFixture.bytes("220 relay.example.test\r\n250-relay.example.test\r\n250 STARTTLS\r\n"))
        #expect(text(required.receive(SMTPFixture.bytes("454 4.7.0 TLS not available\r\n"))) == "QUIT\r\n")

        var optional = client(user: nil)
        _ = optional.receive(SMTPFixture.bytes("220 relay.example.test\r\n250-relay.example.test\r\n250 STARTTLS\r\n"))
        #expect(
            text(optional.receive(SMTPFixture.bytes("454 4.7.0 TLS not available\r\n")))
                == "MAIL FROM:<support@raaya.test>\r\n")
    }

    @Test("STARTTLS offered but not possible here: the client goes on without it")
    func tlsNotAvailable() {
        var session = client(user: nil, tlsAvailable: false)
        let actions = session.receive(
            SMTPFixture.bytes("220 relay.example.test\r\n250-relay.example.test\r\n250 STARTTLS\r\n"))
        #expect(text(actions) == "EHLO app.raaya.test\r\nMAIL FROM:<support@raaya.test>\r\n")
    }
}
