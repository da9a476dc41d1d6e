import RaayaMail
import Testing

@Suite struct AddressTests {
    @Test func quotedDisplayNameMayHoldCommas() {
        let list = MailAddress.parseList(#""Al-Harbi, Mona (مبيعات)" <Mona@Example.COM>, support@raaya.example"#)
        #expect(
            list == [
                MailAddress(name: "Al-Harbi, Mona (مبيعات)", address: "Mona@example.com"),
                MailAddress(address: "support@raaya.example"),
            ])
    }

    @Test func angleAddressAloneAndBareAddress() {
        #expect(MailAddress.parseList("<yousef@example.org>") == [MailAddress(address: "yousef@example.org")])
        #expect(MailAddress.parseList("  yousef@EXAMPLE.org ") == [MailAddress(address: "yousef@example.org")])
    }

    @Test func encodedArabicDisplayNames() {
        let list = MailAddress.parseList(
            "=?UTF-8?B?2YTZitmE2Ykg2K3Ys9mG?= <layla@example.com>, =?UTF-8?Q?=D8=B3=D8=A7=D8=B1=D8=A9?= <s@x.sa>")
        #expect(list.map(\.name) == ["ليلى حسن", "سارة"])
    }

    @Test func encodedWordsInsideQuotesAreDecodedToo() {
        let list = MailAddress.parseList(#""=?UTF-8?B?2LPYp9ix2Kk=?=" <sara@example.sa>"#)
        #expect(list == [MailAddress(name: "سارة", address: "sara@example.sa")])
    }

    @Test func groupsYieldTheirMembersOnly() {
        #expect(MailAddress.parseList("undisclosed-recipients:;") == [])
        let list = MailAddress.parseList("فريق الدعم: a@example.com, \"ب\" <b@example.com>;, c@example.com")
        #expect(list.map(\.address) == ["a@example.com", "b@example.com", "c@example.com"])
        #expect(list[1].name == "ب")
    }

    @Test func commentsStandInForAMissingName() {
        #expect(
            MailAddress.parseList("MAILER-DAEMON@mx.example.net (نظام البريد)")
                == [MailAddress(name: "نظام البريد", address: "MAILER-DAEMON@mx.example.net")])
        #expect(
            MailAddress.parseList("Omar (office) <omar@example.net>")
                == [MailAddress(name: "Omar", address: "omar@example.net")])
    }

    @Test func unquotedNameWithoutBracketsAndEscapedQuotes() {
        #expect(
            MailAddress.parseList("هدى hoda@example.com").first == MailAddress(name: "هدى", address: "hoda@example.com")
        )
        #expect(
            MailAddress.parseList(#""Nasser \"Abu Ali\"" <n@example.com>"#).first?.name == #"Nasser "Abu Ali""#)
    }

    @Test func garbageYieldsNoAddressesRatherThanCrashing() {
        #expect(MailAddress.parseList("") == [])
        #expect(MailAddress.parseList(",,;;<>") == [])
        #expect(MailAddress.parseList("\"unterminated <a@b.c>").count <= 1)
        #expect(MailAddress.parseList("(unterminated comment").count == 0)
    }

    @Test func domainAndLocalPart() {
        let address = MailAddress(address: "Fahad.Q@raaya.example")
        #expect(address.domain == "raaya.example")
        #expect(address.localPart == "Fahad.Q")
    }
}

@Suite struct MessageIDTests {
    @Test func idsLoseTheirBracketsAndKeepOrder() {
        #expect(
            MessageID.parseList("<a1@raaya.example> <b2@raaya.example>\n\t<c3@raaya.example>")
                == ["a1@raaya.example", "b2@raaya.example", "c3@raaya.example"])
    }

    @Test func missingBracketsJunkAndRepeatsAreTolerated() {
        let value = #"<a1@raaya.example> (رسالة ليلى) "Layla's message" b2@raaya.example, junk <a1@raaya.example>"#
        #expect(MessageID.parseList(value) == ["a1@raaya.example", "b2@raaya.example"])
        #expect(MessageID.parseList("not an id") == [])
        #expect(MessageID.parseList("<unterminated@raaya.example") == ["unterminated@raaya.example"])
    }
}

@Suite struct MailDateTests {
    @Test(arguments: [
        ("Mon, 2 Nov 2026 10:05:00 +0300", Int64(1_793_603_100)),
        ("2 Nov 2026 07:05:00 +0000", 1_793_603_100),
        ("Mon, 02 Nov 2026 07:05:00 GMT", 1_793_603_100),
        ("Mon, 2 Nov 2026 07:05:00 UT", 1_793_603_100),
        ("Mon, 2 Nov 2026 02:05:00 EST", 1_793_603_100),
        ("Mon, 2 Nov 2026 00:05:00 PDT", 1_793_603_100),
        ("Mon,  2 Nov 2026 07:05 +0000 (UTC)", 1_793_603_100),
        ("Monday, 2 November 2026 10:05:00 +0300", 1_793_603_100),
        ("Mon 2 Nov 26 07:05:00 Z", 1_793_603_100),
        ("Mon, 2 Nov 2026 12:35:00 +0530", 1_793_603_100),
        ("Mon, 2 Nov 2026 07:05:00", 1_793_603_100),
        ("Thu, 1 Jan 1970 00:00:00 +0000", 0),
        ("Tue, 29 Feb 2028 23:59:59 -1200", 1_835_524_799),
        ("Fri, 13 Mar 98 12:00:00 +0000", 889_790_400),
    ])
    func parses(value: String, seconds: Int64) {
        #expect(MailDate.parse(value) == seconds)
    }

    @Test(arguments: [
        "", "yesterday", "Mon, 31 Feb 2026 10:00:00 +0000", "2 Nov 2026 25:00:00 +0000",
        "2 Nov 2026 10:00:00 +03", "الاثنين ٢ نوفمبر ٢٠٢٦", "2026-11-02T07:05:00Z",
    ])
    func refusesWhatIsNotADate(value: String) {
        #expect(MailDate.parse(value) == nil)
    }

    @Test func formatsInUTCAndReadsBack() {
        #expect(MailDate.format(1_793_603_100) == "Mon, 2 Nov 2026 07:05:00 +0000")
        #expect(MailDate.format(0) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(1_835_524_799) == "Wed, 1 Mar 2028 11:59:59 +0000")
        for seconds in stride(from: Int64(-86_400 * 400), to: 4_102_444_800, by: 7_777_777) {
            #expect(MailDate.parse(MailDate.format(seconds)) == seconds)
        }
    }
}

@Suite struct TicketTokenTests {
    @Test(arguments: [
        ("Re: [#1042] مشكلة في الفاتورة", 1042),
        ("رد: [#١٠٤٢] مشكلة في الفاتورة", 1042),
        ("[#۱۰۴۲]", 1042),
        ("Fwd: RE: [#7] [#8]", 7),
        ("[#x] then [#99]", 99),
    ])
    func findsTheNumber(subject: String, number: Int) {
        #expect(TicketToken.number(inSubject: subject) == number)
    }

    @Test(arguments: ["طلب جديد", "#1042", "[#]", "[# 1042]", "[#1042", "[#12a]", "[#99999999999999999999999]"])
    func findsNothing(subject: String) {
        #expect(TicketToken.number(inSubject: subject) == nil)
    }

    @Test func tagReadsBack() {
        #expect(TicketToken.tag(1042) == "[#1042]")
        #expect(TicketToken.number(inSubject: "تم استلام طلبك " + TicketToken.tag(31)) == 31)
    }
}
