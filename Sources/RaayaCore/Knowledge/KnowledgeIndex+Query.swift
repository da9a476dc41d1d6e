/// How a question becomes what the index scores: a list of concepts, each a set of index terms that count as
/// saying the same thing, weighted by how sure that is.
///
/// 1. Tokens from `SearchText.tokens`, minus stop words ("وين", "عايز", "how", "please").
/// 2. A run of tokens that spells a multi-word synonym entry ("كلمة المرور") becomes one concept whose
///    alternatives are the group's entries.
/// 3. Every other token is a concept matched by:
///    - its stem (weight 1),
///    - its stem read with an attached و ف ب ل ك س removed or added (0.9): "وبطاقتي" finds "بطاقة", and
///      "فاتورة" finds a body that wrote "وبفاتورتك"; these letters also start ordinary words, so they are
///      tried against the vocabulary here rather than stripped blindly by the stemmer,
///    - the other entries of its synonym groups (0.8),
///    - its readings as an imperfect verb and their likely verbal nouns (0.8): "ادفع" finds "الدفع" and "يدفع",
///      "ارجع" finds "الإرجاع", "يسترجع" finds "الاسترجاع",
///    - the groups of those readings (0.64): "ارجعه" reaches "return" and "مرتجع" through "إرجاع",
///    - only when none of those is in the index, words one typo away (0.6), for tokens of five letters or more,
///      and then words with the same consonant skeleton (0.6): "فتورة" finds "فاتورة", "باسورد" "password".
/// 4. A question in Arabizi ("wen el fatoura?") is read word by word both as written and in those of its Arabic
///    spellings (`Arabizi.spellings`) the index or synonyms know (0.9), so "el" and "wen" drop out as stop
///    words, a loanword like "refund" still matches as English, and "fatoura" finds "فاتورة".
/// 5. A question word that hints at the answer ("وين", "where": tracking) adds a weak cue concept (0.3) that
///    orders articles but counts for neither coverage nor words matched.
extension KnowledgeIndex {
    enum MatchWeight {
        static let exact = 1.0
        static let attached = 0.9
        static let verb = 0.8
        static let synonym = 0.8
        static let typo = 0.6
        static let transliterated = 0.9
        static let soundAlike = 0.6
        static let cue = 0.3
    }

    /// Typo candidates kept per query word, the most used first: enough for a real correction, few enough that a
    /// short word does not fan out over half the vocabulary.
    static let typoCandidates = 4

    /// One thing the question asks about.
    struct Concept {
        /// Terms that each match on their own, with the weight of the match.
        var terms: [Int32: Double] = [:]
        /// Multi-word alternatives: every part must match, a part being any one of its terms.
        var phrases: [(parts: [[Int32]], weight: Double)] = []
        /// Query tokens this concept stands for.
        var tokenCount = 1
        /// A hint read from a question word (`EverydayWords.questionCues`): it adds to the score but not to
        /// coverage or to the words matched, so it orders articles without making an answer look surer.
        var isCue = false

        mutating func offer(_ term: Int32, weight: Double) {
            terms[term] = max(terms[term] ?? 0, weight)
        }

        var isEmpty: Bool { terms.isEmpty && phrases.isEmpty }
    }

    /// A query token with the stems it may stand for, its own first.
    private struct QueryWord {
        let token: String
        let stem: String
        /// Stems of the token's other readings (without an attached preposition, conjunction or "ني").
        let bareStems: [String]
        /// An Arabizi word's Arabic spellings that the index or the synonyms know.
        let arabic: [String]
        /// The token as an imperfect verb when the dialect wrote it without the prefix: "بدي غيّر" is "I want to
        /// change", said "ابي اغير" in the Gulf.
        let verbForms: [String]
        /// Stems of the token read as a verb: without the imperfect prefix, and its likely verbal nouns.
        let verbStems: [String]

        init(_ token: String, arabic: [String] = [], afterWanting: Bool = false) {
            self.token = token
            self.arabic = arabic
            stem = Stemmer.stem(token)
            let forms = [token] + arabic
            let readings = forms.flatMap(Stemmer.readings)
            bareStems = readings.map(Stemmer.stem) + arabic.map(Stemmer.stem)
            let isArabic = token.unicodeScalars.first.map(ArabicStemmer.isArabicLetter) ?? false
            verbForms = afterWanting && isArabic ? ["ا" + token] : []
            let bareVerbs = (forms + [stem] + readings).compactMap(ArabicStemmer.withoutImperfectPrefix)
            verbStems = (bareVerbs + verbForms + (forms + verbForms).flatMap(Stemmer.verbalNouns)).map(Stemmer.stem)
        }

