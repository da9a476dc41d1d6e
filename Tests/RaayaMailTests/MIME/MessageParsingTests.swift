import RaayaMail
import Testing

@Suite struct MessageParsingTests {
    @Test func gmailReplyReadsHeadersAndBothAlternatives() {
        let message = MailMessage.parse(MailFixtures.gmailReply.crlfBytes)
        #expect(message.problems == [])
        #expect(message.subject == "Re: [#1042] مشكلة في الفاتورة")
        #expect(message.ticketNumber == 1042)
        #expect(message.from == MailAddress(name: "ليلى حسن", address: "Layla.H@example.com"))
        #expect(message.to == [MailAddress(name: "Raaya Support", address: "support@raaya.example")])
        #expect(message.messageID == "CAF3k9=abc123@mail.gmail.com")
        #expect(message.inReplyTo == ["ticket-1042.2@raaya.example"])
        #expect(message.references == ["ticket-1042.1@raaya.example", "ticket-1042.2@raaya.example"])
        #expect(message.date == 1_793_603_100)
        #expect(message.textBody == MailFixtures.gmailReplyText)
        #expect(message.htmlBody?.hasPrefix("<div dir=\"rtl\">شكراً، المشكلة ما زالت قائمة") == true)
        #expect(message.htmlBody?.contains("قائمة؟</div></blockquote>") == true)
        #expect(message.preferredText == MailFixtures.gmailReplyText)
        #expect(message.attachments.isEmpty)
        #expect(message.automatic == nil)
    }

