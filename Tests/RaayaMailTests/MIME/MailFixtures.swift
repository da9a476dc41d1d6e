/// Raw messages as mailers really send them, each carrying Arabic. Written with `\n` for readability and sent
/// through `crlfBytes` where the wire form matters.
enum MailFixtures {
    /// A Gmail reply in Arabic: multipart/alternative, base64 text with a quoted part and signature, QP HTML
    /// whose soft breaks fall inside UTF-8 sequences, a folded References field.
    static let gmailReply = """
        Return-Path: <layla.h@example.com>
        Received: from mail-wr1-f41.google.com (mail-wr1-f41.google.com [209.85.221.41])
        \tby mx.raaya.example with ESMTPS id 4B2C1; Mon, 2 Nov 2026 10:05:12 +0300
        MIME-Version: 1.0
        References: <ticket-1042.1@raaya.example>
         <ticket-1042.2@raaya.example>
        In-Reply-To: <ticket-1042.2@raaya.example>
        From: =?UTF-8?B?2YTZitmE2Ykg2K3Ys9mG?= <Layla.H@Example.COM>
        Date: Mon, 2 Nov 2026 10:05:00 +0300
        Message-ID: <CAF3k9=abc123@mail.gmail.com>
        Subject: =?UTF-8?B?UmU6IFsjMTA0Ml0g2YXYtNmD2YTYqQ==?=
         =?UTF-8?B?INmB2Yog2KfZhNmB2KfYqtmI2LHYqQ==?=
        To: Raaya Support <support@raaya.example>
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6"

        --000000000000a1b2c3d4e5f6
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: base64

        2LTZg9ix2KfZi9iMINin2YTZhdi02YPZhNipINmF2Kcg2LLYp9mE2Kog2YLYp9im2YXYqSDYqNi5
        2K8g2KfZhNiq2K3Yr9mK2KsuDQrYsdmC2YUg2KfZhNmB2KfYqtmI2LHYqTogSU5WLTIwMjYtMTE4
        DQoNCtmB2Yog2KfZhNin2KvZhtmK2YbYjCDZoiDZhtmI2YHZhdio2LEg2aLZoNmi2aYg2YHZiiDZ
        qTrZoNmgINi1IFJhYXlhIDxzdXBwb3J0QHJhYXlhLmV4YW1wbGU+INmD2KrYqDoNCj4g2YXYsdit
        2KjYp9mLINmE2YrZhNmJ2Iwg2YfZhCDZhdinINiy2KfZhNiqINin2YTZhdi02YPZhNipINmC2KfY
        ptmF2KnYnw0KPiANCj4gLS0gDQo+INmB2LHZitmCINin2YTYr9i52YUNCg==
        --000000000000a1b2c3d4e5f6
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"rtl">=D8=B4=D9=83=D8=B1=D8=A7=D9=8B=D8=8C =D8=A7=D9=84=D9=85=D8=
        =B4=D9=83=D9=84=D8=A9 =D9=85=D8=A7 =D8=B2=D8=A7=D9=84=D8=AA =D9=82=D8=A7=D8=
        =A6=D9=85=D8=A9 =D8=A8=D8=B9=D8=AF =D8=A7=D9=84=D8=AA=D8=AD=D8=AF=D9=8A=D8=
        =AB.<br>=D8=B1=D9=82=D9=85 =D8=A7=D9=84=D9=81=D8=A7=D8=AA=D9=88=D8=B1=D8=A9=
        : INV-2026-118</div><br><div class=3D"gmail_quote"><div dir=3D"rtl" class=
        =3D"gmail_attr">=D9=81=D9=8A =D8=A7=D9=84=D8=A7=D8=AB=D9=86=D9=8A=D9=86=D8=
        =8C =D9=A2 =D9=86=D9=88=D9=81=D9=85=D8=A8=D8=B1 =D9=A2=D9=A0=D9=A2=D9=A6 =
        =D9=81=D9=8A =D9=A9:=D9=A0=D9=A0 =D8=B5 Raaya &lt;support@raaya.example&gt;=
         =D9=83=D8=AA=D8=A8:<br></div><blockquote class=3D"gmail_quote" style=3D"ma=
        rgin:0 0 0 .8ex"><div dir=3D"rtl">=D9=85=D8=B1=D8=AD=D8=A8=D8=A7=D9=8B =D9=
        =84=D9=8A=D9=84=D9=89=D8=8C =D9=87=D9=84 =D9=85=D8=A7 =D8=B2=D8=A7=D9=84=D8=
        =AA =D8=A7=D9=84=D9=85=D8=B4=D9=83=D9=84=D8=A9 =D9=82=D8=A7=D8=A6=D9=85=D8=
        =A9=D8=9F</div></blockquote></div>

        --000000000000a1b2c3d4e5f6--

        """

