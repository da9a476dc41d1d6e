import RaayaMail
import Testing

@Suite struct SplitQuotedTests {
    @Test func gmailArabicAttributionAndQuoteMarks() {
        let (new, quoted) = MailText.splitQuoted(MailFixtures.gmailReplyText)
        #expect(new == "شكراً، المشكلة ما زالت قائمة بعد التحديث.\nرقم الفاتورة: INV-2026-118")
        #expect(quoted.hasPrefix("في الاثنين، ٢ نوفمبر ٢٠٢٦"))
        #expect(quoted.hasSuffix("> فريق الدعم"))
    }

    @Test func englishAttributionOnOneLine() {
        let text = """
            The update fixed it, thank you.
            شكراً لكم

            On Mon, 2 Nov 2026 at 10:00, Raaya <support@x> wrote:
            > Could you try the update?
            """
        let (new, quoted) = MailText.splitQuoted(text)
        #expect(new == "The update fixed it, thank you.\nشكراً لكم")
        #expect(quoted == "On Mon, 2 Nov 2026 at 10:00, Raaya <support@x> wrote:\n> Could you try the update?")
    }

    @Test func attributionWrappedOverTwoLines() {
        let text = """
            لم يصلني الرمز بعد.

            On Mon, 2 Nov 2026 at 10:00, Raaya Support Team <
            support@raaya.example> wrote:

            > We sent you a new code.
            """
        let (new, quoted) = MailText.splitQuoted(text)
        #expect(new == "لم يصلني الرمز بعد.")
        #expect(quoted.hasPrefix("On Mon, 2 Nov 2026"))
        #expect(quoted.hasSuffix("> We sent you a new code."))
    }

    @Test func arabicAttributionWithBidiMarks() {
        let text = "تم الدفع.\n\u{202B}في الأحد، ١ نوفمبر ٢٠٢٦ ١٠:٠٠ م، كتب Raaya <support@x>:\u{202C}\n> ادفع من فضلك"
        #expect(MailText.splitQuoted(text).new == "تم الدفع.")
    }

    @Test func arabicAttributionEndingWithKataba() {
        let text = """
            موافق على الموعد.
            في الاثنين، ٢ نوفمبر ٢٠٢٦ ١٠:٠٠ ص، فريق رعاية <support@raaya.example> كتب:
            > هل يناسبك الموعد؟
            """
        let (new, quoted) = MailText.splitQuoted(text)
        #expect(new == "موافق على الموعد.")
        #expect(quoted.hasSuffix("> هل يناسبك الموعد؟"))
    }

    @Test(arguments: ["-----Original Message-----", "-----الرسالة الأصلية-----", "----- Original Message -----"])
    func outlookSeparators(separator: String) {
        let text = "أرسلت لكم الصورة.\n\n\(separator)\nFrom: Raaya\nSubject: طلبك"
        let (new, quoted) = MailText.splitQuoted(text)
        #expect(new == "أرسلت لكم الصورة.")
        #expect(quoted.hasPrefix(separator))
    }

    @Test func outlookFromSentBlockInEnglishAndArabic() {
        let english = """
            Please close the ticket.

            ________________________________
            From: Raaya Support <support@raaya.example>
            Sent: Monday, November 2, 2026 10:00 AM
            To: Sara
            Subject: [#1042] تم حل المشكلة
            """
        #expect(MailText.splitQuoted(english).new == "Please close the ticket.")

        let arabic = """
            أرجو إغلاق الطلب.

            *من:* Raaya Support <support@raaya.example>
            *تاريخ الإرسال:* الاثنين، 2 نوفمبر، 2026 10:00 ص
            *إلى:* سارة
            """
        let (new, quoted) = MailText.splitQuoted(arabic)
        #expect(new == "أرجو إغلاق الطلب.")
        #expect(quoted.hasPrefix("*من:*"))
    }

    @Test func outlookHTMLFixtureSplitsAtTheArabicFromBlock() {
        let message = MailMessage.parse(MailFixtures.outlookHTML.crlfBytes)
        let (new, quoted) = MailText.splitQuoted(message.preferredText)
        #expect(new == "مرحباً،\nالجهاز لا يعمل منذ أمس & الضمان ساري.\n\nسارة")
        #expect(quoted.hasPrefix("من: Raaya Support <support@raaya.example>\nتاريخ الإرسال:"))
        #expect(quoted.hasSuffix("شكراً لتواصلك معنا."))
    }

    @Test func signatureAfterDashDashSpace() {
        let text = "الطلب وصل، شكراً.\n-- \nمحمد العلي\nهاتف: 0500000000"
        let (new, quoted) = MailText.splitQuoted(text)
        #expect(new == "الطلب وصل، شكراً.")
        #expect(quoted == "-- \nمحمد العلي\nهاتف: 0500000000")
        #expect(MailText.splitQuoted("نعم\n--\nمحمد").new == "نعم")
        #expect(MailText.splitQuoted("نعم\n--- \nمحمد").new == "نعم\n--- \nمحمد")
    }

    @Test func interleavedQuotesAreSetAside() {
        let text = "> هل الجهاز يعمل؟\nنعم يعمل.\n> وهل الشاحن معك؟\nلا."
        let (new, quoted) = MailText.splitQuoted(text)
        #expect(new == "نعم يعمل.\nلا.")
        #expect(quoted == "> هل الجهاز يعمل؟\n> وهل الشاحن معك؟")
    }

    @Test func wholeMailQuotedKeepsEverythingAsNew() {
        let text = "> نص مقتبس فقط\n> لا جديد"
        #expect(MailText.splitQuoted(text) == (text, ""))
        let forwarded = "On Mon, 2 Nov 2026, Ali <ali@x> wrote:\n> الرسالة الأصلية"
        #expect(MailText.splitQuoted(forwarded).new == forwarded)
    }

    @Test func ordinaryArabicLinesAreNotMistakenForAttributions() {
        let text = "في المرفق صورة الفاتورة.\nهذا ما كتب:\nالمبلغ غير صحيح.\nFrom: my phone"
        #expect(MailText.splitQuoted(text) == (text, ""))
    }

    @Test func crlfInputSplitsTheSame() {
        let text = "تمام\r\n\r\nOn Mon, 2 Nov 2026, Raaya <s@x> wrote:\r\n> سؤال"
        #expect(MailText.splitQuoted(text).new == "تمام")
    }
}
