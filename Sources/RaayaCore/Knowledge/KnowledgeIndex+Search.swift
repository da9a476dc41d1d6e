import Foundation

/// Scoring: BM25F (Robertson, Zaragoza and Taylor, "Simple BM25 extension to multiple weighted fields", 2004)
/// over each translation's title, tags and body, per concept of the query (see `KnowledgeIndex+Query.swift`).
///
/// For each concept and translation, the field frequencies of all the concept's terms are length-normalized
/// per field, weighted (title ×3, tags ×2, body ×1) and summed into one pseudo-frequency, which is saturated
/// once with k1: a title match beats a body match, and a word repeated in the body cannot outweigh a second
/// query word. The result is multiplied by the concept's IDF and by the weight of the best way the translation
/// matched it (exact, attached preposition, synonym, typo).
///
/// Document frequency is counted in articles, not translations, and average lengths are kept per language:
/// an article is one unit whatever languages it has, and Arabic text is shorter in tokens than its English
/// translation. An article scores as its best translation.
extension KnowledgeIndex {
    public struct Hit: Sendable, Hashable {
        public var articleID: Int
        /// The translation to show: the best-matching one, or the requested language's translation when it
        /// scores at least 90% as well.
        public var language: String
        /// BM25F score; comparable between hits of one query only.
        public var score: Double
        /// `score` over the score of an article matching every concept exactly and in its title: 0…1, a title
        /// match of everything scores about 0.7.
        public var relevance: Double
        /// Share of the query this article matches, each concept counted by its IDF and by how well it matched
        /// (an exact word counts fully, a synonym 0.8, a typo 0.6): 0…1. Words no article contains count as
        /// rare words, so a question about something the help center does not cover has low coverage.
        public var coverage: Double
        /// Share of the query's words (after stop words) this article matches, unweighted: 0…1.
        public var wordsMatched: Double
    }

    static let k1 = 1.2
    static let lengthNormalization = 0.75
    static let fieldWeights = FieldLengths(title: 3, tags: 2, body: 1)
    /// A translation in the requested language is preferred when it scores at least this share of the best one.
    static let preferredLanguageShare = 0.9

    /// The articles best matching `query`, best first, at most `limit`. `language` is the asker's language: it
    /// only decides which translation a hit reports. An empty query, or one made only of stop words, finds
    /// nothing.
    public func search(_ query: String, language: String? = nil, limit: Int = 10) -> [Hit] {
        guard limit > 0, count > 0 else { return [] }
        let tokens = SearchText.tokens(query)
        var concepts = concepts(for: query, tokens: tokens)
        guard !concepts.isEmpty else { return [] }
        concepts += cueConcepts(for: tokens)
        var scoring = Scoring(index: self)
        for (number, concept) in concepts.enumerated() {
            scoring.add(concept, number: number)
        }
        return scoring.bestArticles(limit: limit, preferring: language)
    }

    static func inverseDocumentFrequency(articles: Double, containing: Double) -> Double {
        log(1 + (articles - containing + 0.5) / (containing + 0.5))
    }
}

/// The accumulators of one search, indexed by translation slot or article number.
private struct Scoring {
    let index: KnowledgeIndex
    private let averageLengths: [FieldLengths]
    private let articleCount: Double

    private var score: [Double]
    private var coverage: [Double]
    private var wordsMatched: [Int]
    private var scoredSlots: [Int32] = []

    // Per concept, reset after each.
    private var frequency: [Double]
    private var matchWeight: [Double]
    private var matchedSlots: [Int32] = []
    private var articleSeenInConcept: [Int]

    private var totalIDF = 0.0
    private var bestPossible = 0.0
    private var totalWords = 0

    init(index: KnowledgeIndex) {
        self.index = index
        let slots = index.slotArticle.count
        score = Array(repeating: 0, count: slots)
        coverage = Array(repeating: 0, count: slots)
        wordsMatched = Array(repeating: 0, count: slots)
        frequency = Array(repeating: 0, count: slots)
        matchWeight = Array(repeating: 0, count: slots)
        articleSeenInConcept = Array(repeating: -1, count: index.articleIDs.count)
        articleCount = Double(index.count)
        averageLengths = index.languageTotals.indices.map { language in
            let translations = Double(max(index.languageSlotCounts[language], 1))
            let totals = index.languageTotals[language]
            return FieldLengths(
                title: max(totals.title / translations, 1), tags: max(totals.tags / translations, 1),
                body: max(totals.body / translations, 1))
        }
    }

    mutating func add(_ concept: KnowledgeIndex.Concept, number: Int) {
        for (term, weight) in concept.terms {
            for posting in index.postings[Int(term)] {
                record(slot: posting.slot, frequency: fieldFrequency(posting), weight: weight)
            }
        }
        for phrase in concept.phrases {
            for (slot, frequency) in phraseFrequencies(phrase.parts) {
                record(slot: slot, frequency: frequency, weight: phrase.weight)
            }
        }

        var articles = 0
        for slot in matchedSlots {
            let article = Int(index.slotArticle[Int(slot)])
            if articleSeenInConcept[article] != number {
                articleSeenInConcept[article] = number
                articles += 1
            }
        }
        // A word no article contains counts as a word only one article contains: rare, so that leaving it
        // unmatched lowers coverage as much as missing the most specific word of the question would.
        let idf = KnowledgeIndex.inverseDocumentFrequency(articles: articleCount, containing: Double(max(articles, 1)))
        let k1 = KnowledgeIndex.k1
        for slot in matchedSlots.map(Int.init) {
            let saturated = frequency[slot] * (k1 + 1) / (k1 + frequency[slot])
            if score[slot] == 0 {
                scoredSlots.append(Int32(slot))
            }
            score[slot] += idf * saturated * matchWeight[slot]
            if !concept.isCue {
                coverage[slot] += idf * matchWeight[slot]
                wordsMatched[slot] += concept.tokenCount
            }
            frequency[slot] = 0
            matchWeight[slot] = 0
        }
        matchedSlots.removeAll(keepingCapacity: true)
        guard !concept.isCue else { return }
        totalIDF += idf
        bestPossible += idf * (k1 + 1)
        totalWords += concept.tokenCount
    }

