import Testing

@testable import RaayaCore

@Suite("SearchText")
struct SearchTextTests {
    /// How full-text search uses these tokens: every query token, in order, appears in the indexed document.
    private func finds(_ query: String, in document: String) -> Bool {
        let wanted = SearchText.tokens(query)
        let indexed = SearchText.indexText(document).split(separator: " ").map(String.init)
        guard !wanted.isEmpty, wanted.count <= indexed.count else { return false }
        return (0...(indexed.count - wanted.count)).contains { start in
            Array(indexed[start..<(start + wanted.count)]) == wanted
        }
    }

    // MARK: Arabic letter variants

    @Test func theIssuesExampleSearchForPricesWithArticleFindsHamzaSpelling() {
        #expect(SearchText.tokens("الأسعار") == ["اسعار"])
        #expect(SearchText.tokens("اسعار") == ["اسعار"])
        #expect(SearchText.tokens("أسعار") == ["اسعار"])
        #expect(finds("الاسعار", in: "كم أسعار باقات الإنترنت؟"))
    }

    @Test(arguments: ["أحمد", "إحمد", "آحمد", "ٱحمد", "احمد"])
    func hamzaOnAlefFormsAreOneLetter(_ spelling: String) {
        #expect(SearchText.normalize(spelling) == "احمد")
    }

    @Test func decomposedHamzaAndMaddaMatchPrecomposedLetters() {
        #expect(SearchText.normalize("\u{0627}\u{0654}\u{0633}\u{0641}") == SearchText.normalize("أسف"))
        #expect(SearchText.normalize("\u{0627}\u{0653}\u{062E}\u{0631}") == SearchText.normalize("آخر"))
    }

    @Test(arguments: [
        ("على", "علي"), ("مستشفى", "مستشفي"), ("مدرسة", "مدرسه"), ("فاتورة", "فاتوره"),
        ("مسؤول", "مسوول"), ("رسائل", "رسايل"), ("مشكلة", "مش\u{06A9}له"), ("مبروك", "مبرو\u{06A9}"),
    ])
    func finalLetterAndSeatVariantsMatch(_ written: String, _ typed: String) {
        #expect(SearchText.tokens(written) == SearchText.tokens(typed))
        #expect(!SearchText.tokens(written).isEmpty)
    }

    @Test func diacriticsAreRemoved() {
        #expect(SearchText.normalize("مُشْكِلَة") == "مشكله")
        #expect(SearchText.tokens("مُشْكِلَة") == SearchText.tokens("مشكله"))
        #expect(SearchText.normalize("شكراً جزيلاً") == "شكرا جزيلا")
        #expect(SearchText.normalize("هٰذا") == "هذا")
        #expect(SearchText.normalize("محمد\u{0610}") == "محمد")
        #expect(SearchText.normalize("إِنْ شَاءَ ٱللَّٰهُ") == "ان شاء الله")
    }

    @Test func tatweelIsRemoved() {
        #expect(SearchText.normalize("شـــكرا") == "شكرا")
        #expect(SearchText.tokens("شـــكرا") == SearchText.tokens("شكرا"))
    }

    @Test func presentationFormsFromCopiedPDFTextAreFolded() {
        #expect(SearchText.normalize("\u{FEE3}\u{FEAE}\u{FEA4}\u{FE92}\u{FE8E}") == "مرحبا")
        #expect(SearchText.normalize("\u{FEFB} \u{FE83}\u{FEB3}\u{FECC}\u{FE8E}\u{FEAD}") == "لا اسعار")
    }

    // MARK: Article and prefixes

    @Test(arguments: [
        ("الفاتورة", "فاتوره"), ("والفاتورة", "فاتوره"), ("بالفاتورة", "فاتوره"), ("وبالفاتورة", "فاتوره"),
        ("كالعادة", "عاده"), ("فالطلب", "طلب"), ("للعميل", "عميل"), ("وللعميل", "عميل"), ("فللموظف", "موظف"),
    ])
    func articleAndAttachedPrefixesAreStripped(_ word: String, _ stem: String) {
        #expect(SearchText.tokens(word) == [stem])
    }

    @Test func shortWordsAreNotOverStripped() {
        #expect(SearchText.tokens("الى") == ["الي"])
        #expect(SearchText.tokens("إلى") == ["الي"])
        #expect(SearchText.tokens("والد") == ["والد"])
        #expect(SearchText.tokens("بالغ") == ["بالغ"])
        #expect(SearchText.tokens("لم") == ["لم"])
        #expect(SearchText.tokens("وال") == ["وال"])
    }

    @Test func bareArticleIsDropped() {
        #expect(SearchText.tokens("ال") == [])
        #expect(SearchText.tokens("الـ SIM لا تعمل") == ["sim", "لا", "تعمل"])
    }

    @Test func nameOfGodIsKeptWholeAndApartFromLahu() {
        for phrase in ["الله", "والله", "بالله", "لله", "ولله", "اللّٰه"] {
            #expect(SearchText.tokens(phrase) == ["الله"], "\(phrase)")
        }
        #expect(SearchText.tokens("الحمد لله") == ["حمد", "الله"])
        #expect(SearchText.tokens("له") == ["له"])
    }

