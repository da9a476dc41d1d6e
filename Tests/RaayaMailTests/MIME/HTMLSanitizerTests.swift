import RaayaMail
import Testing

@Suite struct HTMLSanitizerTests {
    @Test(arguments: [
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<a href=\"JaVaScRiPt:alert(1)\">انقر</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">انقر</a>",
        "<a href=\"jav&#9;ascript:alert(1)\">انقر</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\" \u{1}javascript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href='vbscript:msgbox(1)'>x</a>",
        "<a href=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>x</a>",
        "<svg onload=alert(1)><circle r=5 /></svg>",
        "<svg/onload=alert(1)>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "\"><script>alert(document.cookie)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<script>alert(1)</script  >",
        "<style>@import 'javascript:alert(1)';</style>",
        "<div style=\"background:url(javascript:alert(1))\">نص</div>",
        "<p onclick=\"alert(1)\" ONMOUSEOVER=alert(1)>نص</p>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"evil.swf\"><param name=x></object>",
        "<embed src=\"evil.swf\">",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"http://tracker.example/p.gif\">",
        "<!--<script>alert(1)//--><p>نص</p>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\" style=\"x\">رابط</a>",
        "<body onload=alert(1)>مرحبا</body>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<table background=\"javascript:alert(1)\"><tr><td>خلية</td></tr></table>",
        "<img src=`javascript:alert(1)`>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><script>alert(1)</script></textarea>",
        "<title><script>alert(1)</script></title>",
        "<a href=\"https://ok.example\"\"onclick=alert(1)>x</a>",
        "<img src=x:alert(1) onerror=eval(src)>",
        "<div><script\n>alert(1)</script\n></div>",
        "<x onclick=alert(1)>x</x>",
        "<details open ontoggle=alert(1)>",
    ])
    func neutralizesScript(payload: String) {
        let output = HTMLSanitizer.sanitize(payload).lowercased()
        #expect(!output.contains("<script"))
        #expect(!output.contains("javascript:"))
        #expect(!output.contains("vbscript:"))
        #expect(!output.contains("data:text"))
        #expect(!output.contains(" on"))
        #expect(!output.contains("style="))
        #expect(!output.contains("<svg"))
        #expect(!output.contains("<iframe"))
        #expect(!output.contains("<object"))
        #expect(!output.contains("<embed"))
        #expect(!output.contains("<form"))
        #expect(!output.contains("<input"))
        #expect(!output.contains("<math"))
        #expect(!output.contains("<meta"))
        #expect(!output.contains("<base"))
        #expect(!output.contains("<link"))
        #expect(!output.contains("alert(document"))
        #expect(!output.contains("http://tracker"))
        #expect(!output.contains("<img src=\"x"))
        #expect(!output.contains("<!--"))
    }

