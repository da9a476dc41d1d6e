import RaayaMail
import Testing

@Suite("SMTP server: message content")
struct SMTPServerDataTests {
    /// A harness in the DATA phase, with one accepted recipient.
    private func readyForContent(maxMessageSize: Int = 1_048_576) -> SMTPServerHarness {
        var harness = SMTPServerHarness(maxMessageSize: maxMessageSize)
        let replies = harness.send("EHLO c\r\nMAIL FROM:<a@example.test>\r\nRCPT TO:<support@raaya.test>\r\nDATA\r\n")
        precondition(replies.map(\.code) == [250, 250, 250, 354])
        return harness
    }

    @Test(
        "dot-stuffing is removed and line endings become CRLF",
        arguments: [
            ("..leading dot\r\n.\r\n", ".leading dot\r\n"),
            ("...\r\n.\r\n", "..\r\n"),
            (".x\r\n.\r\n", "x\r\n"),
            ("a\r\n.\r\n", "a\r\n"),
            (".\r\n", ""),
            ("السطر الأول\nالثاني\n.\n", "السطر الأول\r\nالثاني\r\n"),
            ("a\r\n.\n", "a\r\n"),
            ("a\n.\r\n", "a\r\n"),
            ("a.\r\n b\r\n\r\n.\r\n", "a.\r\n b\r\n\r\n"),
            ("lone\rcr\r\n.\r\n", "lone\rcr\r\n"),
            (".\rx\r\n.\r\n", "\rx\r\n"),
            ("no end yet\r\n. \r\n.\r\n", "no end yet\r\n \r\n"),
        ])
    func unstuffing(wire: String, content: String) {
        var harness = readyForContent()
        #expect(harness.send(wire).map(\.code) == [250])
        #expect(harness.delivered.first?.data == SMTPFixture.bytes(content))
    }

    @Test("content at the limit is delivered; one byte more is refused at the end with 552")
    func sizeLimit() {
        let limit = 64
        let line = String(repeating: "ب", count: 31) + "\r\n"  // 64 bytes
        var exact = readyForContent(maxMessageSize: limit)
        #expect(exact.send(line + ".\r\n").map(\.code) == [250])
        #expect(exact.delivered.first?.data.count == limit)

        var over = readyForContent(maxMessageSize: limit)
        #expect(over.send("x" + line).isEmpty)
        // Much more content after the limit: read and dropped until the end.
        for _ in 0..<100 { #expect(over.send(line).isEmpty) }
        #expect(
            over.send(".\r\n") == [
                SMTPReply(code: 552, enhancedStatus: "5.3.4", "Message size exceeds fixed maximum message size")
            ])
        #expect(over.delivered.isEmpty)

        // The transaction is over; a new one works on the same connection.
        let next = over.send("MAIL FROM:<a@example.test>\r\nRCPT TO:<support@raaya.test>\r\nDATA\r\nشكرا\r\n.\r\n")
        #expect(next.map(\.code) == [250, 250, 354, 250])
        #expect(over.delivered.first?.data == SMTPFixture.bytes("شكرا\r\n"))
    }

    /// A conversation whose end-of-data, dot-stuffing and pipelining can be cut anywhere.
    private static let conversation =
        "EHLO client.example.test\r\nMAIL FROM:<customer@example.test>\r\nRCPT TO:<support@raaya.test>\r\n"
        + "RCPT TO:<nobody@raaya.test>\r\nDATA\r\n"
        + SMTPFixture.dotStuffed(SMTPFixture.arabicMessage)
        + ".\r\nMAIL FROM:<> SMTPUTF8\r\nRCPT TO:<خدمة@مثال.test>\r\nDATA\r\n"
        + "Subject: =?UTF-8?B?2LTZg9ix2Kc=?=\r\n\r\n..\r\n...\r\n.\r\nQUIT\r\n"

    private static let expectedCodes = [250, 250, 250, 550, 354, 250, 250, 250, 354, 250, 221]

    private static let expectedDeliveries = [
        SMTPEnvelope(
            mailFrom: "customer@example.test", recipients: ["support@raaya.test"],
            data: SMTPFixture.bytes(SMTPFixture.arabicMessage)),
        SMTPEnvelope(
            mailFrom: "", recipients: ["خدمة@مثال.test"],
            data: SMTPFixture.bytes("Subject: =?UTF-8?B?2LTZg9ix2Kc=?=\r\n\r\n.\r\n..\r\n")),
    ]

    @Test("in one read")
    func wholeConversation() {
        var harness = SMTPServerHarness()
        #expect(harness.send(Self.conversation).map(\.code) == Self.expectedCodes)
        #expect(harness.delivered == Self.expectedDeliveries)
        #expect(harness.closed)
    }

    @Test("one byte at a time")
    func byteByByte() {
        var harness = SMTPServerHarness()
        var codes: [Int] = []
        for byte in SMTPFixture.bytes(Self.conversation) {
            codes += harness.send([byte]).map(\.code)
        }
        #expect(codes == Self.expectedCodes)
        #expect(harness.delivered == Self.expectedDeliveries)
    }

    @Test("in random chunks", arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func randomChunks(seed: UInt64) {
        var generator = SMTPSeededGenerator(seed: seed)
        let bytes = SMTPFixture.bytes(Self.conversation)
        var harness = SMTPServerHarness()
        var codes: [Int] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 1...40, using: &generator))
            codes += harness.send(Array(bytes[start..<end])).map(\.code)
            start = end
        }
        #expect(codes == Self.expectedCodes)
        #expect(harness.delivered == Self.expectedDeliveries)
    }

    @Test("through the raw-buffer entry point, with input cut inside CRLF.CRLF")
    func rawBuffer() {
        var harness = readyForContent()
        var actions: [SMTPServerAction] = []
        for piece in ["مرحبا\r", "\n.", "\r", "\nNOOP\r\n"] {
            actions += SMTPFixture.bytes(piece).withUnsafeBytes { harness.session.receive($0) }
        }
        #expect(harness.run(actions).map(\.code) == [250, 250])
        #expect(harness.delivered.first?.data == SMTPFixture.bytes("مرحبا\r\n"))
    }
}