        func means(_ stem: String) -> Bool {
            self.stem == stem || bareStems.contains(stem)
        }
    }

    /// Arabic spellings of an Arabizi word kept per query word: enough for the letter Latin leaves ambiguous,
    /// few enough that a short word does not match half the vocabulary.
    static let arabiziSpellings = 3

    /// The query's words without stop words. In an Arabizi question, each Latin word also stands for those of
    /// its Arabic spellings (`Arabizi.spellings`) the index or the synonyms know, and is dropped when its
    /// likeliest spelling is a stop word ("wen", "3ayez", "el").
    private func queryWords(_ query: String, tokens: [String]) -> [QueryWord] {
        let arabizi = Arabizi.isArabizi(query)
        var afterWanting = false
        return tokens.compactMap { token in
            let previousWasWanting = afterWanting
            afterWanting = StopWords.isWanting(token)
            guard !StopWords.contains(token) else { return nil }
            guard arabizi, token.unicodeScalars.allSatisfy(\.isASCII) else {
                return QueryWord(token, afterWanting: previousWasWanting)
            }
            let spellings = Arabizi.spellings(token, limit: 128).compactMap { spelling in
                let tokens = SearchText.tokens(spelling)
                return tokens.count == 1 ? tokens[0] : nil
            }
            guard let likeliest = spellings.first, !StopWords.contains(likeliest) else { return nil }
            let known = spellings.filter(knows).prefix(Self.arabiziSpellings)
            return QueryWord(token, arabic: Array(known))
        }
    }

    /// Whether the index or a synonym group has `token` in one of the forms a query word is matched in.
    private func knows(_ token: String) -> Bool {
        var probe = Concept()
        offerForms(of: token, weight: 1, to: &probe)
        return !probe.isEmpty || !synonyms.entries(startingWith: Stemmer.stem(token)).isEmpty
    }

    func concepts(for query: String) -> [Concept] {
        concepts(for: query, tokens: SearchText.tokens(query))
    }

    /// The concepts of `query`, whose `SearchText.tokens` are `tokens`.
    func concepts(for query: String, tokens: [String]) -> [Concept] {
        let words = queryWords(query, tokens: tokens)
        var concepts: [Concept] = []
        var seen: Set<String> = []
        var position = 0
        while position < words.count {
            if let phrase = phraseConcept(at: position, in: words) {
                concepts.append(phrase)
                position += phrase.tokenCount
                continue
            }
            let word = words[position]
            position += 1
            if seen.insert(word.stem).inserted {
                concepts.append(concept(for: word))
            }
        }
        return concepts
    }

    /// Question words are stop words, but "where" in a shop's support asks where an order is: each cue found in
    /// the query becomes a weak concept for the words that answer it, when the index has them.
    func cueConcepts(for tokens: [String]) -> [Concept] {
        Synonyms.questionCues.compactMap { cue in
            guard tokens.contains(where: cue.questionWords.contains) else { return nil }
            var concept = Concept()
            concept.isCue = true
            for target in cue.answers {
                offerForms(of: target, weight: MatchWeight.cue, to: &concept)
            }
            return concept.isEmpty ? nil : concept
        }
    }

