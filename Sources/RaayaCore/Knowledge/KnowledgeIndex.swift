/// An in-memory full-text index of help-center articles, ranked with BM25F, for the agent search box and the chat
/// bot. An article is one unit across its translations: a question in Arabic finds an article whose English
/// translation is the one that matches (through a shared product name or an admin's synonym), and the other way
/// round.
///
/// A value type with no I/O: build it from the stored articles, `upsert` when one is published or edited,
/// `remove` when one is unpublished or deleted. Holding it in an actor and swapping in an updated copy keeps
/// searches lock-free.
///
/// What a query goes through is described in `KnowledgeIndex+Query.swift` (stop words, stems, attached
/// prepositions, synonyms, typos) and how it is scored in `KnowledgeIndex+Search.swift`.
public struct KnowledgeIndex: Sendable {
    public struct Translation: Sendable, Hashable {
        /// "ar", "en", …; only used to group length statistics and to report which translation matched.
        public var language: String
        public var title: String
        /// Plain text or simple Markdown (link targets and URLs are ignored).
        public var body: String
        public var tags: [String]

        public init(language: String, title: String, body: String, tags: [String] = []) {
            self.language = language
            self.title = title
            self.body = body
            self.tags = tags
        }
    }

    public struct Document: Sendable, Hashable {
        public var articleID: Int
        public var translations: [Translation]

        public init(articleID: Int, translations: [Translation]) {
            self.articleID = articleID
            self.translations = translations
        }
    }

    /// Admin-declared equivalences, applied at query time: changing them needs no re-index.
    public var synonyms: Synonyms

    // Terms (stems) and their postings.
    var termNumbers: [WordKey: Int32] = [:]
    var postings: [[Posting]] = []
    var spelling = SpellingNeighbourhood()
    var soundAlikes = SoundAlikes()

    // Indexed translations ("slots"), addressed by number; numbers of removed ones are reused.
    var slotArticle: [Int32] = []
    var slotLanguage: [Int32] = []
    var slotLengths: [FieldLengths] = []
    private var slotTerms: [[Int32]] = []
    /// The spelling neighbourhood's numbers for the words and stems of each translation.
    private var slotWords: [[Int32]] = []
    /// The skeletons each translation filed its terms under in `soundAlikes`.
    private var slotSkeletons: [[(key: String, term: Int32)]] = []
    private var freeSlots: [Int32] = []

    // Articles, addressed by number for the same reason.
    var articleIDs: [Int] = []
    private var articleSlots: [[Int32]] = []
    private var articleNumbers: [Int: Int32] = [:]
    private var freeArticles: [Int32] = []

    // Languages and their total field lengths, for BM25's average lengths.
    var languages: [String] = []
    private var languageNumbers: [String: Int32] = [:]
    var languageTotals: [FieldLengths] = []
    var languageSlotCounts: [Int] = []

    public init(synonyms: Synonyms = Synonyms()) {
        self.synonyms = synonyms
    }

    /// Number of articles indexed.
    public var count: Int { articleNumbers.count }

    /// Number of distinct terms (stems) in indexed translations; for diagnostics and benchmarks.
    public var termCount: Int { postings.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    public func contains(articleID: Int) -> Bool {
        articleNumbers[articleID] != nil
    }

    /// Indexes `document`, replacing what was indexed for its article before. A document without translations
    /// removes the article.
    public mutating func upsert(_ document: Document) {
        remove(articleID: document.articleID)
        guard !document.translations.isEmpty else { return }
        let article: Int32
        if let free = freeArticles.popLast() {
            article = free
            articleIDs[Int(free)] = document.articleID
        } else {
            article = Int32(articleIDs.count)
            articleIDs.append(document.articleID)
            articleSlots.append([])
        }
        articleNumbers[document.articleID] = article
        articleSlots[Int(article)] = document.translations.map { add($0, to: article) }
    }

    public mutating func remove(articleID: Int) {
        guard let article = articleNumbers.removeValue(forKey: articleID) else { return }
        for slot in articleSlots[Int(article)] {
            removeSlot(slot)
        }
        articleSlots[Int(article)] = []
        freeArticles.append(article)
    }

    // MARK: Translations

    private mutating func add(_ translation: Translation, to article: Int32) -> Int32 {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = Int32(slotArticle.count)
            slotArticle.append(0)
            slotLanguage.append(0)
            slotLengths.append(FieldLengths())
            slotTerms.append([])
            slotWords.append([])
            slotSkeletons.append([])
        }
        let language = number(ofLanguage: translation.language)
        let fields = [
            ArticleText.tokens(translation.title), ArticleText.tokens(translation.tags.joined(separator: " ")),
            ArticleText.tokens(translation.body),
        ]
        var counts: [Int32: Posting] = [:]
        var terms: [WordKey: Int32] = [:]
        var words: [Int32] = []
        var skeletons: Set<SkeletonEntry> = []
        for (field, tokens) in fields.enumerated() {
            for token in tokens {
                let word = WordKey(token)
                let term: Int32
                if let known = terms[word] {
                    term = known
                } else {
                    term = use(word, recordingIn: &words)
                    terms[word] = term
                    for spelling in [token, termStrings[Int(term)]] {
                        if let key = SoundAlikes.key(spelling) {
                            skeletons.insert(SkeletonEntry(key: key, term: term))
                        }
                    }
                }
                counts[term, default: Posting(slot: slot)].count(in: field)
            }
        }
        for entry in skeletons {
            soundAlikes.add(entry.key, term: entry.term)
        }
        for (term, posting) in counts {
            if postings[Int(term)].isEmpty {
                // A stem is in the spelling neighbourhood while some translation uses it, so a typo is caught
                // whether it is near a word as written ("delivry") or near a stem ("افلوسي" → "فلوس").
                termSpelling[Int(term)] = spelling.insert(WordKey(termStrings[Int(term)]), term: term)
            }
            postings[Int(term)].append(posting)
        }
        let lengths = FieldLengths(
            title: Double(fields[0].count), tags: Double(fields[1].count), body: Double(fields[2].count))
        slotArticle[Int(slot)] = article
        slotLanguage[Int(slot)] = language
        slotLengths[Int(slot)] = lengths
        slotTerms[Int(slot)] = Array(counts.keys)
        slotWords[Int(slot)] = words
        slotSkeletons[Int(slot)] = skeletons.map { ($0.key, $0.term) }
        languageTotals[Int(language)].add(lengths)
        languageSlotCounts[Int(language)] += 1
        return slot
    }

