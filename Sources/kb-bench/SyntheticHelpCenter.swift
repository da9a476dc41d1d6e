import RaayaCore

/// Words drawn with a Zipf-like distribution (frequency ∝ 1/rank), as in real text: a few words are in most
/// articles, most words in a few.
struct ZipfVocabulary {
    let words: [String]
    private let cumulative: [Double]

    init(words: [String]) {
        self.words = words
        var total = 0.0
        cumulative = words.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }

    func draw(using generator: inout SeededGenerator) -> String {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }
}

/// Bilingual articles built from real support words mixed with invented ones, so that the vocabulary grows to
/// a realistic size (tens of thousands of distinct words) and postings lists have realistic lengths.
enum SyntheticHelpCenter {
    static let arabicWords = """
        طلب فاتورة استرجاع استرداد شحن توصيل دفع بطاقة حساب كلمة مرور تسجيل دخول منتج إرجاع استبدال ضمان عنوان \
        هاتف رسالة بريد تطبيق موقع متجر خصم كوبون عرض سعر تكلفة رسوم ضريبة مبلغ رصيد محفظة تحويل بنك فرع موظف \
        عميل خدمة دعم مشكلة خطأ تحديث إعدادات إشعار تنبيه اشتراك باقة إلغاء تعديل تغيير حذف إضافة تفعيل تعطيل \
        تأكيد رمز تحقق هوية صورة ملف مستند تقرير سجل تاريخ وقت يوم أسبوع شهر سنة ساعة مدة سرعة جودة حالة رقم \
        تتبع شحنة مندوب مستودع طرد صندوق تغليف كسر تلف عيب مقاس لون حجم وزن كمية مخزون توفر حجز موعد زيارة \
        صيانة تركيب جهاز شاشة بطارية شاحن سماعة كاميرا ذاكرة شبكة إنترنت واي فاي بلوتوث برنامج نسخة متصفح
        """
    static let englishWords = """
        order invoice refund return shipping delivery payment card account password login sign product exchange \
        warranty address phone message email app website store discount coupon offer price cost fee tax amount \
        balance wallet transfer bank branch agent customer service support problem error update settings \
        notification alert subscription plan cancel edit change delete add activate deactivate confirm code \
        verify identity photo file document report record date time day week month year hour duration speed \
        quality status number track shipment courier warehouse parcel box packaging broken damaged defect size \
        color weight quantity stock availability booking appointment visit repair install device screen battery \
        charger headphones camera memory network internet wifi bluetooth software version browser
        """
    static let arabicPrefixes = ["", "", "", "ال", "ال", "و", "وال", "ب", "بال", "لل"]
    static let arabicSuffixes = ["", "", "", "", "ات", "ي", "ك", "ها", "كم", "ة"]
    static let englishSuffixes = ["", "", "", "", "s", "ing", "ed", "ment"]

    static let synonyms = Synonyms([
        ["فاتورة", "invoice", "bill"], ["استرجاع", "استرداد", "refund"], ["شحن", "توصيل", "shipping", "delivery"],
        ["كلمة المرور", "password"], ["إلغاء", "cancel"], ["بطاقة", "card"], ["طلب", "order"],
    ])

    static func vocabulary(real: String, invented count: Int, letters: String, using generator: inout SeededGenerator)
        -> ZipfVocabulary
    {
        let realWords = real.split(whereSeparator: \.isWhitespace).map(String.init)
        let alphabet = Array(letters)
        var invented: Set<String> = []
        while invented.count < count {
            let length = Int.random(in: 3...8, using: &generator)
            invented.insert(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        // Real words first: they take the frequent ranks, invented ones the long tail.
        return ZipfVocabulary(words: realWords + invented.sorted().shuffled(using: &generator))
    }

    struct Corpus {
        let documents: [KnowledgeIndex.Document]
        let arabic: ZipfVocabulary
        let english: ZipfVocabulary
    }

    static func corpus(articles: Int, using generator: inout SeededGenerator) -> Corpus {
        let arabic = vocabulary(
            real: arabicWords, invented: 30_000, letters: "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", using: &generator)
        let english = vocabulary(
            real: englishWords, invented: 30_000, letters: "abcdefghijklmnopqrstuvwxyz", using: &generator)
        let documents = (1...articles).map { id in
            KnowledgeIndex.Document(
                articleID: id,
                translations: [
                    translation("ar", arabic, arabicForm, using: &generator),
                    translation("en", english, englishForm, using: &generator),
                ])
        }
        return Corpus(documents: documents, arabic: arabic, english: english)
    }

    private static func translation(
        _ language: String, _ vocabulary: ZipfVocabulary,
        _ form: (String, inout SeededGenerator) -> String, using generator: inout SeededGenerator
    ) -> KnowledgeIndex.Translation {
        func words(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &generator)).map { _ in
                form(vocabulary.draw(using: &generator), &generator)
            }.joined(separator: " ")
        }
        let paragraphs = (0..<Int.random(in: 2...5, using: &generator)).map { _ in words(30...70) + "." }
        return KnowledgeIndex.Translation(
            language: language, title: words(3...8), body: paragraphs.joined(separator: "\n\n"),
            tags: (0..<Int.random(in: 1...4, using: &generator)).map { _ in vocabulary.draw(using: &generator) })
    }

    static func arabicForm(_ word: String, using generator: inout SeededGenerator) -> String {
        arabicPrefixes.randomElement(using: &generator)! + word + arabicSuffixes.randomElement(using: &generator)!
    }

    static func englishForm(_ word: String, using generator: inout SeededGenerator) -> String {
        word + englishSuffixes.randomElement(using: &generator)!
    }
}
