import Testing

@testable import RaayaCore

/// How customers' verbs, dialect prepositions, filler and question words reach articles written in nouns and
/// Modern Standard Arabic.
@Suite("KnowledgeIndex dialect questions")
struct DialectQueryTests {
    private func ids(_ hits: [KnowledgeIndex.Hit]) -> [Int] {
        hits.map(\.articleID)
    }

    private static let returns = KnowledgeIndexTests.article(
        1, ar: ("سياسة الإرجاع", "يمكنك طلب الإرجاع خلال ١٤ يوماً من صفحة طلباتي"))
    private static let refunds = KnowledgeIndexTests.article(
        2, ar: ("مدة الاسترجاع", "يصل الاسترجاع إلى بطاقتك خلال ١٠ أيام عمل"))
    private static let address = KnowledgeIndexTests.article(
        3, ar: ("تغيير عنوان التوصيل", "عدّل العنوان من صفحة الطلب قبل الشحن"))

    // MARK: Verbs and their nouns

    @Test(arguments: [
        ("ارجع", "ارجاع"), ("ارجع", "ترجيع"), ("اغير", "تغيير"), ("يسترجع", "استرجاع"), ("اشترك", "اشتراك"),
        ("استرد", "استرداد"), ("تستلم", "استلام"),
    ])
    func aVerbSuggestsItsVerbalNouns(_ verb: String, _ noun: String) {
        #expect(ArabicStemmer.verbalNouns(verb).contains(noun), "\(verb) → \(ArabicStemmer.verbalNouns(verb))")
    }

    @Test(arguments: ["بطاقه", "طلب", "رجع", "فاتوره"])
    func wordsThatCannotBeImperfectVerbsHaveNoVerbalNouns(_ word: String) {
        #expect(ArabicStemmer.verbalNouns(word).isEmpty)
    }

    @Test func aVerbWithAnObjectPronounStillFindsItsNoun() {
        #expect(Stemmer.verbalNouns("ارجعه").contains("ارجاع"))
        #expect(Stemmer.verbalNouns("وبدي").isEmpty)
    }

    @Test(arguments: ["ابي ارجعه", "ارجع المنتج", "كيف ارجعها"])
    func aQuestionWithAVerbFindsTheArticleNamingTheAction(_ question: String) {
        let index = KnowledgeIndexTests.index([Self.returns, Self.address])
        #expect(ids(index.search(question)).first == 1, "\(question)")
    }

    @Test func aVerbReachesTheSynonymsOfItsNoun() {
        // "ارجعه" → "ارجاع", whose everyday group holds "return"; the article is only in English.
        let english = KnowledgeIndexTests.article(4, en: ("How to return an item", "Request a return from My Orders"))
        let index = KnowledgeIndexTests.index([english], synonyms: .withEveryday([]))
        #expect(ids(index.search("ابي ارجعه")) == [4])
    }

    @Test func theFormTenVerbFindsItsNoun() {
        let index = KnowledgeIndexTests.index([Self.returns, Self.refunds])
        #expect(ids(index.search("متى استرجع")).first == 2)
    }

    @Test func aLevantineVerbAfterIWantIsReadWithItsPrefix() {
        // "بدي غيّر العنوان": "غير" alone is "other than", but after "بدي" it is "اغير", I change.
        let english = KnowledgeIndexTests.article(12, en: ("Change the delivery address", "Edit it in My Orders"))
        let index = KnowledgeIndexTests.index([english], synonyms: .withEveryday([]))
        #expect(ids(index.search("بدي غير")) == [12])
        #expect(index.search("غير").isEmpty)
    }

    @Test(arguments: [("واصل", ["وصل"]), ("ناقص", ["نقص"]), ("دافع", ["دفع"])])
    func aParticipleReadsAsItsVerb(_ participle: String, _ verb: [String]) {
        #expect(ArabicStemmer.participleVerb(participle) == verb)
        #expect(ArabicStemmer.participleVerb("عنوان").isEmpty)
    }

