import Testing

@testable import RaayaCore

@Suite struct ArabiziTests {
    @Test func tellsArabiziFromEnglish() {
        #expect(Arabizi.isArabizi("el service wa7esh"))
        #expect(Arabizi.isArabizi("3ayez a3mel refund"))
        #expect(Arabizi.isArabizi("ana mesh fahem"))
        #expect(Arabizi.isArabizi("wen talabi?"))
        #expect(!Arabizi.isArabizi("where is my order?"))
        #expect(!Arabizi.isArabizi("deliver it by 5pm, the mp3 player and the ps5"))
        #expect(!Arabizi.isArabizi("order 2345 arrived"))
        // Arabic script is not Arabizi, even with a Latin loanword in it.
        #expect(!Arabizi.isArabizi("الخدمة wa7esh جدا جدا جدا"))
    }

    @Test func spellsLatinWordsInArabicLetters() {
        #expect(Arabizi.toArabic("el khedma wa7sha") == "الخدمة وحشة")
        #expect(Arabizi.toArabic("mesh 7elw") == "مش حلو")
        #expect(Arabizi.toArabic("w el fatoura") == "والفتورة")
        #expect(Arabizi.toArabic("7aga 3andi") == "حجة عندي")
        // Arabic words and punctuation are kept as they are.
        #expect(Arabizi.toArabic("3andi مشكلة؟") == "عندي مشكلة؟")
        // Latin letters that stand for two Arabic ones get the commoner one here; `spellings` offers both.
        #expect(Arabizi.toArabic("talabi") == "تلبي")
        #expect(Arabizi.spellings("talabi").contains("طلبي"))
    }

    @Test func offersTheSpellingsLatinLeavesOpen() {
        let jawal = Arabizi.spellings("jawal")
        #expect(jawal.first == "جول")
        #expect(jawal.contains("جوال"))
        #expect(Arabizi.spellings("ghalat").contains("غلط"))
        #expect(Arabizi.spellings("fatoura").contains("فاتورة"))
        #expect(Arabizi.spellings("ta2keed").contains("تاكيد"))
        // Likeliest first, then one letter changed, and never more than asked for.
        #expect(Arabizi.spellings("wasalatni", limit: 5).count == 5)
        #expect(Arabizi.spellings("wen") == ["وين"])
    }

    @Test func skeletonsMeetAcrossScripts() {
        #expect(Arabizi.skeleton("wa7esh") == Arabizi.skeleton("وحش"))
        #expect(Arabizi.skeleton("wi7ish") == Arabizi.skeleton("وحش"))
        #expect(Arabizi.skeleton("fatoura") == Arabizi.skeleton("فاتورة"))
        #expect(Arabizi.skeleton("fatourah") == Arabizi.skeleton("الفاتوره".dropFirst(2).description))
        #expect(Arabizi.skeleton("password") == Arabizi.skeleton("باسورد"))
        #expect(Arabizi.skeleton("kwayyes") == Arabizi.skeleton("كويس"))
        #expect(Arabizi.skeleton("3ayez") == Arabizi.skeleton("عايز"))
        #expect(Arabizi.skeleton("talab") != Arabizi.skeleton("طالع"))
    }
}

/// `isArabizi` reads UTF-8 bytes in one pass for speed; it must answer as the plain reading over lowercased
/// scalars below (its implementation before that rewrite) does.
@Suite struct ArabiziDetectionTests {
    @Test func fixedTextsMatchThePlainReading() {
        let texts = [
            "", " ", "a", "7", "3'", "el service wa7esh", "EL SERVICE WA7ESH", "3ayez a3mel refund",
            "ana mesh fahem", "wen talabi?", "where is my order?", "deliver it by 5pm, the mp3 player and the ps5",
            "order 2345 arrived", "الخدمة wa7esh جدا جدا جدا", "sa7", "sa7 sa7", "ba7", "7a", "3a", "5pm", "2nd",
            "8gb 4g 1of2 6strikes THANX2u", "ya3ni keda", "leh", "leh?", "mesh 3'alat", "7'alas", "3''", "7'7'",
            "ana", "ana ana", "ana w enta", "inshallah", "INSHALLAH!!", "inshallahh", "delwa2ti", "delwa2tii",
            "3alashan", "İnshallah", "İ", "leİh", "\u{212A}wayes", "\u{212A}", "wa\u{212A}", "mesh\u{0301} 7elw",
            "ana 😡😡 mesh 3ayez", "👍 tamam", "٣ayez", "wa٧esh", "ﬁ leh", "ana\u{00A0}mesh", "mn mn",
            "Where's my refund? It's been 3 weeks", "I can't log in since 2am", "u2 r gr8", "b4 9am", "w8 4 me",
            "a2b", "ab2", "abc2", "abcd2", "2ab", "x2y", "y3y", "aa7", "ae3", "bb7", "7ee", "e7", "99 problems",
            "A7A", "ana مش fahem", "مشكلة في el order", "shukran 🙏", "ok ok", "okay", "el fatoura 150 geneh",
        ]
        for text in texts {
            #expect(Arabizi.isArabizi(text) == PlainArabiziReading.isArabizi(text), "\(text)")
        }
    }

