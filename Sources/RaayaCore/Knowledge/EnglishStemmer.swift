/// A compact English suffix stemmer for support vocabulary. It is smaller than Porter's: the aim is that the
/// forms customers type (refunds, refunded, refunding; cancelled, cancellation; payment, paying, paid) share a
/// key, not that stems are words.
///
/// Three steps, on lowercase ASCII letters:
/// 1. Inflection: the plural or third-person "s" first, then "ed" or "ing", so that "settings" reaches "set" like
///    "setting" does. A verb stem ending in "at" gets its "e" back ("updated" → "update") so step 2 sees it.
/// 2. Derivation, at most twice: -ication → -y, -ription → -rib, -ation, -ition, -tion → -t, -ment, -ness,
///    -ful, -less, -ate, -ery → -er, -ly.
/// 3. Spelling: a final doubled consonant is undoubled ("shipp" → "ship", "bill" → "bil") and a final "e"
///    dropped, both applied to every word so that base forms and inflected forms agree.
/// Every removal leaves at least three letters, and "ed"/"ing" only go when a vowel remains ("bring" stays).
enum EnglishStemmer {
    /// Irregular past forms common in support questions, mapped to the base form before stemming.
    private static let irregular: [String: String] = [
        "paid": "pay", "bought": "buy", "sold": "sell", "sent": "send", "spent": "spend", "lost": "lose",
        "forgot": "forget", "forgotten": "forget", "got": "get", "gotten": "get", "made": "make", "took": "take",
        "taken": "take", "gave": "give", "given": "give", "broke": "break", "broken": "break", "chose": "choose",
        "chosen": "choose", "wrote": "write", "written": "write", "went": "go", "gone": "go",
    ]

    private static let derivations: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("ication", "y"), ("ription", "rib"), ("ation", ""), ("ition", ""), ("tion", "t"), ("ment", ""),
        ("ness", ""), ("less", ""), ("ful", ""), ("ate", ""), ("ery", "er"), ("ly", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static let minimumStem = 3

    static func handles(_ token: String) -> Bool {
        token.utf8.count >= minimumStem
            && token.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    static func stem(_ token: String) -> String {
        var word = Array((irregular[token] ?? token).utf8)
        removeInflection(&word)
        for _ in 0..<2 {
            guard removeDerivation(&word) else { break }
        }
        normalizeSpelling(&word)
        return String(decoding: word, as: UTF8.self)
    }

    private static func removeInflection(_ word: inout [UInt8]) {
        if word.ends(with: "ies") && word.count > 4 {
            word.replaceLast(3, with: "y")
        } else if word.ends(with: "sses") {
            word.removeLast(2)
        } else if word.ends(with: "es") && ["x", "ch", "sh", "z"].contains(where: { word.dropLast(2).ends(with: $0) }) {
            word.removeLast(2)
        } else if word.ends(with: "s") && word.count > minimumStem
            && !["ss", "us", "is"].contains(where: { word.ends(with: $0) })
        {
            word.removeLast()
        }

        var removedVerbEnding = false
        if word.ends(with: "ied") && word.count > 4 {
            word.replaceLast(3, with: "y")
        } else if word.ends(with: "ed") && !word.ends(with: "eed") && leavesVowelStem(word, removing: 2) {
            word.removeLast(2)
            removedVerbEnding = true
        } else if word.ends(with: "ing") && leavesVowelStem(word, removing: 3) {
            word.removeLast(3)
            removedVerbEnding = true
        }
        if removedVerbEnding && word.ends(with: "at") {
            word.append(UInt8(ascii: "e"))
        }
    }

    private static func removeDerivation(_ word: inout [UInt8]) -> Bool {
        for (suffix, replacement) in derivations where word.ends(with: suffix) {
            let stemCount = word.count - suffix.count
            guard stemCount >= minimumStem, word[..<stemCount].contains(where: isVowel) else { return false }
            // "apply" and "reply" are not adverbs.
            if suffix == Array("ly".utf8), "lp".utf8.contains(word[stemCount - 1]) {
                return false
            }
            word.replaceLast(suffix.count, with: replacement)
            return true
        }
        return false
    }

    private static func normalizeSpelling(_ word: inout [UInt8]) {
        if word.count > 2, let last = word.last, last == word[word.count - 2], !isVowel(last) {
            word.removeLast()
        }
        if word.count > minimumStem, word.last == UInt8(ascii: "e") {
            word.removeLast()
        }
    }

    private static func leavesVowelStem(_ word: [UInt8], removing count: Int) -> Bool {
        word.count - count >= minimumStem && word.dropLast(count).contains(where: isVowel)
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        "aeiouy".utf8.contains(letter)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: String) -> Bool {
        ends(with: Array(suffix.utf8))
    }

    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    fileprivate mutating func replaceLast(_ count: Int, with replacement: String) {
        replaceLast(count, with: Array(replacement.utf8))
    }

    fileprivate mutating func replaceLast(_ count: Int, with replacement: [UInt8]) {
        removeLast(count)
        append(contentsOf: replacement)
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func ends(with suffix: String) -> Bool {
        let bytes = Array(suffix.utf8)
        return count >= bytes.count && self.suffix(bytes.count).elementsEqual(bytes)
    }
}
