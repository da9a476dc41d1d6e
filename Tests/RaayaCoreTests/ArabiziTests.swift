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