    private mutating func removeSlot(_ slot: Int32) {
        for term in slotTerms[Int(slot)] {
            if let position = postings[Int(term)].firstIndex(where: { $0.slot == slot }) {
                postings[Int(term)].swapAt(position, postings[Int(term)].count - 1)
                postings[Int(term)].removeLast()
            }
            if postings[Int(term)].isEmpty, let word = termSpelling[Int(term)] {
                spelling.remove(word)
                termSpelling[Int(term)] = nil
            }
        }
        for word in slotWords[Int(slot)] {
            spelling.remove(word)
        }
        for entry in slotSkeletons[Int(slot)] {
            soundAlikes.remove(entry.key, term: entry.term)
        }
        let language = Int(slotLanguage[Int(slot)])
        languageTotals[language].subtract(slotLengths[Int(slot)])
        languageSlotCounts[language] -= 1
        slotTerms[Int(slot)] = []
        slotWords[Int(slot)] = []
        slotSkeletons[Int(slot)] = []
        slotLengths[Int(slot)] = FieldLengths()
        slotArticle[Int(slot)] = -1
        freeSlots.append(slot)
    }

    /// The term of a word as written, counting one more use of it in the spelling neighbourhood; a word seen
    /// before is not stemmed again.
    private mutating func use(_ word: WordKey, recordingIn words: inout [Int32]) -> Int32 {
        if let known = spelling.use(word) {
            words.append(known.number)
            return known.term
        }
        let term = number(ofTerm: Stemmer.stem(word.text))
        if let number = spelling.insert(word, term: term) {
            words.append(number)
        }
        return term
    }

    // MARK: Numbering

    private var termStrings: [String] = []
    /// The spelling neighbourhood's number for each term's stem, while the term has postings.
    private var termSpelling: [Int32?] = []

    private mutating func number(ofTerm stem: String) -> Int32 {
        let key = WordKey(stem)
        if let number = termNumbers[key] {
            return number
        }
        let number = Int32(postings.count)
        termNumbers[key] = number
        termStrings.append(stem)
        termSpelling.append(nil)
        postings.append([])
        return number
    }

    private mutating func number(ofLanguage language: String) -> Int32 {
        if let number = languageNumbers[language] {
            return number
        }
        let number = Int32(languages.count)
        languageNumbers[language] = number
        languages.append(language)
        languageTotals.append(FieldLengths())
        languageSlotCounts.append(0)
        return number
    }
}

private struct SkeletonEntry: Hashable {
    let key: String
    let term: Int32
}

/// How often one term occurs in each field of one translation.
struct Posting: Sendable {
    var slot: Int32
    var title: UInt16 = 0
    var tags: UInt16 = 0
    var body: UInt16 = 0

    init(slot: Int32) {
        self.slot = slot
    }

    /// Fields in the order `KnowledgeIndex.add` reads them: title, tags, body. Counts saturate rather than
    /// overflow; BM25 flattens them long before that anyway.
    mutating func count(in field: Int) {
        switch field {
        case 0: title = title &+ (title == .max ? 0 : 1)
        case 1: tags = tags &+ (tags == .max ? 0 : 1)
        default: body = body &+ (body == .max ? 0 : 1)
        }
    }
}

/// Token counts of a translation's fields, or their totals over a language.
struct FieldLengths: Sendable {
    var title = 0.0
    var tags = 0.0
    var body = 0.0

    init() {}

    init(title: Double, tags: Double, body: Double) {
        self.title = title
        self.tags = tags
        self.body = body
    }

    mutating func add(_ other: FieldLengths) {
        title += other.title
        tags += other.tags
        body += other.body
    }

    mutating func subtract(_ other: FieldLengths) {
        title -= other.title
        tags -= other.tags
        body -= other.body
    }
}
