import RaayaMail
import Testing

@Suite struct CharsetTests {
    @Test func windows1256BodyAndSubjectDecode() {
        let message = MailMessage.parse(MailFixtures.windows1256)
        #expect(message.problems == [])
        #expect(message.subject == "إلغاء طلب")
        #expect(message.from == MailAddress(name: "عمر", address: "omar@example.net"))
        #expect(message.textBody == "السلام عليكم،\nأرجو إلغاء الطلب رقم 55 لأنه وصل متأخراً.\nمع الشكر")
        #expect(message.date == 1_793_562_000)
    }

    @Test func iso88596BodyAndSubjectDecode() {
        let message = MailMessage.parse(MailFixtures.iso88596.crlfBytes)
        #expect(message.subject == "طلب 77")
        #expect(message.textBody == "الفاتورة مرفقة")
        #expect(message.problems == [])
    }

    @Test func iso88596UnassignedBytesAreReplacedAndReported() {
        let raw = Array("Content-Type: text/plain; charset=iso-8859-6\n\n".utf8) + [0xC7, 0xA1, 0xE4]
        let message = MailMessage.parse(raw)
        #expect(message.textBody == "ا\u{FFFD}ل")
        #expect(message.problems.count == 1)
    }

    @Test func windows1256CoversPersianLettersAndMarks() {
        // پ چ گ ک, Arabic comma, ZWNJ and the RLM of the 0x80–0xFF range.
        let raw =
            Array("Content-Type: text/plain; charset=cp1256\n\n".utf8) + [0x81, 0x8D, 0x90, 0x98, 0xA1, 0x9D, 0xFE]
        #expect(MailMessage.parse(raw).textBody == "پچگک،\u{200C}\u{200F}")
    }

    @Test func invalidUTF8IsReplacedNotDropped() {
        let raw = Array("Content-Type: text/plain; charset=utf-8\n\n".utf8) + [0xD9, 0x85, 0xFF, 0xD8, 0xB1]
        let message = MailMessage.parse(raw)
        #expect(message.textBody == "م\u{FFFD}ر")
        #expect(message.problems.contains { $0.contains("invalid UTF-8") })
    }

    @Test func unknownCharsetTriesUTF8ThenLatin1() {
        let utf8 = MailMessage.parse(Array("Content-Type: text/plain; charset=x-klingon\n\nمرحبا".utf8))
        #expect(utf8.textBody == "مرحبا")
        #expect(utf8.problems.contains { $0.contains("x-klingon") })

        let latin = MailMessage.parse(Array("Content-Type: text/plain; charset=x-klingon\n\ncaf".utf8) + [0xE9])
        #expect(latin.textBody == "café")
        #expect(latin.problems.contains { $0.contains("Latin-1") })
    }

    @Test func latin1AndWindows1252Labels() {
        let raw = Array("Content-Type: text/plain; charset=\"ISO-8859-1\"\n\n".utf8) + [0x93, 0x6E, 0xE9, 0x94, 0x80]
        #expect(MailMessage.parse(raw).textBody == "\u{201C}né\u{201D}€")
    }

    @Test func usASCIILabelWithUTF8BytesIsReadAsUTF8() {
        let message = MailMessage.parse("Content-Type: text/plain; charset=us-ascii\n\nشكرا".lfBytes)
        #expect(message.textBody == "شكرا")
        #expect(message.problems.count == 1)
    }

    @Test func htmlWithoutCharsetParameterUsesItsMetaTag() {
        let raw =
            Array("Content-Type: text/html\n\n<meta charset=\"windows-1256\"><p>".utf8) + [
                0xE3, 0xD1, 0xCD, 0xC8, 0xC7,
            ]
        let message = MailMessage.parse(raw)
        #expect(message.preferredText == "مرحبا")
    }
}

@Suite struct EncodedWordTests {
    @Test(arguments: [
        ("=?UTF-8?B?2YXYsdit2KjYpw==?=", "مرحبا"),
        ("=?utf-8?b?2YXYsdit2KjYpw==?=", "مرحبا"),
        ("=?windows-1256?Q?=C5=E1=DB=C7=C1_=D8=E1=C8?=", "إلغاء طلب"),
        ("=?WINDOWS-1256?q?=c5=e1=db=c7=c1?=", "إلغاء"),
        ("=?iso-8859-6?Q?=D7=E4=C8?=", "طلب"),
        ("=?iso-8859-1?Q?Caf=E9_cr=E8me?=", "Café crème"),
        ("=?us-ascii?Q?plain_text?=", "plain text"),
        ("=?UTF-8*ar?B?2LTZg9ix2KfZiw==?=", "شكراً"),
        ("=?UTF-8?Q?=D8=B4=D9=83=D8=B1=D8=A7?= =?UTF-8?Q?_=D9=84=D9=83?=", "شكرا لك"),
        ("Re: =?UTF-8?B?2LfZhNio?=  =?UTF-8?B?INis2K/Zitiv?= [#5]", "Re: طلب جديد [#5]"),
        ("=?UTF-8?B?2LfZhNio?= plain =?UTF-8?B?2KzYr9mK2K8=?=", "طلب plain جديد"),
        ("=?UTF-8?B?2Q==?= =?UTF-8?B?hdix?=", "مر"),
        ("=?UTF-8?B?broken", "=?UTF-8?B?broken"),
        ("a =?UTF-8?X?abc?= b", "a =?UTF-8?X?abc?= b"),
        ("=?x-unknown?Q?=D8=B7?=", "ط"),
        ("بدون ترميز", "بدون ترميز"),
    ])
    func decodes(encoded: String, expected: String) {
        #expect(EncodedWords.decode(encoded) == expected)
    }

    @Test func headersDecodeThroughMailHeaders() {
        var headers = MailHeaders()
        headers.append("Subject", "=?UTF-8?B?2YXYsdit2KjYpw==?=")
        #expect(headers.decoded("subject") == "مرحبا")
        #expect(headers.decoded("From") == nil)
    }
}
