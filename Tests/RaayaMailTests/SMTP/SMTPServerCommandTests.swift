import RaayaMail
import Testing

@Suite("SMTP server: commands")
struct SMTPServerCommandTests {
    private func greeted() -> SMTPServerHarness {
        var harness = SMTPServerHarness()
        _ = harness.send("EHLO client.example.test\r\n")
        return harness
    }

    @Test("commands are case-insensitive and bare LF ends a command line")
    func caseAndLineEndings() {
        var harness = SMTPServerHarness()
        let replies = harness.send("ehlo c\nMail From:<a@example.test>\nrcpt to:<support@raaya.test>\r\nnoop\n")
        #expect(replies.map(\.code) == [250, 250, 250, 250])
        #expect(harness.checked == ["support@raaya.test"])
    }

    @Test(
        "addresses are read tolerantly and returned as given",
        arguments: [
            ("MAIL FROM: <Customer@Example.test>", "Customer@Example.test"),
            ("MAIL FROM:Customer@Example.test", "Customer@Example.test"),
            ("MAIL FROM:<\"Smith, John >\"@example.test>", "\"Smith, John >\"@example.test"),
            ("MAIL FROM:<\"a\\\"b\"@example.test> BODY=7BIT", "\"a\\\"b\"@example.test"),
            ("MAIL FROM:<@relay.test,@hop.test:user@example.test>", "user@example.test"),
        ])
    func addressForms(command: String, expected: String) {
        var harness = greeted()
        #expect(harness.send(command + "\r\n").map(\.code) == [250])
        _ = harness.send("RCPT TO:<support@raaya.test>\r\nDATA\r\nx\r\n.\r\n")
        #expect(harness.delivered.first?.mailFrom == expected)
    }

    @Test("the order of commands is enforced with 503")
    func sequence() {
        var harness = SMTPServerHarness()
        #expect(harness.send("MAIL FROM:<a@example.test>\r\n").map(\.code) == [503])
        _ = harness.send("EHLO c\r\n")
        #expect(harness.send("RCPT TO:<support@raaya.test>\r\n").map(\.code) == [503])
        #expect(harness.send("DATA\r\n").map(\.code) == [503])
        #expect(harness.send("MAIL FROM:<a@example.test>\r\nMAIL FROM:<b@example.test>\r\n").map(\.code) == [250, 503])
        #expect(harness.send("DATA\r\n").map(\.code) == [503])
        #expect(harness.send("RSET\r\nRCPT TO:<support@raaya.test>\r\n").map(\.code) == [250, 503])
        #expect(harness.checked.isEmpty)
    }

    @Test(
        "malformed arguments get 501, unknown parameters 555",
        arguments: [
            ("EHLO", 501), ("HELO   ", 501), ("MAIL FROM a@example.test", 501), ("MAIL TO:<a@example.test>", 501),
            ("MAIL FROM:<a@example.test", 501), ("MAIL FROM:<nodomain>", 501),
            ("MAIL FROM:<a@example.test> SIZE=", 501),
            ("MAIL FROM:<a@example.test> SIZE=12k", 501), ("MAIL FROM:<a@example.test> BODY=BINARYMIME", 501),
            ("MAIL FROM:<a@example.test> RET=HDRS", 555), ("DATA now", 501), ("RSET all", 501), ("VRFY", 501),
        ])
    func syntaxErrors(command: String, code: Int) {
        var harness = greeted()
        #expect(harness.send(command + "\r\n").map(\.code) == [code])
    }

    @Test("recipient syntax is checked before the application is asked")
    func recipientSyntax() {
        var harness = greeted()
        _ = harness.send("MAIL FROM:<a@example.test>\r\n")
        let replies = harness.send(
            "RCPT TO:<>\r\nRCPT TO:<someone>\r\nRCPT TO:<support@raaya.test> NOTIFY=NEVER\r\nRCPT TO:<Postmaster>\r\n")
        #expect(replies.map(\.code) == [501, 501, 555, 550])
        #expect(harness.checked == ["Postmaster"])
    }