    private mutating func record(slot: Int32, frequency added: Double, weight: Double) {
        let slot32 = slot
        let slot = Int(slot)
        if matchWeight[slot] == 0 {
            matchedSlots.append(slot32)
        }
        frequency[slot] += added
        matchWeight[slot] = max(matchWeight[slot], weight)
    }

    /// The weighted, length-normalized frequency of one posting, summed over fields (BM25F's pseudo-frequency).
    private func fieldFrequency(_ posting: Posting) -> Double {
        let slot = Int(posting.slot)
        let lengths = index.slotLengths[slot]
        let average = averageLengths[Int(index.slotLanguage[slot])]
        let weights = KnowledgeIndex.fieldWeights
        let b = KnowledgeIndex.lengthNormalization
        var sum = 0.0
        if posting.title > 0 {
            sum += weights.title * Double(posting.title) / (1 - b + b * lengths.title / average.title)
        }
        if posting.tags > 0 {
            sum += weights.tags * Double(posting.tags) / (1 - b + b * lengths.tags / average.tags)
        }
        if posting.body > 0 {
            sum += weights.body * Double(posting.body) / (1 - b + b * lengths.body / average.body)
        }
        return sum
    }

    /// Translations containing every part of a phrase, with the frequency of its least frequent part: without
    /// word positions, a phrase occurs at most as often as its rarest word.
    private func phraseFrequencies(_ parts: [[Int32]]) -> [Int32: Double] {
        var result: [Int32: Double]?
        for part in parts {
            var found: [Int32: Double] = [:]
            for term in part {
                for posting in index.postings[Int(term)] {
                    found[posting.slot, default: 0] += fieldFrequency(posting)
                }
            }
            if let previous = result {
                var both: [Int32: Double] = [:]
                for (slot, frequency) in previous {
                    if let other = found[slot] {
                        both[slot] = min(frequency, other)
                    }
                }
                result = both
            } else {
                result = found
            }
        }
        return result ?? [:]
    }

    func bestArticles(limit: Int, preferring language: String?) -> [KnowledgeIndex.Hit] {
        guard bestPossible > 0 else { return [] }
        let preferred = language.flatMap { index.languages.firstIndex(of: $0) }.map(Int32.init)
        // Per article: its best translation, its translation in the preferred language, and the best
        // coverage among its translations.
        let articles = index.articleIDs.count
        var bestSlot = Array(repeating: -1, count: articles)
        var preferredSlot = Array(repeating: -1, count: articles)
        var bestCoverage = Array(repeating: 0.0, count: articles)
        var bestWords = Array(repeating: 0, count: articles)
        var matchedArticles: [Int] = []
        for slot in scoredSlots.map(Int.init) {
            let article = Int(index.slotArticle[slot])
            if bestSlot[article] < 0 {
                matchedArticles.append(article)
                bestSlot[article] = slot
            } else if score[slot] > score[bestSlot[article]] {
                bestSlot[article] = slot
            }
            if index.slotLanguage[slot] == preferred {
                preferredSlot[article] = slot
            }
            bestCoverage[article] = max(bestCoverage[article], coverage[slot])
            bestWords[article] = max(bestWords[article], wordsMatched[slot])
        }

        var top: [(article: Int, slot: Int)] = []
        for article in matchedArticles {
            let candidate = (article: article, slot: bestSlot[article])
            guard top.count < limit || ranks(candidate, above: top[top.count - 1]) else { continue }
            let position = top.firstIndex { ranks(candidate, above: $0) } ?? top.count
            top.insert(candidate, at: position)
            if top.count > limit {
                top.removeLast()
            }
        }

        return top.map { article, slot in
            var shown = slot
            let inPreferred = preferredSlot[article]
            if inPreferred >= 0, score[inPreferred] >= KnowledgeIndex.preferredLanguageShare * score[slot] {
                shown = inPreferred
            }
            return KnowledgeIndex.Hit(
                articleID: index.articleIDs[article],
                language: index.languages[Int(index.slotLanguage[shown])],
                score: score[slot],
                relevance: min(score[slot] / bestPossible, 1),
                coverage: min(bestCoverage[article] / totalIDF, 1),
                wordsMatched: Double(bestWords[article]) / Double(max(totalWords, 1)))
        }
    }

    /// Higher score first; equal scores by article ID, so results do not depend on insertion order.
    private func ranks(_ a: (article: Int, slot: Int), above b: (article: Int, slot: Int)) -> Bool {
        if score[a.slot] != score[b.slot] {
            return score[a.slot] > score[b.slot]
        }
        return index.articleIDs[a.article] < index.articleIDs[b.article]
    }
}