    @Test(arguments: [
        ("<p dir=\"rtl\">مرحباً <b>بكم</b></p>", "<p dir=\"rtl\">مرحباً <b>بكم</b></p>"),
        ("<DIV DIR=RTL>نص</DIV>", "<div dir=\"rtl\">نص</div>"),
        ("<span dir='auto' lang='ar'>نص</span>", "<span dir=\"auto\">نص</span>"),
        ("<p dir=\"sideways\">نص</p>", "<p>نص</p>"),
        (
            "<a href=\"https://raaya.example/t/1042\">الطلب</a>",
            "<a href=\"https://raaya.example/t/1042\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">الطلب</a>"
        ),
        (
            "<a href=\"MAILTO:sara@example.sa\" target=_self rel=opener>سارة</a>",
            "<a href=\"MAILTO:sara@example.sa\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">سارة</a>"
        ),
        ("<a href=\"/relative\">نسبي</a>", "<a>نسبي</a>"),
        (
            "<a href=\"https://x.example/?a=1&copy=2&amp;b=3\">x</a>",
            "<a href=\"https://x.example/?a=1&amp;copy=2&amp;b=3\""
                + " rel=\"noopener noreferrer nofollow\" target=\"_blank\">x</a>"
        ),
        ("<img src=\"cid:logo@raaya\" alt=\"شعار\" width=100>", "<img src=\"cid:logo@raaya\" alt=\"شعار\">"),
        ("<img src=\"https://cdn.example/a.png\"/>", "<img src=\"https://cdn.example/a.png\">"),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"),
        (
            "<img src=\"data:image/jpeg,xx\"><img src=\"data:image/gif;base64,R0lG\">",
            "<img src=\"data:image/jpeg,xx\"><img src=\"data:image/gif;base64,R0lG\">"
        ),
        ("<img src=\"data:image/pngx;base64,AA\">", "<img>"),
        (
            "<table><tr><td colspan=\"2\" rowspan=abc>خلية</td></tr></table>",
            "<table><tr><td colspan=\"2\">خلية</td></tr></table>"
        ),
        ("<td colspan=0>x</td><td colspan=5000>y</td>", "<td>x</td><td>y</td>"),
        ("<p title='قال \"مرحبا\" & <ذهب>'>نص</p>", "<p title=\"قال &quot;مرحبا&quot; &amp; &lt;ذهب&gt;\">نص</p>"),
        ("<p>1 < 2 & 3 > 2 \"quoted\"</p>", "<p>1 &lt; 2 &amp; 3 &gt; 2 &quot;quoted&quot;</p>"),
        (
            "<p>&lt;script&gt; &#1605;&#x631;&#X62D;&#1576;&#1575; &nbsp;&bogus;</p>",
            "<p>&lt;script&gt; مرحبا \u{A0}&amp;bogus;</p>"
        ),
        ("<ul><li>أول<li>ثانٍ</ul>", "<ul><li>أول<li>ثانٍ</li></li></ul>"),
        ("<p><b>غامق <i>مائل</p> بعد", "<p><b>غامق <i>مائل</i></b></p> بعد"),
        ("</div>نص</p></b><br/></br>", "نص<br>"),
        (
            "<h1>عنوان</h1><h6>صغير</h6><hr><pre><code>x = 1</code></pre>",
            "<h1>عنوان</h1><h6>صغير</h6><hr><pre><code>x = 1</code></pre>"
        ),
        (
            "<blockquote><s>قديم</s> <u>جديد</u> <em>مهم</em> <strong>جداً</strong></blockquote>",
            "<blockquote><s>قديم</s> <u>جديد</u> <em>مهم</em> <strong>جداً</strong></blockquote>"
        ),
        (
            "<!DOCTYPE html><html><head><title>عنوان</title><style>p{}</style></head><body><p>نص</p></body></html>",
            "<p>نص</p>"
        ),
        ("<font color=red face=\"Arial\">أحمر</font><center>وسط</center>", "أحمروسط"),
        ("<scr<script>ipt>alert(1)</scr</script>ipt>", "ipt&gt;alert(1)ipt&gt;"),
        ("\"><script>alert(1)</script>", "&quot;&gt;"),
        ("<p>before<script>x</script>after</p>", "<p>beforeafter</p>"),
        ("<svg><p>hidden</p><svg></svg>still hidden</svg><p>shown</p>", "<p>shown</p>"),
        ("<p title=x / >a</p>", "<p title=\"x\">a</p>"),
        ("<p>unterminated <b", "<p>unterminated </p>"),
        ("<p>\u{0}null</p>", "<p>\u{FFFD}null</p>"),
        ("نص عادي بلا وسوم", "نص عادي بلا وسوم"),
        ("", ""),
    ])
    func keepsWhatIsSafe(input: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(input) == expected)
    }

    @Test func deepNestingIsCapped() {
        let html = String(repeating: "<div>", count: 5000) + "عميق" + String(repeating: "</div>", count: 5000)
        let output = HTMLSanitizer.sanitize(html)
        #expect(output.contains("عميق"))
        #expect(output.components(separatedBy: "<div>").count - 1 == 256)
        #expect(output.components(separatedBy: "</div>").count - 1 == 256)
    }

    @Test func gmailFixtureSanitizesWithDirectionKept() {
        let message = MailMessage.parse(MailFixtures.gmailReply.crlfBytes)
        let html = HTMLSanitizer.sanitize(message.htmlBody ?? "")
        #expect(html.hasPrefix("<div dir=\"rtl\">شكراً، المشكلة ما زالت قائمة"))
        #expect(html.contains("<blockquote><div dir=\"rtl\">مرحباً ليلى"))
        #expect(!html.contains("style"))
        #expect(!html.contains("class"))
    }
}

extension String {
    /// Splits on a separator string without Foundation.
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        split(separator: separator, omittingEmptySubsequences: false)
    }
}
