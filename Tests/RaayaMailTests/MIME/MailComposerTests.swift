import RaayaMail
import Testing

@Suite struct MailComposerTests {
    private let support = MailAddress(name: "فريق دعم رعاية", address: "support@raaya.example")
    private let customer = MailAddress(name: "ليلى حسن", address: "layla@example.com")

    private func composer(subject: String = "[#1042] تم استلام طلبك", text: String = "شكراً لتواصلك معنا.")
        -> MailComposer
    {
        MailComposer(
            from: support, to: [customer], subject: subject, date: 1_793_603_100,
            messageID: "ticket-1042.3@raaya.example", text: text)
    }

    /// The header section as physical lines, and the whole message as text.
    private func headerLines(_ bytes: [UInt8]) -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.split(separator: "\r\n\r\n", maxSplits: 1).first ?? ""
        return head.split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    @Test func plainReplyRoundTrips() {
        var mail = composer()
        mail.cc = [MailAddress(name: "Omar", address: "omar@example.net")]
        mail.inReplyTo = "CAF3k9=abc123@mail.gmail.com"
        mail.references = ["ticket-1042.1@raaya.example", "CAF3k9=abc123@mail.gmail.com"]
        let bytes = mail.compose()
        let message = MailMessage.parse(bytes)
        #expect(message.problems == [])
        #expect(message.subject == "[#1042] تم استلام طلبك")
        #expect(message.ticketNumber == 1042)
        #expect(message.from == support)
        #expect(message.to == [customer])
        #expect(message.cc == [MailAddress(name: "Omar", address: "omar@example.net")])
        #expect(message.date == 1_793_603_100)
        #expect(message.messageID == "ticket-1042.3@raaya.example")
        #expect(message.inReplyTo == ["CAF3k9=abc123@mail.gmail.com"])
        #expect(message.references == ["ticket-1042.1@raaya.example", "CAF3k9=abc123@mail.gmail.com"])
        #expect(message.textBody == "شكراً لتواصلك معنا.")
        #expect(message.htmlBody == nil)
        #expect(message.automatic == nil)
        #expect(message.headers["Date"] == "Mon, 2 Nov 2026 07:05:00 +0000")
        #expect(message.headers["MIME-Version"] == "1.0")
        #expect(message.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(message.headers["Content-Transfer-Encoding"] == "quoted-printable")
    }

    @Test func everyLineEndsWithCRLFAndStaysASCII() {
        var mail = composer()
        mail.html = "<p dir=\"rtl\">شكراً</p>"
        mail.attachments = [MailAttachment(filename: "إيصال.pdf", contentType: "application/pdf", bytes: [1, 2, 3])]
        let bytes = mail.compose()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }

    @Test func englishSubjectStaysReadable() {
        let bytes = composer(subject: "Re: Your order #1042 has shipped").compose()
        #expect(headerLines(bytes).contains("Subject: Re: Your order #1042 has shipped"))
        #expect(MailMessage.parse(bytes).subject == "Re: Your order #1042 has shipped")
    }

    @Test(arguments: [
        "[#1042] تم استلام طلبك",
        String(repeating: "ع", count: 200),
        String(repeating: "طلبك رقم ١٠٤٢ قيد المراجعة، ", count: 8),
        "تجربة 👨‍👩‍👧‍👦 عائلة و emoji 🇸🇦 علم",
        "Re: " + String(repeating: "long-english-word-", count: 12),
        String(repeating: "An English subject that is long enough to need folding ", count: 4),
        "=?UTF-8?B?looks-encoded?=",
        " leading and trailing spaces ",
        "tab\there",
        "",
        "Line\r\nBcc: victim@example.com",
    ])
    func subjectsRoundTripWithinLineLimits(subject: String) {
        let bytes = composer(subject: subject).compose()
        let lines = headerLines(bytes)
        for line in lines { #expect(line.utf8.count <= 78, "\(line)") }
        for word in lines.flatMap({ $0.split(separator: " ") }) where word.hasPrefix("=?") {
            #expect(word.count <= 75)
        }
        #expect(!lines.contains { $0.hasPrefix("Bcc:") })
        let parsed = MailMessage.parse(bytes)
        #expect(parsed.subject == subject)
    }

    @Test func encodedWordsNeverSplitACharacter() {
        let subject = String(repeating: "مرحباً 👍🏽 ", count: 20)
        let lines = headerLines(composer(subject: subject).compose())
        let words = lines.flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("=?UTF-8?B?") }
        #expect(words.count > 3)
        for word in words {
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let decoded = EncodedWords.decode("=?UTF-8?B?\(payload)?=")
            #expect(!decoded.contains("\u{FFFD}"))
        }
    }

