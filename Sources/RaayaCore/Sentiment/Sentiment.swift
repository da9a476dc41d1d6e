import Foundation

/// How a customer message feels.
public enum SentimentLabel: String, Sendable, CaseIterable, Codable {
    case negative
    case neutral
    case positive
}

/// The language a message was scored as. Arabizi (Arabic in Latin letters) is Arabic.
public enum SentimentLanguage: String, Sendable {
    case arabic = "ar"
    case english = "en"
}

/// The sentiment of one customer message.
public struct Sentiment: Sendable, Equatable {
    public let label: SentimentLabel
    /// P(positive) − P(negative): −1 is surely negative, +1 surely positive, near 0 neutral or unsure.
    public let score: Double
    public let language: SentimentLanguage

    public init(label: SentimentLabel, score: Double, language: SentimentLanguage) {
        self.label = label
        self.score = score
        self.language = language
    }
}

/// A multinomial logistic regression over hashed words, word pairs, character n-grams and lexicon cues, trained
/// offline by tools/sentiment/train.py and embedded in the binary (SentimentModelData.swift). Pure computation:
/// no I/O, no network, about 20–50 µs a message on one core.
public struct SentimentModel: Sendable {
    /// The model shipped with Raaya, decoded on first use (a few milliseconds).
    public static let shared: SentimentModel = {
        do {
            return try embedded()
        } catch {
            // The embedded model is generated with the code; failing to read it is a build defect, not input.
            preconditionFailure("the embedded sentiment model cannot be read: \(error)")
        }
    }()

    /// Decodes the embedded model anew; `shared` is the one to use, this is for measuring the load.
    public static func embedded() throws -> SentimentModel {
        try SentimentModel(base64: SentimentModelData.base64)
    }

    let file: SentimentModelFile

    /// Reads a model in the layout tools/sentiment/export.py writes.
    public init(base64: String) throws {
        file = try SentimentModelFile(base64: base64)
    }

    public func analyze(_ text: String) -> Sentiment {
        let (probabilities, language) = classify(text)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 1
        return Sentiment(
            label: SentimentLabel.allCases[best],
            score: probabilities[2] - probabilities[0],
            language: language
        )
    }

    /// The rule-based reading the model is measured against: lexicon polarity summed, negated words flipped and
    /// weakened, emoji included; beyond a threshold either way it is positive or negative, else neutral.
    public func lexiconBaseline(_ text: String) -> SentimentLabel {
        let (scored, _) = prepare(text)
        let score = SentimentFeatures(scored, model: file).cues.lexiconScore(negatedFlip: file.negatedFlip)
        if score > file.baselineThreshold { return .positive }
        if score < -file.baselineThreshold { return .negative }
        return .neutral
    }

    /// Arabizi is transliterated first, so that it meets the Arabic the model learned. Links and @mentions are
    /// Latin letters in any language ("t.co/x7Gh3"), so the language is decided without them.
    private func prepare(_ text: String) -> (String, SentimentLanguage) {
        let language = Self.language(of: SentimentFeatures.withoutLinksAndMentions(text))
        // Arabizi has more Latin letters than Arabic ones; a mostly Arabic text need not be asked.
        if language == .english {
            let words = SentimentFeatures.withoutLinksAndMentions(text, alsoTagsAndGluedLinks: true)
            if Arabizi.isArabizi(words) {
                return (Arabizi.toArabic(words), .arabic)
            }
        }
        return (text, language)
    }

    private func classify(_ text: String) -> ([Double], SentimentLanguage) {
        let (scored, language) = prepare(text)
        let features = SentimentFeatures(scored, model: file)
        let classes = SentimentModelFile.classCount
        // Integer sums are exact, so only the per-class scale rounds, as in Python.
        var sums: (Int32, Int32, Int32) = (0, 0, 0)
        var count = 0
        let bucketMask = file.bucketMask
        file.weights.withUnsafeBufferPointer { weights in
            FeatureHashing.forEachFeature(of: features, model: file) { hash in
                let base = Int(hash & bucketMask) * classes
                sums.0 += Int32(weights[base])
                sums.1 += Int32(weights[base + 1])
                sums.2 += Int32(weights[base + 2])
                count += 1
            }
        }
        let dense = denseFeatures(features.cues, language: language)
        let norm = count > 0 ? 1 / Double(count).squareRoot() : 0
        var logits = [Double(sums.0), Double(sums.1), Double(sums.2)]
        for c in 0..<classes {
            var logit = file.intercepts[c] + logits[c] * file.scales[c] * norm
            for (d, value) in dense.enumerated() {
                logit += file.denseWeights[c * file.denseCount + d] * value
            }
            logits[c] = logit
        }
        let top = logits.max() ?? 0
        let exponentials = logits.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return (exponentials.map { $0 / total }, language)
    }

    /// In the order of DENSE_NAMES in features.py.
    private func denseFeatures(_ cues: SentimentFeatures.Cues, language: SentimentLanguage) -> [Double] {
        [
            language == .arabic ? 1 : 0,
            language == .english ? 1 : 0,
            log1p(cues.positiveSum),
            log1p(cues.negativeSum),
            log1p(cues.negatedPositiveSum),
            log1p(cues.negatedNegativeSum),
            log1p(cues.emojiPositive),
            log1p(cues.emojiNegative),
            cues.questionMark ? 1 : 0,
            cues.questionWord ? 1 : 0,
            cues.request ? 1 : 0,
            Double(min(cues.exclamations, 3)) / 3,
            tanh(cues.lexiconScore(negatedFlip: file.negatedFlip) / 4),
            log1p(Double(cues.tokenCount)) / 5,
            cues.elongated ? 1 : 0,
        ]
    }

    /// Arabic when Arabic letters are at least as many as Latin ones.
    static func language(of text: String) -> SentimentLanguage {
        var arabic = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            if SentimentFeatures.isArabicLetter(scalar) {
                arabic += 1
            } else if SentimentFeatures.isLatinLetter(scalar) {
                latin += 1
            }
        }
        return arabic > 0 && arabic >= latin ? .arabic : .english
    }
}
