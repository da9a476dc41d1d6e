import RaayaMail
import Testing

@Suite("SMTP server: a whole conversation")
struct SMTPServerTranscriptTests {
    @Test("pipelined MAIL, RCPT and DATA are answered in order, waiting for the application")
    func pipelinedConversation() {
        var session = SMTPServerSession(hostname: "mx.raaya.test", maxMessageSize: 1_048_576)
        #expect(session.greeting().bytes == SMTPFixture.bytes("220 mx.raaya.test ESMTP Raaya ready\r\n"))

        let hello = session.receive(SMTPFixture.bytes("EHLO client.example.test\r\n"))
        let ehloText =
            "250-mx.raaya.test greets client.example.test\r\n250-PIPELINING\r\n250-SIZE 1048576\r\n"
            + "250-8BITMIME\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n"
        guard case .reply(let ehlo) = hello.first, hello.count == 1 else {
            Issue.record("expected one reply to EHLO, got \(hello)")
            return
        }
        #expect(ehlo.bytes == SMTPFixture.bytes(ehloText))

        // One write from the client: the session answers MAIL, then stops at the first recipient to ask.
        let group = session.receive(
            SMTPFixture.bytes(
                "MAIL FROM:<customer@example.test> BODY=8BITMIME\r\nRCPT TO:<support@raaya.test>\r\n"
                    + "RCPT TO:<nobody@raaya.test>\r\nDATA\r\n"))
        #expect(
            group == [
                .reply(SMTPReply(code: 250, enhancedStatus: "2.1.0", "Sender OK")),
                .checkRecipient("support@raaya.test"),
            ])
        #expect(session.isWaitingForApplication)

        let afterFirst = session.recipientChecked(accepted: true)
        #expect(
            afterFirst == [
                .reply(SMTPReply(code: 250, enhancedStatus: "2.1.5", "Recipient OK")),
                .checkRecipient("nobody@raaya.test"),
            ])
        let afterSecond = session.recipientChecked(accepted: false)
        #expect(afterSecond.replyCodes == [550, 354])
        #expect(!session.isWaitingForApplication)

        // The message, with the next transaction pipelined behind its final dot.
        let wireMessage = SMTPFixture.dotStuffed(SMTPFixture.arabicMessage)
        let content = session.receive(
            SMTPFixture.bytes(wireMessage + ".\r\nMAIL FROM:<عميل@مثال.test> SMTPUTF8\r\n"))
        #expect(
            content == [
                .deliver(
                    SMTPEnvelope(
                        mailFrom: "customer@example.test", recipients: ["support@raaya.test"],
                        data: SMTPFixture.bytes(SMTPFixture.arabicMessage)))
            ])

        // Nothing about the second MAIL until the first message is stored.
        let stored = session.deliveryFinished(.queued(id: "7F3A"))
        #expect(
            stored == [
                .reply(SMTPReply(code: 250, enhancedStatus: "2.0.0", "Queued as 7F3A")),
                .reply(SMTPReply(code: 250, enhancedStatus: "2.1.0", "Sender OK")),
            ])

        #expect(
            session.receive(SMTPFixture.bytes("RCPT TO:<خدمة@مثال.test>\r\n")) == [.checkRecipient("خدمة@مثال.test")])
        #expect(session.recipientChecked(accepted: true).replyCodes == [250])
        #expect(session.receive(SMTPFixture.bytes("DATA\r\n")).replyCodes == [354])
        let second = session.receive(SMTPFixture.bytes("Subject: شكرا\r\n\r\nتم.\r\n.\r\n"))
        #expect(
            second == [
                .deliver(
                    SMTPEnvelope(
                        mailFrom: "عميل@مثال.test", recipients: ["خدمة@مثال.test"],
                        data: SMTPFixture.bytes("Subject: شكرا\r\n\r\nتم.\r\n")))
            ])
        #expect(session.deliveryFinished(.queued(id: "7F3B")).replyCodes == [250])

        let quit = session.receive(SMTPFixture.bytes("QUIT\r\n"))
        #expect(
            quit == [
                .reply(SMTPReply(code: 221, enhancedStatus: "2.0.0", "mx.raaya.test closing connection")),
                .close,
            ])
        #expect(session.isClosed)
        #expect(session.receive(SMTPFixture.bytes("NOOP\r\n")).isEmpty)
    }

    @Test("a bounce has an empty reverse path")
    func bounce() {
        var harness = SMTPServerHarness()
        _ = harness.send("HELO client.example.test\r\n")
        let replies = harness.send("MAIL FROM:<>\r\nRCPT TO:<support@raaya.test>\r\nDATA\r\n")
        #expect(replies.map(\.code) == [250, 250, 354])
        #expect(harness.send("Subject: Undelivered Mail\r\n\r\nلم يصل\r\n.\r\n").map(\.code) == [250])
        #expect(harness.delivered.first?.mailFrom == "")
    }

    @Test("failures of storage reach the client as 451 or 554, and the session goes on")
    func deliveryFailures() {
        var harness = SMTPServerHarness()
        _ = harness.send("EHLO c\r\n")
        harness.deliveryResult = .temporaryFailure("Disk full, try later")
        let temporary =
            harness.send("MAIL FROM:<a@example.test>\r\nRCPT TO:<support@raaya.test>\r\nDATA\r\n")
            + harness.send("x\r\n.\r\n")
        #expect(temporary.last == SMTPReply(code: 451, enhancedStatus: "4.3.0", "Disk full, try later"))

        harness.deliveryResult = .permanentFailure("")
        let permanent =
            harness.send("MAIL FROM:<a@example.test>\r\nRCPT TO:<support@raaya.test>\r\nDATA\r\n")
            + harness.send("x\r\n.\r\n")
        #expect(permanent.map(\.code) == [250, 250, 354, 554])
        #expect(permanent.last?.enhancedStatus == "5.3.0")
        #expect(harness.delivered.count == 2)
    }

    @Test("DATA after every recipient was refused says there are no valid recipients")
    func noValidRecipients() {
        var harness = SMTPServerHarness()
        _ = harness.send("EHLO c\r\n")
        let replies = harness.send("MAIL FROM:<a@example.test>\r\nRCPT TO:<x@raaya.test>\r\nDATA\r\nNOOP\r\n")
        #expect(replies.map(\.code) == [250, 550, 554, 250])
        #expect(harness.delivered.isEmpty)
    }

    @Test("a flood of input while the application decides closes the connection")
    func tooMuchWaitingInput() {
        var session = SMTPServerSession(hostname: "mx.raaya.test", maxMessageSize: 1000)
        _ = session.receive(SMTPFixture.bytes("EHLO c\r\nMAIL FROM:<a@example.test>\r\n"))
        #expect(session.receive(SMTPFixture.bytes("RCPT TO:<support@raaya.test>\r\n")).count == 1)
        let noops = Array(repeating: SMTPFixture.bytes("NOOP\r\n"), count: 12_000).flatMap { $0 }
        let flood = session.receive(noops)
        #expect(flood.replyCodes == [421])
        #expect(flood.last == .close)
        #expect(session.recipientChecked(accepted: true).isEmpty)
    }
}
