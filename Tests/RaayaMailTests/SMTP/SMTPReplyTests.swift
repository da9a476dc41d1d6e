import RaayaMail
import Testing

@Suite("SMTP replies")
struct SMTPReplyTests {
    @Test("multi-line replies use a hyphen on all but the last line, enhanced status on each")
    func rendering() {
        let reply = SMTPReply(code: 250, enhancedStatus: "2.0.0", lines: ["first", "second", "third"])
        #expect(reply.bytes == SMTPFixture.bytes("250-2.0.0 first\r\n250-2.0.0 second\r\n250 2.0.0 third\r\n"))
        #expect(SMTPReply(code: 354, "Go ahead").bytes == SMTPFixture.bytes("354 Go ahead\r\n"))
        #expect(SMTPReply(code: 250, lines: []).bytes == SMTPFixture.bytes("250 \r\n"))
        #expect(reply.description == "250 2.0.0 first / second / third")
    }

    @Test("a line break in application text cannot end the reply early")
    func injectedLineBreak() {
        let reply = SMTPReply(code: 451, enhancedStatus: "4.3.0", "disk full\r\n250 fake")
        #expect(reply.bytes == SMTPFixture.bytes("451 4.3.0 disk full  250 fake\r\n"))
    }

    @Test("rendered replies parse back to themselves, Arabic text included")
    func roundTrip() throws {
        let replies = [
            SMTPReply(code: 250, lines: ["mx.raaya.test greets client", "PIPELINING", "SIZE 1000", "8BITMIME"]),
            SMTPReply(code: 550, enhancedStatus: "5.1.1", "لا يوجد صندوق بريد بهذا الاسم"),
            SMTPReply(code: 221, enhancedStatus: "2.0.0", lines: ["bye", "مع السلامة"]),
        ]
        var parser = SMTPReplyParser()
        for reply in replies {
            let lines = String(decoding: reply.bytes, as: UTF8.self).split(separator: "\r\n")
            var parsed: [SMTPReply] = []
            for line in lines {
                if let complete = try parser.parse(line: String(line)) { parsed.append(complete) }
            }
            #expect(parsed == [reply])
        }
    }

    @Test(
        "enhanced status is taken only where it fits the reply",
        arguments: [
            ("250 2.1.5 Ok", "2.1.5", "Ok"),
            ("250 8BITMIME", nil, "8BITMIME"),
            ("550 2.1.5 odd", nil, "2.1.5 odd"),
            ("250 1.2.3.4 is your address", nil, "1.2.3.4 is your address"),
            ("451 4.3.0", "4.3.0", ""),
            ("220", nil, ""),
        ] as [(String, String?, String)])
    func enhancedStatus(line: String, status: String?, text: String) throws {
        var parser = SMTPReplyParser()
        let reply = try parser.parse(line: line)
        #expect(reply?.enhancedStatus == status)
        #expect(reply?.lines == [text])
    }

    @Test("lines that are not replies are errors")
    func malformed() throws {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPReplyParseError.malformedLine("25 short")) { try parser.parse(line: "25 short") }
        #expect(throws: SMTPReplyParseError.malformedLine("250x")) { try parser.parse(line: "250x") }
        #expect(throws: SMTPReplyParseError.malformedLine("650 no such class")) {
            try parser.parse(line: "650 no such class")
        }
        var continued = SMTPReplyParser()
        #expect(try continued.parse(line: "250-first") == nil)
        #expect(throws: SMTPReplyParseError.codeChanged(expected: 250, found: "550 second")) {
            try continued.parse(line: "550 second")
        }
    }

    @Test("reply classes")
    func classes() {
        #expect(SMTPReply(code: 250, "").isPositive)
        #expect(SMTPReply(code: 334, "").isIntermediate)
        #expect(SMTPReply(code: 451, "").isTransientFailure)
        #expect(SMTPReply(code: 554, "").isPermanentFailure)
        #expect(!SMTPReply(code: 451, "").isPermanentFailure)
    }
}
