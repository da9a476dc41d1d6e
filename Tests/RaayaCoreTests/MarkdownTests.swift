import Testing
@testable import RaayaCore

@Suite("Markdown: an article's text rendered safely — تنسيق المقالات")
struct MarkdownTests {
    @Test("paragraphs, headings, lists, bold, italic, code and links")
    func blocks() {
        let source = """
            يمكنك تتبّع طلبك من صفحة **طلباتي** في التطبيق.
            سطر ثانٍ في الفقرة نفسها.

            ## خطوات التتبع

            1. سجّل الدخول وافتح [طلباتي](/account/orders).
            2. اختر الطلب *الأخير*.

            - رمز التتبع: `OAS-1042`
            - [اتصل بنا](mailto:help@oasis.example)
            """
        #expect(
            Markdown.html(source) == """
                <p>يمكنك تتبّع طلبك من صفحة <strong>طلباتي</strong> في التطبيق.<br>سطر ثانٍ في الفقرة نفسها.</p>
                <h3>خطوات التتبع</h3>
                <ol><li>سجّل الدخول وافتح <a href="/account/orders">طلباتي</a>.</li><li>اختر الطلب <em>الأخير</em>.</li></ol>
                <ul><li>رمز التتبع: <code>OAS-1042</code></li><li><a href="mailto:help@oasis.example">اتصل بنا</a></li></ul>

                """)
    }

    @Test("no author text becomes markup: tags, attributes and unsafe link targets stay text")
    func safety() {
        let html = Markdown.html("""
            <script>alert(1)</script> <img src=x onerror=alert(2)>
            [انقر](javascript:alert(3)) [هنا](//evil.example/x) [خارجي](https://oasis.example/help "x")
            **<b>غامق</b>** `<i>`
            """)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"))
        #expect(!html.contains("href=\"javascript") && !html.contains("href=\"//"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("[انقر](javascript:alert(3))"), "an unsafe link is shown as typed")
        #expect(Markdown.html("[موقعنا](https://oasis.example/ar)") == "<p><a href=\"https://oasis.example/ar\" rel=\"noopener noreferrer nofollow\">موقعنا</a></p>\n")
    }

    @Test("plain text and the first paragraph, for search and the bot's short answer")
    func plain() {
        let source = "يصل طلبك خلال **٣ أيام** عبر [الشحن](/help/shipping).\n\n## التفاصيل\n\n- الرياض: يوم واحد"
        #expect(Markdown.firstParagraph(source) == "يصل طلبك خلال ٣ أيام عبر الشحن.")
        #expect(Markdown.plainText(source) == "يصل طلبك خلال ٣ أيام عبر الشحن.\n\nالتفاصيل\n\nالرياض: يوم واحد")
    }
}
