/// A light Arabic stemmer in the spirit of Larkey, Ballesteros and Connell's "light10" (SIGIR 2002): it removes
/// a short list of suffixes and never touches the inside of a word, so broken plurals (فواتير) and derived forms
/// (استرجاع, إرجاع) keep their own stems. Input comes from `SearchText.tokens`, so ة is already ه, ى is ي,
/// hamza seats are unified and the definite article is gone.
///
/// Differences from light10, each for a reason seen in support questions:
/// - Pronoun suffixes (كم هم نا ك) are removed too, and the suffixes are removed repeatedly rather than in one
///   pass: "فاتورتكم" → "فاتورت" → "فاتور". Repeating makes stem(word + suffix) equal stem(word), which keeps a
///   noun that happens to end in ك (اشتراك) on the same stem as the same noun with "your" (اشتراكك).
/// - A final ت is removed: it is the ة of a noun before a pronoun (فاتورتي) or a past-tense ending (دفعت, طلبت).
/// - Dual and plural endings ان ون ين need four letters left, because many nouns end in them (عنوان, ضمان, قانون,
///   تأمين); the other suffixes need three.
/// - Leading و is not removed here (light10 does): see `withoutProclitics`, which the index applies at query
///   time instead, so "وقت" and "وصول" stay whole while "وطلبي" still finds "طلب".
enum ArabicStemmer {
    private struct Suffix {
        let letters: [Unicode.Scalar]
        /// Letters that must remain once the suffix is gone.
        let minimumStem: Int

        init(_ text: String, leaving minimumStem: Int) {
            letters = Array(text.unicodeScalars)
            self.minimumStem = minimumStem
        }
    }

    /// Longest first, so "ات" is taken whole rather than as a bare ت.
    private static let suffixes: [Suffix] = [
        Suffix("ات", leaving: 3), Suffix("ون", leaving: 4), Suffix("ين", leaving: 4), Suffix("ان", leaving: 4),
        Suffix("وا", leaving: 3), Suffix("ها", leaving: 3), Suffix("هم", leaving: 3), Suffix("كم", leaving: 3),
        Suffix("نا", leaving: 3), Suffix("يه", leaving: 3),
        Suffix("ه", leaving: 3), Suffix("ي", leaving: 3), Suffix("ك", leaving: 3), Suffix("ت", leaving: 3),
    ]

    /// Attached conjunctions (و ف), prepositions (ب ل ك) and the future marker (س), alone or paired; pairs first
    /// so that "وب" is read as one unit.
    private static let proclitics: [[Unicode.Scalar]] = [
        "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س",
    ]
    .map { Array($0.unicodeScalars) }

    /// "على" shortened to ع and fused with the article, as Levantine and Egyptian write it ("عالموبايل", "عالفيزا"):
    /// read off at query time like the other prepositions, never added to a word.
    private static let dialectPrepositions: [[Unicode.Scalar]] = [Array("عال".unicodeScalars)]