    /// What the Gmail reply's plain part says, line by line.
    static let gmailReplyText = """
        شكراً، المشكلة ما زالت قائمة بعد التحديث.
        رقم الفاتورة: INV-2026-118

        في الاثنين، ٢ نوفمبر ٢٠٢٦ في ٩:٠٠ ص Raaya <support@raaya.example> كتب:
        > مرحباً ليلى، هل ما زالت المشكلة قائمة؟
        >\u{20}
        > --\u{20}
        > فريق الدعم
        """

    /// Outlook HTML only, in windows-1256 quoted-printable: a style sheet in the head, MsoNormal paragraphs,
    /// `&nbsp;` blank lines and the Arabic From/Sent block of the message it answers.
    static let outlookHTML = """
        From: =?windows-1256?Q?=D3=C7=D1=C9?= <sara@example.com.sa>
        To: "Raaya Support" <support@raaya.example>
        Subject: =?windows-1256?Q?=C7=E1=CC=E5=C7=D2=20=E1=C7=20=ED=DA=E3=E1?=
        Date: Mon, 2 Nov 2026 08:15:00 +0000
        Message-ID: <DB9PR01MB1234.eurprd01.prod.exchangelabs.com>
        Thread-Index: AdkL3X2Y
        X-MS-Has-Attach:
        MIME-Version: 1.0
        Content-Type: text/html; charset="windows-1256"
        Content-Transfer-Encoding: quoted-printable

        <html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=
        =3Dwindows-1256"><style><!--
        p.MsoNormal {margin:0cm; font-family:"Calibri",sans-serif;}
        --></style></head>
        <body lang=3D"AR-SA" dir=3D"RTL"><div class=3D"WordSection1"><p class=3D"Ms=
        oNormal" dir=3D"RTL">=E3=D1=CD=C8=C7=F0=A1<o:p></o:p></p><p class=3D"MsoNor=
        mal" dir=3D"RTL">=C7=E1=CC=E5=C7=D2 =E1=C7 =ED=DA=E3=E1 =E3=E4=D0 =C3=E3=D3=
         &amp; =C7=E1=D6=E3=C7=E4 =D3=C7=D1=ED.<o:p></o:p></p><p class=3D"MsoNormal=
        ">&nbsp;</p><p class=3D"MsoNormal">=D3=C7=D1=C9<o:p></o:p></p><div style=3D=
        "border:none;border-top:solid #E1E1E1 1.0pt"><p class=3D"MsoNormal"><b>=E3=
        =E4:</b> Raaya Support &lt;support@raaya.example&gt;<br><b>=CA=C7=D1=ED=CE =
        =C7=E1=C5=D1=D3=C7=E1:</b> =C7=E1=C3=CD=CF=A1 1 =E4=E6=DD=E3=C8=D1=A1 2026 =
        09:00 =D5<br><b>=C5=E1=EC:</b> =D3=C7=D1=C9<br><b>=C7=E1=E3=E6=D6=E6=DA:</b=
        > =D8=E1=C8=DF #1041</p></div><p class=3D"MsoNormal">=D4=DF=D1=C7=F0 =E1=CA=
        =E6=C7=D5=E1=DF =E3=DA=E4=C7.</p></div></body></html>

        """

    /// An old Windows client: 8-bit windows-1256 body, written byte by byte, with a Q-encoded subject.
    static let windows1256: [UInt8] =
        Array(
            """
            From: =?windows-1256?Q?=DA=E3=D1?= <omar@example.net>
            To: support@raaya.example
            Subject: =?windows-1256?Q?=C5=E1=DB=C7=C1=20=D8=E1=C8?=
            Date: Sun, 1 Nov 2026 21:40:00 +0200
            MIME-Version: 1.0
            Content-Type: text/plain; charset=windows-1256
            Content-Transfer-Encoding: 8bit


            """.replacing("\n", with: "\r\n").utf8)
        + [
            0xC7, 0xE1, 0xD3, 0xE1, 0xC7, 0xE3, 0x20, 0xDA, 0xE1, 0xED, 0xDF, 0xE3, 0xA1, 0x0A,  // السلام عليكم،
            0xC3, 0xD1, 0xCC, 0xE6, 0x20, 0xC5, 0xE1, 0xDB, 0xC7, 0xC1, 0x20, 0xC7, 0xE1, 0xD8, 0xE1, 0xC8,
            0x20, 0xD1, 0xDE, 0xE3, 0x20, 0x35, 0x35, 0x20, 0xE1, 0xC3, 0xE4, 0xE5, 0x20, 0xE6, 0xD5, 0xE1,
            0x20, 0xE3, 0xCA, 0xC3, 0xCE, 0xD1, 0xC7, 0xF0, 0x2E, 0x0A,  // أرجو إلغاء الطلب رقم 55 لأنه وصل متأخراً.
            0xE3, 0xDA, 0x20, 0xC7, 0xE1, 0xD4, 0xDF, 0xD1,  // مع الشكر
        ]