    @Test func generatedTextsMatchThePlainReading() {
        let pieces = [
            "el", "service", "wa7esh", "3ayez", "a3mel", "refund", "ana", "mesh", "fahem", "wen", "talabi", "leh",
            "keda", "ya3ni", "inshallah", "ok", "the", "order", "is", "late", "not", "good", "5pm", "mp3", "ps5",
            "2nd", "4g", "2345", "1of2", "sa7", "7'", "3'", "'", "''", "7a", "a7", "ba7", "x2y", "yy9", "ma3lesh",
            "kwayes", "7elw", "zeft", "shukran", "ahlan", "mn", "tamam", "الخدمة", "سيئة", "جدا", "مش", "كويس",
            "😡", "👍", "🙏🏽", "❤️", "İ", "\u{212A}", "ﬁ", "é", "ß", "Σ", "\u{0307}", "٣", "٧", "123", "9", "0",
            "WA7ESH", "Ana", "MESH", "Leh", "KeDa", "http://t.co/x7Gh3", "@user3", "#ya3ni", "a", "b", "e", "y",
        ]
        let separators = [" ", " ", " ", "", ",", "?", "!", ".", "\n", "\u{00A0}", "-", "'", "7", "3", "ـ"]
        var random = SplitMix64(seed: 2026)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 8) {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
                text += separators[Int(random.next() % UInt64(separators.count))]
            }
            #expect(Arabizi.isArabizi(text) == PlainArabiziReading.isArabizi(text), "\(text)")
        }
    }

    @Test func generatedCharacterSoupMatchesThePlainReading() {
        let scalars = Array("aeiouybcdhklmnstwzAEKSW0123456789'' .?!,ءابتحخدعقمنوي😡İ\u{212A}é\u{0301}".unicodeScalars)
        var random = SplitMix64(seed: 6)
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 24) {
                text.append(scalars[Int(random.next() % UInt64(scalars.count))])
            }
            let string = String(text)
            #expect(Arabizi.isArabizi(string) == PlainArabiziReading.isArabizi(string), "\(string)")
        }
    }
}

/// A deterministic generator, so that a failing text can be found again.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `Arabizi.isArabizi` as first written: words of the lowercased text (`Arabizi.latinWords`), Latin letters
/// against Arabic ones, digits standing for letters, telling dictionary words.
private enum PlainArabiziReading {
    static func isArabizi(_ text: String) -> Bool {
        var latinLetters = 0
        var arabicLetters = 0
        var words = 0
        var telling = 0
        var markedWords = 0
        for scalar in text.unicodeScalars where (0x0621...0x064A).contains(scalar.value) {
            arabicLetters += 1
        }
        for word in Arabizi.latinWords(in: text) {
            let letters = word.filter(isLatinLetter).count
            guard letters > 0 else { continue }
            latinLetters += letters
            words += 1
            if isMarked(word) {
                markedWords += 1
            } else if Arabizi.isTellingWord(String(String.UnicodeScalarView(word))) {
                telling += 1
            }
        }
        guard latinLetters > arabicLetters, words > 0 else { return false }
        return markedWords > 0 || telling >= 2 || (telling == 1 && words <= 2)
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar)
    }

    private static func isLatinVowel(_ scalar: Unicode.Scalar) -> Bool {
        "aeiouy".unicodeScalars.contains(scalar)
    }

    private static func isMarked(_ word: [Unicode.Scalar]) -> Bool {
        let letters = word.filter(isLatinLetter)
        guard letters.count >= 2, letters.contains(where: isLatinVowel) else { return false }
        if unitSuffixes.contains(String(String.UnicodeScalarView(letters))) {
            return false
        }
        for (position, scalar) in word.enumerated() where letterDigits.contains(scalar) {
            let before = position > 0 ? word[position - 1] : nil
            let after = position + 1 < word.count ? word[position + 1] : nil
            let letterAfter = after.map { isLatinLetter($0) || $0 == "'" } ?? false
            let letterBefore = before.map(isLatinLetter) ?? false
            if letterAfter && (letterBefore || position == 0) {
                return true
            }
            if letterBefore && after == nil && letters.count <= 3 {
                return true
            }
        }
        return false
    }

    private static let letterDigits: Set<Unicode.Scalar> = ["2", "3", "5", "6", "7", "8", "9"]
    private static let unitSuffixes: Set<String> = ["am", "pm", "th", "nd", "rd", "st", "gb", "mb", "kb", "kg", "km"]
}
