import Testing

@testable import RaayaCore

/// The model is trained in Python (tools/sentiment) and run here, so both must see the same features. The
/// expected values below were computed by the Python side (features.py, searchtext.py, skeleton.py); when one of
/// these fails, the two sides have drifted and the shipped model no longer means what it was trained to mean.
@Suite("Sentiment parity with the Python trainer")
struct SentimentParityTests {
    private let model = SentimentModel.shared.file

    @Test func languageIsDecidedWithoutLinksAndMentions() {
        let text = "اه يا حلب https://t.co/vEC9sEXlH0 @someone"
        #expect(SentimentModel.language(of: SentimentFeatures.withoutLinksAndMentions(text)) == .arabic)
        #expect(SentimentModel.shared.analyze(text).language == .arabic)
    }

    @Test func fnv1aMatchesPython() {
        #expect(FNV1a(Array("".utf8)).value == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a(Array("wوحش".utf8)).value == 0x0E9E_612E_A9DF_026C)
        #expect(FNV1a(Array("bnot bad".utf8)).value == 0x5FCA_D88A_52B4_EBB1)
    }

    @Test(arguments: [
        ("ﻣﺮﺣﺒﺎ بالعالم", ["مرحبا", "عالم"]),
        ("إِنْ شَاءَ ٱللَّٰهُ", ["ان", "شاء", "الله"]),
        ("Ｈｅｌｌｏ ١٢٣ ۴۵", ["hello", "123", "45"]),
        ("مشکلة ی", ["مشكله", "ي"]),
        ("ÉCOLE café", ["école", "café"]),
        ("الـــخدمة\u{200F}جيدة", ["خدمهجيده"]),
        ("soooo جمييييل!!", ["soooo", "جمييييل"]),
    ])
    func searchTextTokensMatchThePythonPort(_ text: String, _ expected: [String]) {
        #expect(SearchText.tokens(text) == expected)
    }

    @Test(arguments: [
        ("وحش", "hc"), ("wa7esh", "hc"), ("فاتوره", "ftr"), ("fatourah", "ftr"), ("خدمه", "xdm"),
        ("shokran", "ckrn"), ("ممتازه", "mtz"), ("ghalat", "glt"), ("غلط", "glt"), ("فاتحه", "ft"), ("fat7ah", "ft"),
        ("Kwayyes", "ks"), ("كويس", "ks"),
    ])
    func skeletonMatchesThePythonPort(_ word: String, _ expected: String) {
        #expect(Arabizi.skeleton(word) == expected)
        var bytes: [UInt8] = []
        ConsonantSkeleton.write(word, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    /// The features' byte-level skeleton must be `Arabizi.skeleton` exactly, on any word a token can be.
    @Test func featureSkeletonIsArabiziSkeleton() {
        let letters = Array(
            "ابتثجحخدذرزسشصضطظعغفقكلمنهوية ءأإآىئؤ abcdefghijklmnopqrstuvwxyzSHKT0123456789'é".unicodeScalars)
        var state: UInt64 = 0x5EED
        var bytes: [UInt8] = []
        for length in 0..<12 {
            for _ in 0..<3_000 {
                var word = String.UnicodeScalarView()
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    word.append(letters[Int((state >> 33) % UInt64(letters.count))])
                }
                let text = String(word)
                ConsonantSkeleton.write(text, into: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == Arabizi.skeleton(text), "\(text)")
            }
        }
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        let text: String
        let clauses: [[String]]
        let featureCount: Int
        let hashSum: UInt64
        let lexiconScore: Double
        var testDescription: String { text }
    }

    /// Negated tokens are written with a leading "¬".
    @Test(arguments: [
        Expected(
            text: "مش وحش بس التوصيل متأخر!!", clauses: [["مش", "¬وحش", "بس", "توصيل", "متاخر"]],
            featureCount: 106, hashSum: 0x8582_90C8_C312_57DF, lexiconScore: -0.7),
        Expected(
            text: "I don't like it, but the staff were soooo nice 😍",
            clauses: [["i", "don", "t", "¬like", "¬it"], ["but", "the", "staff", "were", "soo", "nice"]],
            featureCount: 133, hashSum: 0x6BF3_6BF6_DB28_01E5, lexiconScore: 4.05),
        Expected(
            text: "ماعجبنيش الأكل خالص", clauses: [["¬ماعجبنيش", "¬اكل", "¬خالص"]],
            featureCount: 92, hashSum: 0x5D21_E68B_EA79_E514, lexiconScore: 0),
        Expected(
            text: "الخدمـــة ممتااااازة شكراً @support https://t.co/x 123 :)",
            clauses: [["خدمه", "ممتازه", "شكرا", "0"]],
            featureCount: 87, hashSum: 0x3AE7_4389_5161_6DA2, lexiconScore: 7.2),
        Expected(
            text: "ﻣﺮﺣﺒﺎ، هل يمكن تغيير موعد التوصيل؟",
            clauses: [["مرحبا"], ["هل", "يمكن", "تغيير", "موعد", "توصيل"]],
            featureCount: 152, hashSum: 0xB936_CA21_DAD9_BBA8, lexiconScore: 0),
    ])
    func featuresMatchPython(_ expected: Expected) {
        let features = SentimentFeatures(expected.text, model: model)
        #expect(features.clauses.map { $0.map { ($0.negated ? "¬" : "") + $0.text } } == expected.clauses)
        var count = 0
        var sum: UInt64 = 0
        FeatureHashing.forEachFeature(of: features, model: model) { hash in
            count += 1
            sum &+= hash
        }
        #expect(count == expected.featureCount)
        #expect(sum == expected.hashSum)
        #expect(abs(features.cues.lexiconScore(negatedFlip: model.negatedFlip) - expected.lexiconScore) < 1e-4)
    }
}
