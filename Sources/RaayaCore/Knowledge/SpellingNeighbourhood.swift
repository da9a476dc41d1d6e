/// The index's vocabulary arranged to find, fast, the words one typo away from a query word: one letter
/// missing, extra, replaced, or two neighbours swapped ("refnud" → "refund", "delivry" → "delivery",
/// "افلوس" → "فلوس").
///
/// Each word is filed under itself and under every form with one letter deleted (the symmetric-deletion
/// scheme popularized by Wolf Garbe's SymSpell). Two words within one edit share such a key, so a lookup costs
/// one hash probe per letter of the query instead of a scan of the vocabulary; candidates are then confirmed
/// with an exact distance check.
struct SpellingNeighbourhood: Sendable {
    /// Shorter words are left out: at four letters and below one edit turns most words into other real words
    /// (four-letter words are only matched to words with one letter more, see `terms(near:limit:)`).
    static let minimumQueryLength = 5
    private static let minimumWordLength = minimumQueryLength - 1

    private struct Word {
        var text: String
        /// The term the word stands for in the index (its stem).
        var term: Int32
        /// How many indexed translations contain it; the word leaves when this reaches zero.
        var uses: Int
    }

    private var words: [Word?] = []
    private var wordNumbers: [WordKey: Int32] = [:]
    private var freeWords: [Int32] = []

    // Keys are 64-bit hashes of the word forms rather than the forms themselves: no string is built per key,
    // and a rare collision only adds a candidate that the distance check then rejects. Each key heads a chain
    // of links (word number, next link) kept in two flat arrays instead of an array per key.
    private var chains: [UInt64: Int32] = [:]
    private var linkWord: [Int32] = []
    private var linkNext: [Int32] = []
    private var freeLinks: [Int32] = []
    private static let endOfChain: Int32 = -1

    /// Records one more use of `word` if it is known, returning its number and term.
    mutating func use(_ word: WordKey) -> (number: Int32, term: Int32)? {
        guard let number = wordNumbers[word] else { return nil }
        words[Int(number)]!.uses += 1
        return (number, words[Int(number)]!.term)
    }

    /// Records one more use of `word`, which stands for the index term `term`. Returns the number to `remove`
    /// it by, or nil for a word too short to be corrected to.
    mutating func insert(_ word: WordKey, term: Int32) -> Int32? {
        if let number = wordNumbers[word] {
            words[Int(number)]!.uses += 1
            return number
        }
        guard word.text.unicodeScalars.count >= Self.minimumWordLength else { return nil }
        let number: Int32
        if let free = freeWords.popLast() {
            number = free
            words[Int(free)] = Word(text: word.text, term: term, uses: 1)
        } else {
            number = Int32(words.count)
            words.append(Word(text: word.text, term: term, uses: 1))
        }
        wordNumbers[word] = number
        Self.forEachKey(of: word.text) { key in
            let link: Int32
            if let free = freeLinks.popLast() {
                link = free
                linkWord[Int(link)] = number
                linkNext[Int(link)] = chains[key] ?? Self.endOfChain
            } else {
                link = Int32(linkWord.count)
                linkWord.append(number)
                linkNext.append(chains[key] ?? Self.endOfChain)
            }
            chains[key] = link
        }
        return number
    }

    /// Forgets one use of the word `insert` numbered `number`, dropping it when no translation uses it any more.
    mutating func remove(_ number: Int32) {
        guard var entry = words[Int(number)] else { return }
        entry.uses -= 1
        guard entry.uses == 0 else {
            words[Int(number)] = entry
            return
        }
        words[Int(number)] = nil
        wordNumbers[WordKey(entry.text)] = nil
        freeWords.append(number)
        Self.forEachKey(of: entry.text) { key in
            var previous = Self.endOfChain
            var link = chains[key] ?? Self.endOfChain
            while link != Self.endOfChain {
                let next = linkNext[Int(link)]
                if linkWord[Int(link)] == number {
                    if previous == Self.endOfChain {
                        chains[key] = next == Self.endOfChain ? nil : next
                    } else {
                        linkNext[Int(previous)] = next
                    }
                    freeLinks.append(link)
                } else {
                    previous = link
                }
                link = next
            }
        }
    }

    /// Terms of the words exactly one edit away from `word`, the most used first. A word of four letters only
    /// finds words with one letter more ("oder" → "order"): a dropped letter is the
    /// commonest slip, while replacing a letter of a four-letter word gives another real word too often.
    func terms(near word: String, limit: Int) -> [Int32] {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= Self.minimumWordLength else { return [] }
        let onlyLonger = letters.count < Self.minimumQueryLength
        var found: [Int32: Int] = [:]
        // A longer word one letter away is filed under the query itself with that letter deleted, so a short
        // query needs only that key; its own deletions would lead to words no longer than itself.
        Self.forEachKey(of: word, withDeletions: !onlyLonger) { key in
            var link = chains[key] ?? Self.endOfChain
            while link != Self.endOfChain {
                if let candidate = words[Int(linkWord[Int(link)])],
                    !onlyLonger || candidate.text.unicodeScalars.count == letters.count + 1,
                    Self.isOneEditApart(letters, Array(candidate.text.unicodeScalars))
                {
                    found[candidate.term] = max(found[candidate.term] ?? 0, candidate.uses)
                }
                link = linkNext[Int(link)]
            }
        }
        return found.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }

    /// Calls `body` with the hash of the word and of each form of it with one letter deleted. Deleting either of
    /// two equal neighbours gives the same form, which is passed once.
    private static func forEachKey(of word: String, withDeletions: Bool = true, _ body: (UInt64) -> Void) {
        var word = word
        word.withUTF8 { bytes in
            body(hash(bytes[...]))
            guard withDeletions else { return }
            var previousLetter: Range<Int> = 0..<0
            var start = 0
            while start < bytes.count {
                var end = start + 1
                // UTF-8 continuation bytes are 10xxxxxx.
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 {
                    end += 1
                }
                if !bytes[start..<end].elementsEqual(bytes[previousLetter]) {
                    body(hash(bytes[..<start], then: bytes[end...]))
                }
                previousLetter = start..<end
                start = end
            }
        }
    }

    /// FNV-1a: stable, and the same whether the bytes come in one piece or two.
    private static func hash(
        _ first: Slice<UnsafeBufferPointer<UInt8>>,
        then second: Slice<UnsafeBufferPointer<UInt8>> = UnsafeBufferPointer<UInt8>(start: nil, count: 0)[...]
    ) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in first {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        for byte in second {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Optimal string alignment distance of exactly one: one insertion, deletion, substitution or swap of
    /// adjacent letters. Equal words are not one edit apart.
    static func isOneEditApart(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard abs(a.count - b.count) <= 1, a != b else { return false }
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        if a.count == b.count {
            let restA = a[(prefix + 1)...]
            let restB = b[(prefix + 1)...]
            if restA.elementsEqual(restB) {
                return true  // substitution
            }
            // Adjacent swap: ab…/ba… then the same tail.
            return prefix + 1 < a.count && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)...].elementsEqual(b[(prefix + 2)...])
        }
        let (longer, shorter) = a.count > b.count ? (a, b) : (b, a)
        return longer[(prefix + 1)...].elementsEqual(shorter[prefix...])
    }
}
