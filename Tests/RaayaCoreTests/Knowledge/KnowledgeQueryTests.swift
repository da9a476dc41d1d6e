import Testing

@testable import RaayaCore

@Suite("KnowledgeIndex queries")
struct KnowledgeQueryTests {
    typealias Fixture = HelpCenterFixture

    private func ids(_ hits: [KnowledgeIndex.Hit]) -> [Int] {
        hits.map(\.articleID)
    }

    private static let invoiceArabicOnly = KnowledgeIndexTests.article(
        100, ar: ("طريقة تحميل الفاتورة", "من صفحة الطلب"))
    private static let invoiceEnglishOnly = KnowledgeIndexTests.article(
        200, en: ("How to get an invoice", "From the order page"))

    // MARK: Synonyms

    // MARK: Arabizi, everyday words, sound-alikes

    @Test(arguments: [
        ("wen el fatoura?", 100), ("3ayez el fatoura bta3ti", 100), ("el fatoura 3'alat", 100),
    ])
    func arabiziQuestionsFindArabicArticles(_ question: String, _ article: Int) {
        let index = KnowledgeIndexTests.index([Self.invoiceArabicOnly])
        #expect(ids(index.search(question)) == [article])
    }

    @Test func arabiziStopWordsAreDroppedAndLoanwordsStillMatchEnglish() {
        let index = KnowledgeIndexTests.index([Self.invoiceArabicOnly, Self.invoiceEnglishOnly])
        // "ana 3ayez" is "I want": nothing to search for.
        #expect(index.search("ana 3ayez").isEmpty)
        #expect(ids(index.search("ana 3ayez invoice")).first == 200)
    }

    @Test func everydayWordsJoinDialectsLoanwordsAndEnglish() {
        let account = KnowledgeIndexTests.article(300, ar: ("حذف الحساب", "يمكنك حذف حسابك من الإعدادات"))
        let withEveryday = KnowledgeIndexTests.index([account], synonyms: .withEveryday([]))
        let without = KnowledgeIndexTests.index([account])
        for question in ["عايز امسح الاكونت", "delete my account", "ابي امسح اكونتي"] {
            #expect(ids(withEveryday.search(question)) == [300], "\(question)")
        }
        #expect(without.search("delete my account").isEmpty)
    }

    @Test func aWordWithItsVowelsWrittenDifferentlyFindsItsSoundAlike() {
        let index = KnowledgeIndexTests.index([Self.invoiceArabicOnly])
        // "فتورة" is no word of the index and more than a typo's reach from anything but "فاتورة".
        #expect(ids(index.search("فتوره")) == [100])
        let password = KnowledgeIndexTests.article(400, en: ("Forgot your password?", "Reset it from the sign-in page"))
        #expect(ids(KnowledgeIndexTests.index([password]).search("نسيت الباسورد")) == [400])
    }

    @Test func synonymsWorkInBothDirectionsAndRankTheTypedWordFirst() {
        let index = KnowledgeIndexTests.index(
            [Self.invoiceArabicOnly, Self.invoiceEnglishOnly], synonyms: Synonyms([["فاتورة", "invoice", "bill"]]))
        #expect(ids(index.search("invoice")) == [200, 100])
        #expect(ids(index.search("فاتورة")) == [100, 200])
        #expect(Set(ids(index.search("my bill"))) == [100, 200])
        #expect(Set(ids(index.search("وين فاتورتي؟"))) == [100, 200])
    }

    @Test func withoutSynonymsLanguagesStayApart() {
        let index = KnowledgeIndexTests.index([Self.invoiceArabicOnly, Self.invoiceEnglishOnly])
        #expect(ids(index.search("invoice")) == [200])
        #expect(ids(index.search("فاتورة")) == [100])
        #expect(index.search("bill").isEmpty)
    }

    @Test func synonymsAreNormalizedAndStemmedLikeQueries() {
        // Declared with the article and a hamza; asked with a pronoun and without the hamza.
        let index = KnowledgeIndexTests.index(
            [KnowledgeIndexTests.article(1, en: ("Refund policy", "Refunds take 5 days"))],
            synonyms: Synonyms([["الاسترجاع", "refunds"], ["إلغاء", "cancel"]]))
        #expect(ids(index.search("استرجاعي")) == [1])
        #expect(ids(index.search("للاسترجاع")) == [1])
    }

    @Test func synonymsCanBePhrases() {
        let index = KnowledgeIndexTests.index(
            [
                KnowledgeIndexTests.article(1, en: ("Reset your password", "Use the link we email you")),
                KnowledgeIndexTests.article(2, ar: ("كلمة ترحيب", "جولة سريعة في التطبيق")),
            ],
            synonyms: Synonyms([["كلمة المرور", "password"]]))
        #expect(ids(index.search("نسيت كلمة المرور")) == [1])
        // A word of the phrase alone is not the phrase.
        #expect(ids(index.search("كلمة")) == [2])
        // And a phrase entry is reached from the single word.
        let arabic = KnowledgeIndexTests.index(
            [KnowledgeIndexTests.article(3, ar: ("تغيير كلمة المرور", "من الإعدادات"))],
            synonyms: Synonyms([["كلمة المرور", "password"]]))
        #expect(ids(arabic.search("change password")) == [3])
    }

