import Testing

@testable import RaayaCore

@Suite("Stemmer")
struct StemmerTests {
    /// Stems as the index computes them: tokens first, then stems.
    private func stems(_ text: String) -> [String] {
        SearchText.tokens(text).map(Stemmer.stem)
    }

    // MARK: Arabic

    @Test(arguments: ["والطلبات", "الطلب", "طلبي", "طلباتي", "طلبك", "طلبكم", "للطلبات", "طلبيه"])
    func ordersShareOneStem(_ word: String) {
        #expect(stems(word) == ["طلب"])
    }

    @Test(arguments: ["فاتورة", "الفاتورة", "بالفاتورة", "فاتورتي", "فاتورتك", "فاتورتكم", "الفاتوره", "فاتورتها"])
    func invoicesShareOneStem(_ word: String) {
        #expect(stems(word) == ["فاتور"])
    }

    @Test func refundWordsKeepTheirDerivedForms() {
        #expect(stems("الاسترجاع") == ["استرجاع"])
        #expect(stems("للاسترداد") == ["استرداد"])
        #expect(stems("استردادي") == ["استرداد"])
        // Different derivations of one root are different stems: light stemming does not reach roots.
        #expect(stems("إرجاع") != stems("استرجاع"))
    }

    @Test func pluralAndPronounSuffixesComeOffTogether() {
        #expect(stems("منتجاتكم") == ["منتج"])
        #expect(stems("تحويلاتها") == ["تحويل"])
        #expect(stems("صلاحيات") == stems("صلاحية"))
        #expect(stems("شركتنا") == stems("الشركة"))
        #expect(stems("خدمتي") == stems("خدمات"))
    }

    @Test func aNounEndingInKafMeetsItselfWithYour() {
        #expect(stems("اشتراكك") == stems("الاشتراك"))
    }

    @Test(arguments: [("عنواني", "عنوان"), ("ضماني", "ضمان"), ("تأمين", "تامين"), ("قانون", "قانون")])
    func nounsEndingLikeAPluralKeepTheirEnding(_ word: String, _ stem: String) {
        #expect(stems(word) == [stem])
    }

    @Test(arguments: ["بنك", "وقت", "بيت", "سعر", "لغه"])
    func shortWordsAreLeftWhole(_ word: String) {
        #expect(stems(word) == SearchText.tokens(word))
    }

    @Test func theNameOfGodIsKeptWhole() {
        #expect(stems("الله") == ["الله"])
        #expect(stems("والله") == ["الله"])
        #expect(stems("بالله") == ["الله"])
    }

    @Test func leadingLettersThatMayBePrepositionsAreNotStripped() {
        // فاتورة, بطاقة and سياسة begin with letters that are also prepositions; the stem keeps them and the
        // index tries the readings instead.
        #expect(stems("بطاقتي") == ["بطاق"])
        #expect(stems("وفاتورتي") == ["وفاتور"])
    }

    @Test func readingsRemoveAttachedConjunctionsAndPrepositions() {
        #expect(Set(Stemmer.withoutProclitics("وبطاقتي")) == ["بطاقتي", "طاقتي"])
        #expect(Stemmer.withoutProclitics("وفاتورتي").contains("فاتورتي"))
        #expect(Stemmer.withoutProclitics("سيصل") == ["يصل"])
        // The future marker only comes before an imperfect verb, and three letters must remain.
        #expect(Stemmer.withoutProclitics("سعري").isEmpty)
        #expect(Stemmer.withoutProclitics("بنك").isEmpty)
        #expect(Stemmer.withoutProclitics("refund").isEmpty)
    }

    @Test func readingsWithoutMeKeepNounsReachable() {
        #expect(Stemmer.readings("وصلني").contains("وصل"))
        #expect(stems("عنواني") == ["عنوان"])
    }

    @Test func verbReadingsReachTheBareFormAndOtherPersons() {
        let readings = Stemmer.verbReadings("ادفع")
        #expect(readings.contains("دفع"))
        #expect(readings.contains("يدفع"))
        #expect(readings.contains("سيدفع"))
        #expect(Stemmer.verbReadings("دفع").isEmpty)
    }

    @Test func attachingPrepositionsGivesTheFormsDocumentsUse() {
        let forms = Stemmer.withProclitics("فاتوره")
        #expect(forms.contains("وفاتوره"))
        #expect(forms.contains("بفاتوره"))
        #expect(forms.contains("وبفاتوره"))
        #expect(!forms.contains("سفاتوره"))
        #expect(Stemmer.withProclitics("invoice").isEmpty)
    }

    // MARK: English

    @Test(arguments: ["refund", "refunds", "refunding", "refunded", "Refunded"])
    func refundFormsShareOneStem(_ word: String) {
        #expect(stems(word) == ["refund"])
    }

    @Test(arguments: [
        ["cancel", "cancels", "cancelled", "canceled", "cancelling", "cancellation", "cancellations"],
        ["ship", "ships", "shipped", "shipping", "shipment", "shipments"],
        ["pay", "pays", "paying", "paid", "payment", "payments"],
        ["deliver", "delivers", "delivered", "delivery", "deliveries"],
        ["setting", "settings"],
        ["update", "updates", "updated", "updating"],
        ["apply", "applies", "applied", "application"],
        ["verify", "verified", "verification"],
        ["subscribe", "subscribed", "subscription", "subscriptions"],
        ["invoice", "invoices", "invoiced"],
        ["address", "addresses"],
        ["bill", "bills", "billing", "billed"],
        ["forget", "forgot", "forgotten", "forgetting"],
    ])
    func inflectionsShareOneStem(_ words: [String]) {
        let distinct = Set(words.map(Stemmer.stem))
        #expect(distinct.count == 1, "\(words) → \(distinct)")
    }

    @Test(arguments: ["bring", "status", "string", "need", "speed", "reply", "this"])
    func wordsThatOnlyLookInflectedStayApart(_ word: String) {
        #expect(Stemmer.stem(word) == word)
    }

    @Test func numbersAndMixedTokensAreKept() {
        #expect(Stemmer.stem("2024") == "2024")
        #expect(Stemmer.stem("iphone15") == "iphone15")
        #expect(Stemmer.stem("") == "")
    }
}
