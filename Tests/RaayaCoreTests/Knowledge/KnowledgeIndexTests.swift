import Testing

@testable import RaayaCore

@Suite("KnowledgeIndex")
struct KnowledgeIndexTests {
    static func article(
        _ id: Int, ar: (title: String, body: String)? = nil, en: (title: String, body: String)? = nil,
        tags: [String] = []
    ) -> KnowledgeIndex.Document {
        var translations: [KnowledgeIndex.Translation] = []
        if let ar {
            translations.append(.init(language: "ar", title: ar.title, body: ar.body, tags: tags))
        }
        if let en {
            translations.append(.init(language: "en", title: en.title, body: en.body, tags: tags))
        }
        return KnowledgeIndex.Document(articleID: id, translations: translations)
    }

    static func index(_ documents: [KnowledgeIndex.Document], synonyms: Synonyms = Synonyms()) -> KnowledgeIndex {
        var index = KnowledgeIndex(synonyms: synonyms)
        for document in documents {
            index.upsert(document)
        }
        return index
    }

    private func ids(_ hits: [KnowledgeIndex.Hit]) -> [Int] {
        hits.map(\.articleID)
    }

    // MARK: Ranking

    @Test func aTitleMatchBeatsABodyMatch() {
        let index = Self.index([
            Self.article(1, ar: ("الأسئلة الشائعة", "إجابات عن الدفع والاسترجاع والشحن وساعات العمل")),
            Self.article(2, ar: ("سياسة الاسترجاع", "إجابات عن المدة والشروط والحالات المستثناة والتكاليف")),
        ])
        #expect(ids(index.search("الاسترجاع")) == [2, 1])
    }

    @Test func tagsCountMoreThanTheBody() {
        let index = Self.index([
            Self.article(1, ar: ("طلباتك", "كل ما يخص المحفظة والرصيد"), tags: []),
            Self.article(2, ar: ("طلباتك", "كل ما يخص الطلبات والمتابعة"), tags: ["محفظة"]),
            Self.article(3, ar: ("الدفع", "طرق الدفع المتاحة"), tags: []),
        ])
        #expect(ids(index.search("المحفظة")) == [2, 1])
    }

    @Test func aRareWordOutweighsACommonOne() {
        let index = Self.index([
            Self.article(1, ar: ("مقالة أولى", "الطلب الطلب يحتاج مراجعة سريعة من الفريق")),
            Self.article(2, ar: ("مقالة ثانية", "الفاتورة تصل مع الطلب بعد الدفع")),
            Self.article(3, ar: ("مقالة ثالثة", "تتبع الطلب من التطبيق في أي وقت")),
            Self.article(4, ar: ("مقالة رابعة", "إلغاء الطلب قبل الشحن فقط")),
        ])
        let hits = index.search("الطلب الفاتورة")
        #expect(hits.first?.articleID == 2)
        #expect(hits.count == 4)
    }

    @Test func moreQueryWordsMatchedRanksHigher() {
        let index = HelpCenterFixture.index()
        let hits = index.search("cancel my order")
        #expect(hits.first?.articleID == HelpCenterFixture.Article.cancelOrder.rawValue)
        #expect(hits.first.map { $0.wordsMatched == 1 } == true)
    }

    // MARK: Articles as units across languages

    @Test func anArabicQuestionFindsAnArticleThroughItsEnglishTranslation() {
        let synonyms = Synonyms([["استرجاع", "refund"]])
        let index = Self.index(
            [
                Self.article(
                    1, ar: ("سياسة الإرجاع", "يمكنك إعادة المنتج خلال ١٤ يوماً"),
                    en: ("Refund policy", "Refunds take 5 days")),
                Self.article(
                    2, ar: ("تتبع الشحنة", "رقم التتبع في رسالة الشحن"),
                    en: ("Track a shipment", "Use the tracking number")),
            ], synonyms: synonyms)
        let hits = index.search("أبغى استرجاع", language: "ar")
        #expect(ids(hits) == [1])
        #expect(hits.first?.language == "en")
    }