    @Test func displayNamesRoundTrip() {
        var mail = composer()
        let names = [
            MailAddress(name: "Smith, John", address: "john@example.com"),
            MailAddress(name: "عبد الرحمن بن عبد العزيز آل سعود الكبير من إدارة خدمة العملاء", address: "a@example.sa"),
            MailAddress(name: #"Nasser "Abu Ali" \ Q"#, address: "n@example.com"),
            MailAddress(name: nil, address: "plain@example.com"),
            MailAddress(name: "Evil\r\nBcc: x@example.com", address: "e@example.com>\r\nBcc: y@example.com"),
        ]
        mail.to = names
        let bytes = mail.compose()
        for line in headerLines(bytes) { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(!headerLines(bytes).contains { $0.hasPrefix("Bcc:") })
        let parsed = MailMessage.parse(bytes)
        #expect(parsed.to.map(\.name) == names.map(\.name))
        #expect(parsed.to.prefix(4).map(\.address) == names.prefix(4).map(\.address))
        #expect(parsed.from == support)
    }

    @Test func bodyWithRiskyLinesRoundTripsThroughQuotedPrintable() {
        let text = """
            From now on the order is confirmed.
            .
            .. نقطتان في البداية
            From الرياض with thanks
            سطر طويل جداً يتجاوز حد السطر في الترميز المقتبس القابل للطباعة ويجب أن يُقسم دون كسر أي حرف عربي أبداً.
            tab\tand trailing space\u{20}
            = equals = 100%
            """
        let bytes = composer(text: text).compose()
        let body = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n\r\n", maxSplits: 1).last ?? ""
        for line in body.split(separator: "\r\n") {
            #expect(line.utf8.count <= 76)
            #expect(!line.hasPrefix("."))
            #expect(!line.hasPrefix("From "))
            #expect(!line.hasSuffix(" "))
            // Each physical line decodes on its own to whole characters: no UTF-8 sequence or escape is split.
            let single =
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            let decoded = MailMessage.parse(Array((single + line).utf8))
            #expect(decoded.problems == [], "\(line)")
        }
        #expect(MailMessage.parse(bytes).textBody == text)
    }

    @Test func htmlMakesAnAlternative() {
        var mail = composer()
        mail.html = "<p dir=\"rtl\">شكراً لتواصلك معنا.</p>"
        let message = MailMessage.parse(mail.compose())
        #expect(message.problems == [])
        #expect(message.headers["Content-Type"]?.hasPrefix("multipart/alternative;") == true)
        #expect(message.textBody == "شكراً لتواصلك معنا.")
        #expect(message.htmlBody == "<p dir=\"rtl\">شكراً لتواصلك معنا.</p>")
    }

    @Test func attachmentsRoundTripWithArabicNames() {
        var mail = composer()
        let pdfName = "كشف حساب العميل لشهر نوفمبر ٢٠٢٦ - فرع الرياض الرئيسي - نسخة نهائية معتمدة.pdf"
        let payload = (0..<1000).map { UInt8($0 % 256) }
        mail.attachments = [
            MailAttachment(filename: pdfName, contentType: "application/pdf", bytes: payload),
            MailAttachment(filename: "notes.txt", contentType: "text/plain", bytes: Array("ملاحظات".utf8)),
            MailAttachment(filename: nil, contentType: "bad type\r\nX: y", bytes: []),
        ]
        let bytes = mail.compose()
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
        let message = MailMessage.parse(bytes)
        #expect(message.problems == [])
        #expect(message.textBody == "شكراً لتواصلك معنا.")
        #expect(message.attachments.map(\.filename) == [pdfName, "notes.txt", nil])
        #expect(
            message.attachments.map(\.contentType) == ["application/pdf", "text/plain", "application/octet-stream"])
        #expect(message.attachments.first?.bytes == payload)
        #expect(message.attachments[1].bytes == Array("ملاحظات".utf8))
    }

    @Test func inlineImagesGoWithTheHTML() {
        var mail = composer()
        mail.html = "<p>شعارنا: <img src=\"cid:logo@raaya\"></p>"
        mail.attachments = [
            MailAttachment(
                filename: "شعار.png", contentType: "image/png", contentID: "logo@raaya", disposition: .inline,
                bytes: MailFixtures.pngBytes),
            MailAttachment(filename: "فاتورة.pdf", contentType: "application/pdf", bytes: MailFixtures.pdfBytes),
        ]
        let message = MailMessage.parse(mail.compose())
        #expect(message.problems == [])
        #expect(message.headers["Content-Type"]?.hasPrefix("multipart/mixed;") == true)
        #expect(message.htmlBody == "<p>شعارنا: <img src=\"cid:logo@raaya\"></p>")
        #expect(message.textBody == "شكراً لتواصلك معنا.")
        let image = message.attachments.first
        #expect(image?.contentID == "logo@raaya")
        #expect(image?.disposition == .inline)
        #expect(image?.filename == "شعار.png")
        #expect(image?.bytes == MailFixtures.pngBytes)
        #expect(message.attachments.last?.filename == "فاتورة.pdf")
        #expect(message.attachments.last?.disposition == .attachment)
    }

    @Test func base64LinesAreAtMost76Characters() {
        var mail = composer()
        mail.attachments = [
            MailAttachment(
                filename: "data.bin", contentType: "application/octet-stream",
                bytes: Array(repeating: 0xAB, count: 500))
        ]
        let text = String(decoding: mail.compose(), as: UTF8.self)
        let base64Lines = text.split(separator: "\r\n").filter { $0.hasPrefix("q6ur") }
        #expect(!base64Lines.isEmpty)
        #expect(base64Lines.dropLast().allSatisfy { $0.count == 76 })
    }

    @Test func automaticAcknowledgementsAreMarked() {
        var mail = composer()
        mail.isAutomatic = true
        let message = MailMessage.parse(mail.compose())
        #expect(message.headers["Auto-Submitted"] == "auto-replied")
        #expect(message.automatic == .autoReply)
    }

    @Test func boundariesComeFromTheSeedAndAvoidTheContent() {
        var mail = composer()
        mail.html = "<p>مرحبا</p>"
        let first = mail.compose()
        #expect(mail.compose() == first)
        let boundary = MailMessage.parse(first).headers["Content-Type"]?.split(separator: "\"")[1] ?? ""
        #expect(boundary.count > 10)

        mail.text = "--\(boundary)\nسطر يشبه الحد\n--\(boundary)--"
        mail.html = "<pre>--\(boundary)</pre>"
        let tricky = MailMessage.parse(mail.compose())
        #expect(tricky.problems == [])
        #expect(tricky.textBody == mail.text)
        #expect(tricky.htmlBody == mail.html)

        mail.boundarySeed = "another seed"
        #expect(String(decoding: mail.compose(), as: UTF8.self).contains(boundary) == false)
    }

    @Test func replyToIsWrittenWhenGiven() {
        var mail = composer()
        mail.replyTo = MailAddress(name: "رعاية", address: "reply+1042@raaya.example")
        let message = MailMessage.parse(mail.compose())
        #expect(message.replyAddress == MailAddress(name: "رعاية", address: "reply+1042@raaya.example"))
    }
}