    @Test func groupsWithOneUsableEntryAreIgnored() {
        #expect(Synonyms([["refund"], ["كيف", "how"], []]).isEmpty)
    }

    // MARK: Typos

    @Test(arguments: [
        ("refnud", Fixture.Article.refund), ("delivry", .shippingCosts), ("pasword", .resetPassword),
        ("الفاتوره", .invoice), ("فتورة", .invoice), ("ضربية", .invoice),
    ])
    func typosFindTheArticle(_ query: String, _ article: Fixture.Article) {
        let hits = Fixture.index(synonyms: Synonyms()).search(query, limit: 5)
        #expect(ids(hits).contains(article.rawValue), "\(query) → \(ids(hits))")
    }

    @Test func aTypoMatchRanksBelowAnExactOne() {
        let index = KnowledgeIndexTests.index([
            KnowledgeIndexTests.article(1, en: ("Refund policy", "Refunds take 5 days")),
            KnowledgeIndexTests.article(2, en: ("Refnud", "A product name that looks like a typo")),
        ])
        let hits = index.search("refnud policy")
        #expect(ids(hits).first == 1 || ids(hits).first == 2)
        // "refnud" is known, so it is not corrected: article 1 matches only "policy".
        #expect(hits.first { $0.articleID == 1 }.map { $0.wordsMatched == 0.5 } == true)
    }

    @Test func aKnownWordIsNeverCorrectedToItsNeighbour() {
        let index = KnowledgeIndexTests.index([
            KnowledgeIndexTests.article(1, en: ("Shipping", "How parcels travel")),
            KnowledgeIndexTests.article(2, en: ("Shopping", "How to browse the store")),
        ])
        #expect(ids(index.search("shopping")) == [2])
        #expect(ids(index.search("shiping")) == [1])
    }

    @Test func shortWordsAreNotCorrected() {
        let index = KnowledgeIndexTests.index([KnowledgeIndexTests.article(1, en: ("Card", "Add a card"))])
        #expect(index.search("cart").isEmpty)
    }

    @Test func aMisspeltSynonymStillReachesItsGroup() {
        let index = KnowledgeIndexTests.index(
            [KnowledgeIndexTests.article(1, ar: ("سياسة الاسترجاع", "خلال ١٤ يوماً"))],
            synonyms: Synonyms([["استرجاع", "refund"]]))
        #expect(ids(index.search("refnud")) == [1])
    }

    // MARK: Stop words in dialect questions

    @Test(arguments: [
        ("وين طلبي؟", Fixture.Article.trackOrder, 1),
        ("ابغى ارجع المنتج", .damagedProduct, 2),
        ("عايز افلوسي ترجع", .refund, 2),
        ("شو لازم اسوي اذا نسيت كلمة السر؟", .resetPassword, 4),
    ])
    func dialectFillerIsDropped(_ question: String, _ article: Fixture.Article, _ concepts: Int) {
        let index = Fixture.index()
        #expect(index.concepts(for: question).count == concepts)
        #expect(ids(index.search(question, limit: 3)).contains(article.rawValue))
    }

    @Test func stopWordsAreDroppedFromQueriesNotFromTheIndex() {
        let index = KnowledgeIndexTests.index([KnowledgeIndexTests.article(1, en: ("How to", "The guide"))])
        #expect(index.search("how to").isEmpty)
        #expect(ids(index.search("guide")) == [1])
    }

    @Test(arguments: ["وكيف", "فهل", "وين", "أين", "إيش", "ايش", "Please", "الله"])
    func stopWordsCoverSpellingsAndAttachedConjunctions(_ word: String) {
        #expect(SearchText.tokens(word).allSatisfy(StopWords.contains))
    }

    // MARK: Confidence

    @Test func confidenceIsHighForAClearQuestionAndLowForAnUnrelatedOne() {
        let index = Fixture.index()
        let clear = SearchConfidence(index.search("forgot my password"))
        #expect(clear.value > 0.8)
        #expect(clear.margin > 0.5)
        for question in Fixture.unanswerable {
            let confidence = SearchConfidence(index.search(question))
            #expect(confidence.value < 0.4, "\(question): \(confidence)")
        }
    }

    @Test func confidenceOfNoHitsIsZero() {
        #expect(SearchConfidence([]) == SearchConfidence(value: 0, coverage: 0, relevance: 0, margin: 0))
    }

    @Test func twoEquallyGoodArticlesHaveNoMargin() {
        let index = KnowledgeIndexTests.index([
            KnowledgeIndexTests.article(1, ar: ("الطلب", "نص")),
            KnowledgeIndexTests.article(2, ar: ("الطلب", "نص")),
        ])
        let confidence = SearchConfidence(index.search("طلبي"))
        #expect(confidence.margin == 0)
        #expect(confidence.value == 1)
    }
}