    private static let objectPronouns = [Array("ني".unicodeScalars), Array("لي".unicodeScalars)]
    private static let futureMarker: Unicode.Scalar = "س"
    /// The future marker only comes before an imperfect verb, which starts with one of these.
    private static let imperfectPrefixOrder: [Unicode.Scalar] = ["ي", "ت", "ن", "ا"]
    private static let imperfectPrefixes = Set(imperfectPrefixOrder)
    /// `SearchText` already folds every spelling of the name of God to this; it must not lose its final ه.
    private static let godsName = "الله"
    private static let minimumWord = 3

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0620...0x064A).contains(scalar.value)
    }

    static func stem(_ token: String) -> String {
        guard token != godsName else { return token }
        var letters = Array(token.unicodeScalars)
        guard letters.count > minimumWord else { return token }
        while let suffix = suffixes.first(where: {
            letters.count - $0.letters.count >= $0.minimumStem && letters.ends(with: $0.letters)
        }) {
            letters.removeLast(suffix.letters.count)
        }
        return String(String.UnicodeScalarView(letters))
    }

    static func withoutProclitics(_ token: String) -> [String] {
        let letters = Array(token.unicodeScalars)
        guard let first = letters.first, isArabicLetter(first), token != godsName else { return [] }
        var readings: [String] = []
        for proclitic in proclitics + dialectPrepositions
        where letters.count - proclitic.count >= minimumWord && letters.starts(with: proclitic) {
            let rest = letters[proclitic.count...]
            if proclitic.last == futureMarker, let next = rest.first, !imperfectPrefixes.contains(next) {
                continue
            }
            readings.append(String(String.UnicodeScalarView(rest)))
        }
        return readings
    }

    /// "ني" is "me" after a verb (ساعدني, وصلني), and in the dialects "لي" is "for me" (بعتولي, بيركبلي), but
    /// both also end nouns (عنواني, تلفوني, اصلي), so the stemmer keeps them and the index tries the reading
    /// without them.
    static func withoutObjectPronoun(_ token: String) -> [String] {
        let letters = Array(token.unicodeScalars)
        guard let first = letters.first, isArabicLetter(first) else { return [] }
        return objectPronouns.compactMap { pronoun in
            guard letters.count - pronoun.count >= minimumWord, letters.ends(with: pronoun) else { return nil }
            return String(String.UnicodeScalarView(letters.dropLast(pronoun.count)))
        }
    }

    /// The token without the prefix of an imperfect verb (ا ي ت ن), and the verb's other persons and its
    /// future: "ادفع" (I pay) → ["دفع", "يدفع", "تدفع", "ندفع", "سيدفع", …], so a dialect question written with a
    /// verb ("ابغى ادفع", "كيف اتتبع") reaches an article using the bare form or another person. These letters
    /// also begin many nouns (تحديث), so these are only readings, weighted below the word as typed.
    static func asImperfectVerb(_ token: String) -> [String] {
        guard let stem = withoutImperfectPrefix(token) else { return [] }
        let persons = imperfectPrefixOrder.map { String($0) + stem }
        return [stem] + persons + persons.map { String(futureMarker) + $0 }
    }

    /// The token without the prefix of an imperfect verb (the first of `asImperfectVerb`), or nil.
    static func withoutImperfectPrefix(_ token: String) -> String? {
        let letters = Array(token.unicodeScalars)
        guard let first = letters.first, imperfectPrefixes.contains(first), letters.count - 1 >= minimumWord else {
            return nil
        }
        return String(String.UnicodeScalarView(letters.dropFirst()))
    }

    /// The verbal nouns (masdars) a verb written as "I do" / "he does" most likely has, so a question asking with a
    /// verb reaches an article naming the action: "ارجع" (I return) → "ارجاع" and "ترجيع", "اغير" → "تغيير",
    /// "يسترجع" → "استرجاع", "اشترك" → "اشتراك", "استرد" → "استرداد". Only the regular patterns are produced:
    /// أفعل → إفعال and تفعيل, and five or six letters (افتعل, استفعل, with ا for the person's prefix) → the same
    /// with ا before the last letter, or, for a doubled last letter, after it (استرد → استرداد). Guesses, never committed to:
    /// the index keeps only the ones that are words of some article.
    static func verbalNouns(_ token: String) -> [String] {
        var letters = Array(token.unicodeScalars)
        guard let first = letters.first, imperfectPrefixes.contains(first) else { return [] }
        let alef: Unicode.Scalar = "ا"
        switch letters.count {
        case 4:
            let (first, second, third) = (letters[1], letters[2], letters[3])
            return [[alef, first, second, alef, third], ["ت", first, second, "ي", third]].map {
                String(String.UnicodeScalarView($0))
            }
        case 5, 6:
            letters[0] = alef
            let last = letters.removeLast()
            var nouns = [letters + [alef, last]]
            if letters.count == 4 {
                nouns.append(letters + [last, alef, last])
            }
            return nouns.map { String(String.UnicodeScalarView($0)) }
        default:
            return []
        }
    }

    /// The verb of an active participle (فاعل), which the dialects use as a present tense: "واصل" (arriving) →
    /// "وصل", "ناقص" → "نقص", "دافع" → "دفع". Only four-letter words with ا second.
    static func participleVerb(_ token: String) -> [String] {
        var letters = Array(token.unicodeScalars)
        guard letters.count == 4, letters[1] == "ا", isArabicLetter(letters[0]) else { return [] }
        letters.remove(at: 1)
        return [String(String.UnicodeScalarView(letters))]
    }

    static func withProclitics(_ token: String) -> [String] {
        guard let first = token.unicodeScalars.first, isArabicLetter(first), token != godsName else { return [] }
        return proclitics.compactMap { proclitic in
            if proclitic.last == futureMarker && !imperfectPrefixes.contains(first) {
                return nil
            }
            return String(String.UnicodeScalarView(proclitic)) + token
        }
    }
}

extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