    @Test func headersAreUnfoldedAndKeptInOrder() {
        let message = MailMessage.parse(MailFixtures.gmailReply.crlfBytes)
        #expect(
            message.headers["received"]
                == "from mail-wr1-f41.google.com (mail-wr1-f41.google.com [209.85.221.41])"
                + "\tby mx.raaya.example with ESMTPS id 4B2C1; Mon, 2 Nov 2026 10:05:12 +0300")
        #expect(message.headers.fields.first?.name == "Return-Path")
        #expect(message.headers.fields.map(\.name).contains("Content-Type"))
    }

    @Test func bareLineFeedsReadLikeCRLF() {
        let crlf = MailMessage.parse(MailFixtures.gmailReply.crlfBytes)
        let lf = MailMessage.parse(MailFixtures.gmailReply.lfBytes)
        #expect(lf == crlf)
    }

    @Test func rawUTF8HeadersAreDecoded() {
        let raw = """
            From: سلمى العتيبي <salma@example.sa>
            Subject: طلب استرجاع المبلغ
            Content-Type: text/plain; charset=utf-8

            أرجو استرجاع المبلغ.
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.subject == "طلب استرجاع المبلغ")
        #expect(message.from?.name == "سلمى العتيبي")
        #expect(message.textBody == "أرجو استرجاع المبلغ.")
        #expect(message.problems == [])
    }

    @Test func eightBitHeadersInTheBodyCharsetFallBackToIt() {
        let header = Array("Subject: ".utf8) + [0xD8, 0xE1, 0xC8] + Array("\r\n".utf8)
        let rest = "Content-Type: text/plain; charset=windows-1256\r\n\r\nok".utf8
        let message = MailMessage.parse(header + rest)
        #expect(message.subject == "طلب")
        #expect(message.problems.count == 1)
    }

    @Test func quotedPrintableSoftBreaksAndLowercaseHex() {
        let raw = """
            From: a@example.com
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            =d9=85=d8=b1=d8=ad=d8=a8=d8=a7 =D8=A8=D9=83=
            =D9=85 a=3Db=\u{20}\u{20}
            trailing blanks are padding\u{20}\u{20}
            = not an escape =ZZ
            """
        let message = MailMessage.parse(raw.crlfBytes)
        // `=` followed only by padding blanks is still a soft break.
        #expect(message.textBody == "مرحبا بكم a=btrailing blanks are padding\n= not an escape =ZZ")
    }

    @Test func base64WithLineBreaksAndJunkIsDecodedAndReported() {
        let raw = """
            From: a@example.com
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: BASE64

            2YXYsdit
            2KjY
            pw==!!
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.textBody == "مرحبا")
        #expect(message.problems.contains { $0.contains("base64") })
    }

    @Test func missingFinalBoundaryKeepsTheLastPart() {
        let raw = """
            From: a@example.com
            Content-Type: multipart/mixed; boundary=xyz

            --xyz
            Content-Type: text/plain; charset=utf-8

            الجزء الأول
            --xyz
            Content-Type: text/plain; charset=utf-8

            الجزء الثاني بلا نهاية
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.textBody == "الجزء الأول\nالجزء الثاني بلا نهاية")
        #expect(message.problems.contains { $0.contains("closing boundary") })
    }

    @Test func aBoundaryThatPrefixesAnInnerOneDoesNotSplitIt() {
        let raw = """
            From: a@example.com
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: multipart/alternative; boundary="b-inner"

            --b-inner
            Content-Type: text/plain; charset=utf-8

            نص عادي
            --b-inner
            Content-Type: text/html; charset=utf-8

            <p>نص <b>منسق</b></p>
            --b-inner--
            --b
            Content-Type: text/csv; name="orders.csv"

            رقم,حالة
            --b--
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.problems == [])
        #expect(message.textBody == "نص عادي")
        #expect(message.htmlBody == "<p>نص <b>منسق</b></p>")
        #expect(message.attachments.map(\.filename) == ["orders.csv"])
        #expect(message.attachments.first?.bytes == Array("رقم,حالة".utf8))
    }

    @Test func multipartWithoutBoundaryDegradesToText() {
        let raw = """
            From: a@example.com
            Content-Type: multipart/mixed

            مرحبا، لا يوجد حد فاصل هنا.
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.textBody == "مرحبا، لا يوجد حد فاصل هنا.")
        #expect(message.problems.contains { $0.contains("without a boundary") })
    }

    @Test func boundaryThatNeverAppearsDegradesToText() {
        let raw = """
            Content-Type: multipart/alternative; boundary="absent"

            نص فقط
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.textBody == "نص فقط")
        #expect(message.problems.contains { $0.contains("never appears") })
    }

    @Test func nestingBeyondTheCapStopsSafely() {
        var raw = "From: a@example.com\nSubject: عميق\n"
        for level in 0..<40 {
            raw += "Content-Type: multipart/mixed; boundary=\"l\(level)\"\n\n--l\(level)\n"
        }
        raw += "Content-Type: text/plain; charset=utf-8\n\nفي القاع\n"
        for level in (0..<40).reversed() { raw += "--l\(level)--\n" }
        let message = MailMessage.parse(raw.lfBytes)
        #expect(message.subject == "عميق")
        #expect(message.problems.contains { $0.contains("deeper than 32") })
        #expect(message.attachments.count == 1)
        #expect(message.textBody == nil)
    }

    @Test func forwardedMessageIsKeptAsAnAttachmentNamedBySubject() {
        let message = MailMessage.parse(MailFixtures.bounce.crlfBytes)
        let forwarded = message.attachments.first { $0.contentType == "message/rfc822" }
        #expect(forwarded?.filename == "[#1042] تم استلام طلبك.eml")
        #expect(forwarded.map { String(decoding: $0.bytes, as: UTF8.self).hasSuffix("تم استلام طلبك.") } == true)
        #expect(message.textBody?.contains("550 5.1.1 User unknown") == true)
        #expect(message.attachments.map(\.contentType) == ["message/delivery-status", "message/rfc822"])
    }

    @Test func appleMailInlineTextPartsAreJoined() {
        let raw = """
            Content-Type: multipart/mixed; boundary="apple"

            --apple
            Content-Type: text/plain; charset=utf-8

            قبل الصورة
            --apple
            Content-Type: image/jpeg
            Content-Disposition: inline
            Content-Transfer-Encoding: base64

            /9j/
            --apple
            Content-Type: text/plain; charset=utf-8

            بعد الصورة
            --apple--
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.textBody == "قبل الصورة\nبعد الصورة")
        #expect(message.attachments.first?.bytes == [0xFF, 0xD8, 0xFF])
        #expect(message.attachments.first?.disposition == .inline)
    }

    @Test func replyAddressPrefersReplyTo() {
        let raw = """
            From: Ahmad <ahmad@example.com>
            Reply-To: "قسم المشتريات" <purchasing@example.com>
            Cc: a@example.com, "Smith, John" <john@example.com>

            مرحبا
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.replyAddress == MailAddress(name: "قسم المشتريات", address: "purchasing@example.com"))
        #expect(message.cc.map(\.address) == ["a@example.com", "john@example.com"])
    }

    @Test func subjectWithoutEncodingAndMissingFieldsAreEmptyNotNil() {
        let message = MailMessage.parse("Content-Type: text/plain\n\nنص".lfBytes)
        #expect(message.subject == "")
        #expect(message.from == nil)
        #expect(message.date == nil)
        #expect(message.messageID == nil)
        #expect(message.references == [])
    }
}