    @Test func anEnglishQuestionFindsAnArticleThroughAnArabicWordItShares() {
        let index = Self.index([
            Self.article(
                1, ar: ("الدفع عبر Apple Pay", "أضف بطاقتك إلى المحفظة"), en: ("Paying by phone", "Add your card")),
            Self.article(2, ar: ("الدفع نقداً", "ادفع عند الاستلام"), en: ("Cash on delivery", "Pay when it arrives")),
        ])
        #expect(index.search("apple pay not working", language: "en").first?.articleID == 1)
    }

    @Test func anArticleIsOneHitWhateverItsTranslationsMatch() {
        let index = HelpCenterFixture.index()
        let hits = index.search("invoice فاتورة", limit: 10)
        #expect(Set(ids(hits)).count == hits.count)
        #expect(hits.first?.articleID == HelpCenterFixture.Article.invoice.rawValue)
    }

    @Test func theAskersLanguageChoosesTheTranslationWhenBothMatch() {
        let index = Self.index([
            Self.article(1, ar: ("Apple Pay", "الدفع"), en: ("Apple Pay", "Payments"))
        ])
        #expect(index.search("apple pay", language: "ar").first?.language == "ar")
        #expect(index.search("apple pay", language: "en").first?.language == "en")
    }

    // MARK: Updates

    @Test func upsertReplacesAndRemoveForgets() {
        var index = Self.index([
            Self.article(1, ar: ("سياسة الاسترجاع", "خلال ١٤ يوماً")),
            Self.article(2, ar: ("تتبع الطلب", "من صفحة طلباتي")),
        ])
        #expect(index.count == 2)
        #expect(ids(index.search("الاسترجاع")) == [1])

        index.upsert(Self.article(1, ar: ("سياسة الاستبدال", "خلال ٧ أيام"), en: ("Exchange policy", "Within 7 days")))
        #expect(index.count == 2)
        #expect(index.search("الاسترجاع").isEmpty)
        #expect(ids(index.search("الاستبدال")) == [1])
        #expect(ids(index.search("exchange")) == [1])

        index.remove(articleID: 1)
        #expect(index.count == 1)
        #expect(!index.contains(articleID: 1))
        #expect(index.search("الاستبدال").isEmpty)
        #expect(index.search("exchange").isEmpty)
        // A typo of a word only the removed article had finds nothing either.
        #expect(index.search("exchnage").isEmpty)
        #expect(ids(index.search("طلباتي")) == [2])

        index.remove(articleID: 42)
        #expect(index.count == 1)
        index.upsert(Self.article(3, en: ("Exchange policy", "Within 7 days")))
        #expect(ids(index.search("exchange")) == [3])
        #expect(ids(index.search("exchnage")) == [3])
    }

    @Test func upsertingNoTranslationsRemovesTheArticle() {
        var index = Self.index([Self.article(1, ar: ("سياسة الاسترجاع", "خلال ١٤ يوماً"))])
        index.upsert(KnowledgeIndex.Document(articleID: 1, translations: []))
        #expect(index.count == 0)
        #expect(index.search("الاسترجاع").isEmpty)
    }

    @Test func markdownLinksAndURLsAreNotIndexed() {
        let index = Self.index([
            Self.article(
                1, en: ("Returns", "See [our policy](https://help.example.com/returns) or https://example.com/faq."))
        ])
        #expect(ids(index.search("policy")) == [1])
        #expect(index.search("example").isEmpty)
        #expect(index.search("https").isEmpty)
    }

    // MARK: Queries that find nothing

    @Test(arguments: ["", "   ", "؟؟!", "كيف؟", "how do I", "وين؟ ليش؟ please"])
    func emptyQueriesAndStopWordsAloneFindNothing(_ query: String) {
        #expect(HelpCenterFixture.index().search(query).isEmpty)
    }

    @Test func anEmptyIndexOrAZeroLimitFindsNothing() {
        #expect(KnowledgeIndex().search("الاسترجاع").isEmpty)
        #expect(HelpCenterFixture.index().search("refund", limit: 0).isEmpty)
    }

    @Test func limitKeepsTheBestHits() {
        let index = HelpCenterFixture.index()
        let all = index.search("order", limit: 10)
        let two = index.search("order", limit: 2)
        #expect(all.count > 2)
        #expect(two == Array(all.prefix(2)))
    }
}
