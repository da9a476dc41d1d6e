import RaayaMail
import Testing

/// Seeded randomness, so a failing input can be reproduced from the test's seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite struct RobustnessTests {
    private static let fixtures: [[UInt8]] = [
        MailFixtures.gmailReply.crlfBytes, MailFixtures.outlookHTML.crlfBytes, MailFixtures.windows1256,
        MailFixtures.iso88596.crlfBytes, MailFixtures.arabicPDF.crlfBytes, MailFixtures.inlineImage.crlfBytes,
        MailFixtures.bounce.crlfBytes, MailFixtures.outOfOffice.crlfBytes,
    ]

    /// Touches every derived value, so a crash in any of them would surface here.
    private func readEverything(_ bytes: [UInt8]) {
        let message = MailMessage.parse(bytes)
        _ = (message.preferredText, message.automatic, message.ticketNumber, message.replyAddress)
        _ = MailText.splitQuoted(message.preferredText)
        _ = HTMLSanitizer.sanitize(message.htmlBody ?? "")
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(state: 1042)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<600, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            readEverything(bytes)
        }
    }

    @Test func everyTruncationOfEveryFixtureParses() {
        for fixture in Self.fixtures {
            for length in stride(from: 0, through: fixture.count, by: 3) {
                readEverything(Array(fixture.prefix(length)))
            }
        }
    }

    @Test func mutatedFixturesParse() {
        var random = SplitMix64(state: 2026)
        let inserts: [[UInt8]] = ["--", "=?UTF-8?B?", "?=", "\r\n", "\n\n", "<", ">", "\"", "=", ";", "*0*=", "%D9"]
            .map { Array($0.utf8) }
        for fixture in Self.fixtures {
            for _ in 0..<60 {
                var bytes = fixture
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    let position = Int.random(in: 0...bytes.count, using: &random)
                    if Bool.random(using: &random), position < bytes.count {
                        bytes[position] = UInt8.random(in: 0...255, using: &random)
                    } else {
                        bytes.insert(contentsOf: inserts.randomElement(using: &random)!, at: position)
                    }
                }
                readEverything(bytes)
            }
        }
    }

    @Test func headerOnlyAndEmptyInputs() {
        #expect(MailMessage.parse([]).preferredText == "")
        #expect(MailMessage.parse(Array("\r\n".utf8)).textBody == nil)
        let onlyHeaders = MailMessage.parse("Subject: =?UTF-8?B?2YXYsdit2KjYpw==?=".lfBytes)
        #expect(onlyHeaders.subject == "مرحبا")
        #expect(onlyHeaders.textBody == nil)
        let noHeaders = MailMessage.parse("مرحبا، هذه رسالة بلا ترويسات".lfBytes)
        #expect(noHeaders.textBody == "مرحبا، هذه رسالة بلا ترويسات")
        #expect(noHeaders.problems.contains { $0.contains("no header fields") })
    }

    @Test func mboxEnvelopeLineIsSkipped() {
        let message = MailMessage.parse("From sara@example.sa Mon Nov  2 10:00:00 2026\nSubject: مرحبا\n\nنص".lfBytes)
        #expect(message.subject == "مرحبا")
        #expect(message.problems == [])
    }

    @Test func sanitizerOutputIsStableAndUsesOnlyAllowedTags() {
        let pieces = [
            "<", ">", "</", "/>", "script", "a", "img", "svg", "p", "div", " href=", " src=", " onerror=", " style=",
            "\"", "'", "javascript:", "jav&#x09;ascript:", "https://x.example", "cid:a", "&amp;", "&#60;", "&lt;",
            "<!--", "-->", "<![CDATA[", "]]>", " ", "\n", "مرحبا", "=", "dir=rtl", "<b>", "</b>", "iframe", "&",
        ]
        let allowed: Set<String> = [
            "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "blockquote", "pre", "code", "ul", "ol",
            "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        ]
        var random = SplitMix64(state: 7)
        for _ in 0..<500 {
            let html = (0..<Int.random(in: 1...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let once = HTMLSanitizer.sanitize(html)
            #expect(HTMLSanitizer.sanitize(once) == once, "\(html)")
            for tag in tags(once) {
                #expect(allowed.contains(tag.name), "\(html) → \(once)")
                // Script-looking text is harmless once escaped; inside a tag it must never appear.
                #expect(!tag.source.lowercased().contains("javascript:"), "\(html) → \(once)")
                #expect(!tag.source.contains(" on") && !tag.source.contains("style="), "\(html) → \(once)")
            }
        }
    }

    /// The tags of sanitizer output (which escapes every other `<`): name and full source.
    private func tags(_ html: String) -> [(name: String, source: Substring)] {
        var tags: [(String, Substring)] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let close = rest[open...].firstIndex(of: ">") ?? rest.endIndex
            let source = rest[open..<close]
            let name = source.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            tags.append((String(name), source))
            rest = close < rest.endIndex ? rest[rest.index(after: close)...] : ""
        }
        return tags
    }

    @Test func composedRandomTextRoundTrips() {
        let alphabet = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى ًٌٍَُِّْ٠١٢٣abcXYZ019 .=-_>\t\n?!\"'(),;:<@👍🏽🇸🇦")
        var random = SplitMix64(state: 99)
        for round in 0..<150 {
            var text = String(
                (0..<Int.random(in: 0...400, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            while text.last == "\n" { text.removeLast() }
            let subject = String(
                (0..<Int.random(in: 0...120, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                    .filter { $0 != "\n" && $0 != "\t" })
            let name = String(
                (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            )
            .filter { $0 != "\n" }
            var mail = MailComposer(
                from: MailAddress(name: name, address: "support@raaya.example"), to: [MailAddress(address: "c@x.sa")],
                subject: subject, date: 1_793_603_100, messageID: "r\(round)@raaya.example", text: text)
            if round % 3 == 0 { mail.html = "<p>\(text)</p>" }
            let bytes = mail.compose()
            let message = MailMessage.parse(bytes)
            #expect(message.problems == [], "round \(round)")
            #expect((message.textBody ?? "") == text, "round \(round)")
            #expect(message.subject == subject, "round \(round)")
            let trimmedName = name.trimmingPrefixAndSuffix(" \t")
            #expect(message.from?.name == (trimmedName.isEmpty ? nil : trimmedName), "round \(round)")
            let raw = String(decoding: bytes, as: UTF8.self)
            for line in raw.split(separator: "\r\n", omittingEmptySubsequences: false) {
                #expect(line.utf8.count <= 78, "round \(round): \(line)")
            }
        }
    }

    @Test func largeAttachmentRoundTrips() {
        let payload = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        var mail = MailComposer(
            from: MailAddress(name: "رعاية", address: "support@raaya.example"), to: [MailAddress(address: "c@x.sa")],
            subject: "ملف كبير", date: 0, messageID: "big@raaya.example", text: "مرفق ملف كبير.")
        mail.attachments = [
            MailAttachment(filename: "نسخة احتياطية.zip", contentType: "application/zip", bytes: payload)
        ]
        let message = MailMessage.parse(mail.compose())
        #expect(message.attachments.first?.bytes == payload)
        #expect(message.attachments.first?.filename == "نسخة احتياطية.zip")
    }
}

extension String {
    fileprivate func trimmingPrefixAndSuffix(_ characters: String) -> String {
        let set = Set(characters)
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