    private func concept(for word: QueryWord) -> Concept {
        var concept = Concept()
        offerForms(of: word.token, weight: MatchWeight.exact, to: &concept)
        for arabic in word.arabic {
            offerForms(of: arabic, weight: MatchWeight.transliterated, to: &concept)
        }
        for verb in word.verbForms {
            offerForms(of: verb, weight: MatchWeight.verb, to: &concept)
        }
        // Verbal nouns only for the question's own words: synonym entries are already the words articles use.
        for stem in word.verbStems {
            offer(stem, weight: MatchWeight.verb, to: &concept)
        }
        for stem in [word.stem] + word.bareStems {
            for (group, entry) in synonyms.entries(startingWith: stem)
            where synonyms.groups[group][entry].stems.count == 1 {
                offerEntries(of: group, except: entry, weight: MatchWeight.synonym, to: &concept)
            }
        }
        // A verb reaches the groups of its bare form and of its verbal noun: "ارجعه" → "رجع", "ارجاع" (returns);
        // "ابدله" → "بدل" (exchanges). Entries already offered keep their higher weight.
        for stem in word.verbStems {
            for (group, entry) in synonyms.entries(startingWith: stem)
            where synonyms.groups[group][entry].stems.count == 1 {
                offerEntries(of: group, except: entry, weight: MatchWeight.synonym * MatchWeight.verb, to: &concept)
            }
        }
        if concept.isEmpty, !word.arabic.isEmpty {
            offerSoundAlikes(of: [word.token] + word.arabic, to: &concept)
        }
        if concept.isEmpty {
            // Typos are a fallback: a word the index knows is never "corrected" into a neighbour.
            var near = spelling.terms(near: word.token, limit: Self.typoCandidates)
            if word.stem != word.token {
                near += spelling.terms(near: word.stem, limit: Self.typoCandidates)
            }
            for term in near {
                concept.offer(term, weight: MatchWeight.typo)
            }
        }
        if concept.isEmpty {
            offerSoundAlikes(of: [word.token], to: &concept)
        }
        if concept.isEmpty {
            // A misspelt synonym ("refnud" when only the Arabic article exists and "refund" is declared as a
            // synonym of "استرجاع"): the groups are small, so a scan is cheap.
            for (group, entry) in synonyms.singleWordEntries(oneEditFrom: word.token) {
                offerEntries(of: group, except: entry, weight: MatchWeight.synonym * MatchWeight.typo, to: &concept)
            }
        }
        return concept
    }

    private func offerSoundAlikes(of spellings: [String], to concept: inout Concept) {
        for spelling in spellings {
            for term in soundAlikes.terms(soundingLike: spelling, limit: Self.typoCandidates) {
                concept.offer(term, weight: MatchWeight.soundAlike)
            }
        }
    }

    /// The longest multi-word synonym entry spelled by the words from `position` on, as a concept.
    private func phraseConcept(at position: Int, in words: [QueryWord]) -> Concept? {
        let word = words[position]
        var best: (group: Int, entry: Int, length: Int)?
        for stem in Set([word.stem] + word.bareStems) {
            for (group, entry) in synonyms.entries(startingWith: stem) {
                let stems = synonyms.groups[group][entry].stems
                guard stems.count > 1, stems.count > best?.length ?? 1, position + stems.count <= words.count else {
                    continue
                }
                if zip(words[position...], stems).allSatisfy({ $0.means($1) }) {
                    best = (group, entry, stems.count)
                }
            }
        }
        guard let best else { return nil }
        var concept = Concept()
        concept.tokenCount = best.length
        concept.phrases.append((parts: parts(of: synonyms.groups[best.group][best.entry]), weight: MatchWeight.exact))
        offerEntries(of: best.group, except: best.entry, weight: MatchWeight.synonym, to: &concept)
        return concept
    }

    private func offerEntries(of group: Int, except matched: Int, weight: Double, to concept: inout Concept) {
        for (number, entry) in synonyms.groups[group].enumerated() where number != matched {
            if entry.tokens.count == 1 {
                offerForms(of: entry.tokens[0], weight: weight, to: &concept)
            } else {
                concept.phrases.append((parts: parts(of: entry), weight: weight))
            }
        }
    }

    private func parts(of entry: Synonyms.Entry) -> [[Int32]] {
        entry.tokens.map { token in
            var part = Concept()
            offerForms(of: token, weight: 1, to: &part)
            return Array(part.terms.keys)
        }
    }

    /// Offers the terms `token` may appear as in an article: itself, and read with an attached preposition or
    /// conjunction removed or added (at a slightly lower weight).
    private func offerForms(of token: String, weight: Double, to concept: inout Concept) {
        offer(Stemmer.stem(token), weight: weight, to: &concept)
        let bare = Stemmer.readings(token)
        for form in bare + ([token] + bare).flatMap(Stemmer.withProclitics) {
            offer(Stemmer.stem(form), weight: weight * MatchWeight.attached, to: &concept)
        }
        for form in Stemmer.verbReadings(token) {
            offer(Stemmer.stem(form), weight: weight * MatchWeight.verb, to: &concept)
        }
    }

    private func offer(_ stem: String, weight: Double, to concept: inout Concept) {
        if let term = termNumbers[WordKey(stem)], !postings[Int(term)].isEmpty {
            concept.offer(term, weight: weight)
        }
    }
}
