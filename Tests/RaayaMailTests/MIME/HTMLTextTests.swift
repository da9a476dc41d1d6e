import RaayaMail
import Testing

@Suite struct HTMLTextTests {
    @Test func blocksAndBreaksBecomeLines() {
        let html = "<div>السطر الأول</div><div>السطر<br>الثاني</div><p>فقرة</p><ul><li>بند ١</li><li>بند ٢</li></ul>"
        #expect(MailText.plainText(fromHTML: html) == "السطر الأول\nالسطر\nالثاني\nفقرة\nبند ١\nبند ٢")
    }

    @Test func whitespaceCollapsesAsInABrowser() {
        let html = "<p>  كلمة\n\n   أخرى\t<b>غامق</b>  </p>\n\n<p>ثم</p>"
        #expect(MailText.plainText(fromHTML: html) == "كلمة أخرى غامق\nثم")
    }

    @Test func entitiesDecodedIncludingNumericOnes() {
        let html =
            "<p>&lt;&amp;&gt; &quot;&#1605;&#x631;&#X62D;&#1576;&#1575;&quot; &copy &euro;&hellip; &#0; &#150;</p>"
        #expect(MailText.plainText(fromHTML: html) == "<&> \"مرحبا\" © €… \u{FFFD} \u{2013}")
    }

    @Test func invisibleContentIsDropped() {
        let html = """
            <html><head><title>عنوان</title><style>p { color: red }</style></head>
            <body><script>var x = "<p>لا</p>";</script><p>مرئي</p><template><p>قالب</p></template></body></html>
            """
        #expect(MailText.plainText(fromHTML: html) == "مرئي")
    }

    @Test func blockquotesAreMarkedForReplyFolding() {
        let html = "<div>رد جديد</div><blockquote><div>نص قديم</div><blockquote>أقدم</blockquote></blockquote>"
        let text = MailText.plainText(fromHTML: html)
        #expect(text == "رد جديد\n> نص قديم\n>> أقدم")
        #expect(MailText.splitQuoted(text).new == "رد جديد")
    }

    @Test func preformattedTextKeepsItsLines() {
        let html = "<pre>رقم   الطلب\n  1042</pre><p>بعد</p>"
        #expect(MailText.plainText(fromHTML: html) == "رقم   الطلب\n  1042\nبعد")
    }

    @Test func tableCellsAreSeparated() {
        let html = "<table><tr><td>المنتج</td><td>السعر</td></tr><tr><td>هاتف</td><td>٩٩٩</td></tr></table>"
        #expect(MailText.plainText(fromHTML: html) == "المنتج السعر\nهاتف ٩٩٩")
    }

    @Test func outlookFixtureReadsAsText() {
        let message = MailMessage.parse(MailFixtures.outlookHTML.crlfBytes)
        #expect(message.problems == [])
        #expect(message.subject == "الجهاز لا يعمل")
        #expect(message.from == MailAddress(name: "سارة", address: "sara@example.com.sa"))
        #expect(message.textBody == nil)
        #expect(
            message.preferredText == """
                مرحباً،
                الجهاز لا يعمل منذ أمس & الضمان ساري.

                سارة
                من: Raaya Support <support@raaya.example>
                تاريخ الإرسال: الأحد، 1 نوفمبر، 2026 09:00 ص
                إلى: سارة
                الموضوع: طلبك #1041
                شكراً لتواصلك معنا.
                """)
    }

    @Test func emptyAndTaglessInput() {
        #expect(MailText.plainText(fromHTML: "") == "")
        #expect(MailText.plainText(fromHTML: "نص فقط") == "نص فقط")
        #expect(MailText.plainText(fromHTML: "<p></p><br><br><br><p>بعد فراغ</p>") == "بعد فراغ")
    }
}