    @Test(arguments: ["إلغاء", "التزام", "الكتروني", "اشتراك", "عميل", "والد", "ليل"])
    func wordAndWordWithArticleGiveTheSameToken(_ word: String) {
        let bare = SearchText.tokens(word)
        #expect(SearchText.tokens("ال" + word) == bare)
        #expect(SearchText.tokens("وال" + word) == bare)
        #expect(SearchText.tokens("بال" + word) == bare)
    }

    @Test func cancellationIsFoundWhateverTheSpelling() {
        #expect(finds("إلغاء", in: "أريد الإلغاء فوراً"))
        #expect(finds("الغاء الاشتراك", in: "طلب إلغاء الاشتراك رقم ١٢"))
    }

    // MARK: Digits

    @Test func arabicIndicDigitsBecomeASCII() {
        #expect(SearchText.tokens("طلب ١٠٤٢").contains("1042"))
        #expect(SearchText.tokens("طلب ۱۰۴۲").contains("1042"))
        #expect(SearchText.normalize("رقم الجوال: ٠٥٠١٢٣٤٥٦٧") == "رقم الجوال 0501234567")
        #expect(finds("1042", in: "بخصوص الطلب رقم ١٠٤٢"))
        #expect(finds("١٠٤٢", in: "Order #1042 — الطلب"))
    }

    // MARK: English and mixed text

    @Test func englishIsCaseFoldedAndSplitAtPunctuation() {
        #expect(SearchText.tokens("Refund, please!") == ["refund", "please"])
        #expect(SearchText.tokens("I'm WAITING... (3 days)") == ["i", "m", "waiting", "3", "days"])
        #expect(SearchText.normalize("ÉCOLE Straße") == "école straße")
        #expect(SearchText.normalize("Ｒｅｆｕｎｄ") == "refund")
    }

    @Test func mixedArabicAndEnglish() {
        let tokens = SearchText.tokens("أريد Refund للفاتورة رقم ٧٧ please")
        #expect(tokens == ["اريد", "refund", "فاتوره", "رقم", "77", "please"])
        #expect(SearchText.normalize("الـRouter ما يشتغل") == "الrouter ما يشتغل")
    }

    @Test func arabicPunctuationSeparatesWords() {
        #expect(SearchText.tokens("شكرا،مع السلامة؛ هل وصل؟") == ["شكرا", "مع", "سلامه", "هل", "وصل"])
        #expect(SearchText.normalize("«الطلب»: ١٠٪") == "الطلب 10")
    }

    @Test func emailIsFoundByWholeAddressAndByName() {
        let message = "راسلوني على Sara@Example.com لو سمحت"
        #expect(finds("sara@example.com", in: message))
        #expect(finds("sara", in: message))
        #expect(finds("SARA@EXAMPLE.COM", in: message))
        #expect(SearchText.tokens("sara@example.com") == ["sara", "example", "com"])
    }

    // MARK: Whitespace, symbols and invisible characters

    @Test func whitespaceIsCollapsedAndTrimmed() {
        #expect(SearchText.normalize("  مرحبا \t\n  بك\u{00A0}\u{2003}يا  Sara  ") == "مرحبا بك يا sara")
        #expect(SearchText.normalize("") == "")
        #expect(SearchText.normalize(" ؟!، ... ") == "")
        #expect(SearchText.tokens("  ؛؛  ") == [])
        #expect(SearchText.indexText("...") == "")
    }

    @Test func emojiAndSymbolsSeparateWords() {
        #expect(SearchText.normalize("شكرا🙏🏽جزيلا ❤️") == "شكرا جزيلا")
    }

    @Test func formatCharactersDoNotSplitWords() {
        #expect(SearchText.normalize("\u{200F}مرحبا\u{200E} \u{202B}عميل\u{202C}") == "مرحبا عميل")
        #expect(SearchText.normalize("فات\u{200C}ورة") == "فاتوره")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        #expect(SearchText.normalize("cafe\u{0301} ok") == "cafe\u{0301} ok")
        #expect(SearchText.normalize("\u{0301}مرحبا") == "مرحبا")
    }

    // MARK: Tokens and index text

    @Test func tokensKeepOrderAndDuplicates() {
        #expect(SearchText.tokens("الطلب طلب والطلب") == ["طلب", "طلب", "طلب"])
    }

    @Test func indexTextJoinsTokensWithSingleSpaces() {
        #expect(SearchText.indexText("  وصلت الفاتورة،   شكراً  ") == "وصلت فاتوره شكرا")
        #expect(SearchText.indexText("Order #1042: الفاتورة مفقودة!") == "order 1042 فاتوره مفقوده")
    }

    @Test(arguments: [
        "الإلغاء والاشتراك بالفاتورة", "Refund للعميل ١٠٤٢", "إن شاء الله", "الالتزام بالمواعيد", "ال الـ والد",
    ])
    func indexTextIsStableWhenTokenizedAgain(_ text: String) {
        #expect(SearchText.tokens(SearchText.indexText(text)) == SearchText.tokens(text))
    }
}