    @Test func aParticipleWithAPronounFindsTheVerbBeforeTheWordItsLettersAlsoSpell() {
        // "واصلني" could be read as و + "اصلني" (original); the verb "وصل" with the rest of the question wins.
        let late = KnowledgeIndexTests.article(5, ar: ("تأخر الطلب", "إذا لم يكن الطلب قد وصل بعد موعده فتواصل معنا"))
        let original = KnowledgeIndexTests.article(6, ar: ("هل منتجاتكم أصلية؟", "كل المنتجات أصلية ومضمونة"))
        let index = KnowledgeIndexTests.index([late, original])
        #expect(ids(index.search("مش واصلني الطلب")).first == 5)
    }

    // MARK: Dialect prepositions

    @Test func aLevantineAlaFusedWithTheArticleIsReadOff() {
        #expect(Stemmer.withoutProclitics("عالموبايل").contains("موبايل"))
        // Too little would be left of these.
        #expect(Stemmer.withoutProclitics("عالم").isEmpty)
        let phone = KnowledgeIndexTests.article(7, ar: ("تغيير رقم الموبايل", "من صفحة الحساب"))
        let index = KnowledgeIndexTests.index([phone, Self.address])
        #expect(ids(index.search("ما وصل الكود عالموبايل")).first == 7)
    }

    // MARK: Filler and question words

    @Test(arguments: ["عليه", "منها", "صار", "اعرف", "أستطيع", "اشتريت", "لسه", "دلوقتي", "now", "know"])
    func fillerIsAStopWord(_ word: String) {
        #expect(SearchText.tokens(word).allSatisfy(StopWords.contains), "\(word)")
    }

    @Test func aQuestionOfOnlyFillerFindsNothing() {
        let index = KnowledgeIndexTests.index([Self.returns, Self.refunds, Self.address])
        #expect(index.concepts(for: "السلام عليكم، بدي اعرف وش صار عليه").isEmpty)
        #expect(index.search("وش صار عليه").isEmpty)
    }

    private static let tracking = KnowledgeIndexTests.article(
        8, ar: ("تتبع الطلب", "تابع حالة الطلب من صفحة طلباتي"), en: ("Track your order", "From My Orders"))
    private static let cancelling = KnowledgeIndexTests.article(
        9, ar: ("إلغاء الطلب", "ألغِ الطلب من صفحة طلباتي"), en: ("Cancel your order", "From My Orders"))

    @Test(arguments: ["وين طلبي؟", "فين الطلب", "where is my order", "wein el order"])
    func whereAsksForTracking(_ question: String) {
        let index = KnowledgeIndexTests.index([Self.cancelling, Self.tracking])
        #expect(ids(index.search(question)) == [8, 9], "\(question)")
    }

    @Test func theWhereCueOrdersHitsWithoutChangingCoverage() {
        let index = KnowledgeIndexTests.index([Self.cancelling, Self.tracking])
        let plain = index.search("طلبي")
        let asked = index.search("وين طلبي")
        #expect(index.concepts(for: "وين طلبي").count == 1)
        #expect(asked.first { $0.articleID == 8 }?.coverage == plain.first { $0.articleID == 8 }?.coverage)
        #expect(asked.first { $0.articleID == 8 }?.wordsMatched == 1)
        // A question of only a cue word asks nothing.
        #expect(index.search("وين").isEmpty)
    }

    // MARK: Typos in short words

    @Test func aFourLetterWordFindsTheWordItDroppedALetterFrom() {
        let index = KnowledgeIndexTests.index([
            KnowledgeIndexTests.article(10, en: ("Track your order", "Open My Orders")),
            KnowledgeIndexTests.article(11, en: ("Add a card", "Cards are saved")),
        ])
        #expect(ids(index.search("oder")) == [10])
        // Replacing a letter of a four-letter word is not corrected: "cart" is not "card".
        #expect(index.search("cart").isEmpty)
    }
}