    /// ISO-8859-6, as some Unix mailers label Arabic.
    static let iso88596 = """
        From: Hassan <hassan@example.org>
        To: support@raaya.example
        Subject: =?iso-8859-6?q?=D7=E4=C8?= 77
        Content-Type: text/plain; charset=ISO-8859-6
        Content-Transfer-Encoding: quoted-printable

        =C7=E4=E1=C7=CA=E8=D1=C9=20=E5=D1=E1=E2=C9
        """

    /// A PDF with an Arabic filename in RFC 2231 continuations, with preamble and epilogue around the parts.
    static let arabicPDF = """
        From: "Khalid Al-Otaibi, Finance" <khalid@Example.SA>
        To: support@raaya.example
        Subject: =?UTF-8?Q?=D9=81=D8=A7=D8=AA=D9=88=D8=B1=D8=A9_=D9=86=D9=88=D9=81=D9=85=D8=A8=D8=B1?=
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="----=_Part_7_1234.5678"

        This is a multi-part message in MIME format.

        ------=_Part_7_1234.5678
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        مرفق فاتورة شهر نوفمبر.
        ------=_Part_7_1234.5678
        Content-Type: application/pdf
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment;
         filename*0*=utf-8''%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9%20%D9%86%D9%88%D9;
         filename*1*=%81%D9%85%D8%A8%D8%B1%20%D9%A2%D9%A0%D9%A2%D9%A6.pdf

        JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PD4+CmVuZG9i
        agp0cmFpbGVyCjw8Pj4KJSVFT0YK
        ------=_Part_7_1234.5678--
        Epilogue: mailers ignore this, and so do we.
        """

    static let pdfBytes: [UInt8] =
        Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        + Array("1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)

    /// HTML with a logo shown inline through its Content-ID (multipart/related), the filename raw UTF-8.
    static let inlineImage = """
        From: Noura <noura@example.com>
        To: support@raaya.example
        Subject: =?UTF-8?B?2LXZiNix2Kkg2KfZhNiu2LfYow==?=
        MIME-Version: 1.0
        Content-Type: multipart/related; boundary="rel-1"; type="text/html"

        --rel-1
        Content-Type: text/html; charset=utf-8

        <p dir="rtl">انظر إلى الصورة: <img src="cid:logo@raaya" alt="شعار"></p>
        --rel-1
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-ID: <logo@raaya>
        Content-Disposition: inline; filename="شعار.png"

        iVBORw0KGgoAAAANSUhEUg==
        --rel-1--
        """

    static let pngBytes: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    ]

    /// A Postfix bounce (RFC 3464) returning an acknowledgement with an Arabic subject.
    static let bounce = """
        Return-Path: <>
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
        To: support@raaya.example
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="9A1B2C3D.1793600000/mx.example.net"

        This is a MIME-encapsulated message.

        --9A1B2C3D.1793600000/mx.example.net
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.net.

        <nobody@example.net>: host mx.example.net said: 550 5.1.1 User unknown
        --9A1B2C3D.1793600000/mx.example.net
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        Final-Recipient: rfc822; nobody@example.net
        Action: failed
        Status: 5.1.1
        --9A1B2C3D.1793600000/mx.example.net
        Content-Description: Undelivered Message
        Content-Type: message/rfc822

        From: Raaya Support <support@raaya.example>
        To: nobody@example.net
        Subject: =?UTF-8?B?WyMxMDQyXSDYqtmFINin2LPYqtmE2KfZhSDYt9mE2KjZgw==?=
        Message-ID: <ticket-1042.3@raaya.example>
        Content-Type: text/plain; charset=utf-8

        تم استلام طلبك.
        --9A1B2C3D.1793600000/mx.example.net--
        """

    /// An Exchange out-of-office answer to an acknowledgement.
    static let outOfOffice = """
        From: Fatima Al-Zahra <fatima@example.org>
        To: Raaya Support <support@raaya.example>
        Subject: =?UTF-8?B?2LHYryDYqtmE2YLYp9im2Yo6IFsjMTA0Ml0g2KrZhSDYp9iz2KrZhNin2YUg2LfZhNio2YM=?=
        Auto-Submitted: auto-replied
        X-Auto-Response-Suppress: All
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        أنا خارج المكتب حتى ١٠ نوفمبر.
        I am out of the office until 10 November.
        """
}

extension String {
    /// The message as it travels: CRLF line endings.
    var crlfBytes: [UInt8] {
        Array(replacing("\n", with: "\r\n").utf8)
    }

    var lfBytes: [UInt8] {
        Array(utf8)
    }
}