    @Test("other commands: NOOP, VRFY, HELP, unknown, not implemented")
    func otherCommands() {
        var harness = greeted()
        let replies = harness.send("NOOP\r\nVRFY support\r\nHELP\r\nFROB\r\nEXPN staff\r\nSTARTTLS\r\n")
        #expect(replies.map(\.code) == [250, 252, 214, 500, 502, 502])
        #expect(replies[2].lines == ["Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP"])
    }

    @Test("UTF-8 addresses need SMTPUTF8 on MAIL")
    func utf8Addresses() {
        var harness = greeted()
        #expect(harness.send("MAIL FROM:<عميل@مثال.test>\r\n").map(\.code) == [553])
        #expect(
            harness.send("MAIL FROM:<customer@example.test>\r\nRCPT TO:<خدمة@مثال.test>\r\n").map(\.code) == [250, 553])
        _ = harness.send("RSET\r\n")
        let replies = harness.send("MAIL FROM:<customer@example.test> smtputf8\r\nRCPT TO:<خدمة@مثال.test>\r\n")
        #expect(replies.map(\.code) == [250, 250])
        #expect(harness.checked == ["خدمة@مثال.test"])
    }

    @Test("a command that is not UTF-8 is refused")
    func invalidUTF8() {
        var harness = greeted()
        #expect(harness.send([0x4E, 0x4F, 0x4F, 0x50, 0x20, 0xFF, 0xFE, 13, 10]).map(\.code) == [501])
    }

    @Test("the 101st recipient gets 452")
    func tooManyRecipients() {
        var harness = SMTPServerHarness(mailboxes: Set((1...101).map { "agent\($0)@raaya.test" }))
        _ = harness.send("EHLO c\r\nMAIL FROM:<a@example.test>\r\n")
        let rcpts = (1...101).map { "RCPT TO:<agent\($0)@raaya.test>\r\n" }.joined()
        let replies = harness.send(rcpts)
        #expect(replies.count == 101)
        #expect(replies.dropLast().allSatisfy { $0.code == 250 })
        #expect(replies.last == SMTPReply(code: 452, enhancedStatus: "4.5.3", "Too many recipients"))
        #expect(harness.checked.count == 100)
    }

    @Test("a command line over 512 bytes is refused and the connection closed")
    func lineTooLong() {
        var harness = greeted()
        let longest = "NOOP " + String(repeating: "x", count: 512 - 7) + "\r\n"
        #expect(longest.utf8.count == 512)
        #expect(harness.send(longest).map(\.code) == [250])
        #expect(!harness.closed)

        // Split so that the length is only known across two reads.
        let tooLong = "NOOP " + String(repeating: "x", count: 512 - 6) + "\r\n"
        #expect(harness.send(String(tooLong.prefix(300))).isEmpty)
        #expect(
            harness.send(String(tooLong.dropFirst(300))) == [
                SMTPReply(code: 500, enhancedStatus: "5.5.2", "Line too long")
            ])
        #expect(harness.closed)
    }

    @Test("ten protocol errors close the connection with 421")
    func tooManyErrors() {
        var harness = greeted()
        let replies = harness.send(String(repeating: "FROB\r\n", count: 9) + "NOOP\r\nFROB\r\nNOOP\r\n")
        #expect(replies.map(\.code) == Array(repeating: 500, count: 9) + [250, 421])
        #expect(harness.closed)
    }

    @Test("a declared size over the limit is refused at MAIL")
    func declaredSize() {
        var harness = SMTPServerHarness(maxMessageSize: 1000)
        _ = harness.send("EHLO c\r\n")
        #expect(harness.send("MAIL FROM:<a@example.test> SIZE=1001\r\n").map(\.code) == [552])
        #expect(harness.send("MAIL FROM:<a@example.test> SIZE=99999999999999999999999\r\n").map(\.code) == [552])
        #expect(harness.send("MAIL FROM:<a@example.test> size=1000\r\n").map(\.code) == [250])
    }
}
