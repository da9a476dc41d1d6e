/// Arabic written in Latin letters and digits ("Arabizi", "Franco-Arabic"), as customers type it on phones:
/// "el service wa7esh", "3ayez a3mel refund", "wen talabi?". Digits stand for sounds Latin lacks (3 ع, 7 ح, 2 ء,
/// 5 خ, 6 ط, 9 ص, 8 ق), vowels are written loosely or not at all, and one word has many spellings.
///
/// Three tools, each for a caller that can live with its limits:
/// - `isArabizi` tells a Latin-script Arabic text from English by digits inside words and common dialect words;
/// - `toArabic` spells Latin words in Arabic letters: common words from a small dictionary, the rest by a letter
///   map that drops short vowels, so the spelling is right for many words and close for most;
/// - `skeleton` reduces a word in either script to its consonants in shared classes, which is how a
///   transliteration whose vowels came out wrong still matches: "wa7esh", "wi7ish" and "وحش" give one skeleton.
public enum Arabizi {
    /// Whether `text` is mostly Arabic written in Latin script: more Latin than Arabic letters, and either a word
    /// with a digit standing for a letter ("wa7esh", "3ayez") or common dialect words that English does not use.
    ///
    /// Asked of every English message the sentiment model scores, so it is one pass over the UTF-8 bytes that
    /// allocates nothing. Words are as `latinWords` finds them in the lowercased text.
    public static func isArabizi(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var evidence = ArabiziEvidence()
            var previous: UInt8 = 0  // the previous scalar of the lowercased text if ASCII, else 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                    if isWordByte(lower, after: previous) {
                        evidence.add(lower)
                    } else {
                        evidence.endWord()
                    }
                    previous = lower
                    index += 1
                    continue
                }
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                // The only non-ASCII scalars whose lowercase holds a Latin letter: İ (U+0130) is "i" and a
                // combining dot, the Kelvin sign (U+212A) is "k".
                if byte == 0xC4 && next == 0xB0 {
                    evidence.add(UInt8(ascii: "i"))
                    evidence.endWord()
                    previous = 0
                    index += 2
                    continue
                }
                if byte == 0xE2 && next == 0x84 && index + 2 < bytes.count && bytes[index + 2] == 0xAA {
                    evidence.add(UInt8(ascii: "k"))
                    previous = UInt8(ascii: "k")
                    index += 3
                    continue
                }
                // Arabic letters U+0621…U+064A: D8 A1…D8 BF and D9 80…D9 8A.
                if (byte == 0xD8 && next >= 0xA1) || (byte == 0xD9 && (0x80...0x8A).contains(next)) {
                    evidence.arabicLetters += 1
                }
                // Any other byte of a non-ASCII scalar ends a word; its continuation bytes do so again, harmlessly.
                evidence.endWord()
                previous = 0
                index += 1
            }
            evidence.endWord()
            return evidence.isArabizi
        }
    }

    /// What `isArabizi` counts, word by word, as the bytes of a lowercased text arrive.
    private struct ArabiziEvidence {
        var arabicLetters = 0
        private var latinLetters = 0
        private var words = 0
        private var telling = 0
        private var markedWords = 0

        // The word being read: its length in scalars, its letters, and the scalars before the latest.
        private var length = 0
        private var letters = 0
        private var hasVowel = false
        /// The first two letters, packed, for the unit suffixes ("5pm").
        private var firstLetters: UInt64 = 0
        /// The whole word packed, while it is short enough to be a dictionary word.
        private var code: UInt64 = 0
        private var last: UInt8 = 0
        private var beforeLast: UInt8 = 0
        /// A letter digit at the start or after a letter, followed by a letter or apostrophe ("3ayez", "wa7esh").
        private var digitBetweenLetters = false

        var isArabizi: Bool {
            guard latinLetters > arabicLetters, words > 0 else { return false }
            return markedWords > 0 || telling >= 2 || (telling == 1 && words <= 2)
        }

        mutating func add(_ scalar: UInt8) {
            let isLetter = Arabizi.isLatinLetterByte(scalar)
            if isLetter || scalar == UInt8(ascii: "'"), Arabizi.isLetterDigitByte(last),
                length == 1 || Arabizi.isLatinLetterByte(beforeLast)
            {
                digitBetweenLetters = true
            }
            if isLetter {
                if letters < 2 {
                    firstLetters = firstLetters << 6 | Arabizi.packedCode(scalar)
                }
                letters += 1
                hasVowel = hasVowel || Arabizi.isLatinVowelByte(scalar)
            }
            if length < Arabizi.longestTellingWord {
                code = code << 6 | Arabizi.packedCode(scalar)
            }
            length += 1
            beforeLast = last
            last = scalar
        }

        mutating func endWord() {
            guard length > 0 else { return }
            defer { self = ArabiziEvidence(keepingCountsOf: self) }
            guard letters > 0 else { return }
            latinLetters += letters
            words += 1
            let endsInDigit = Arabizi.isLetterDigitByte(last) && Arabizi.isLatinLetterByte(beforeLast) && letters <= 3
            let marked =
                letters >= 2 && hasVowel && !(letters == 2 && Arabizi.unitSuffixCodes.contains(firstLetters))
                && (digitBetweenLetters || endsInDigit)
            if marked {
                markedWords += 1
            } else if length <= Arabizi.longestTellingWord, Arabizi.tellingCodes.contains(code) {
                telling += 1
            }
        }

        init() {}

        private init(keepingCountsOf evidence: ArabiziEvidence) {
            arabicLetters = evidence.arabicLetters
            latinLetters = evidence.latinLetters
            words = evidence.words
            telling = evidence.telling
            markedWords = evidence.markedWords
        }
    }

    private static func isWordByte(_ byte: UInt8, after previous: UInt8) -> Bool {
        isLatinLetterByte(byte) || (0x30...0x39).contains(byte)
            || (byte == UInt8(ascii: "'") && (previous == UInt8(ascii: "3") || previous == UInt8(ascii: "7")))
    }

    private static func isLatinLetterByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte)
    }

    private static func isLatinVowelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default: false
        }
    }

    private static func isLetterDigitByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "6"), UInt8(ascii: "7"),
            UInt8(ascii: "8"), UInt8(ascii: "9"):
            true
        default: false
        }
    }

    /// A word scalar (a–z, 0–9, apostrophe) as six bits, never zero, so that packed words of different lengths
    /// differ.
    private static func packedCode(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: UInt64(byte - 0x61 + 1)
        case 0x30...0x39: UInt64(byte - 0x30 + 27)
        default: 37
        }
    }

    private static func packed(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 6 | packedCode($1) }
    }

    /// The telling dictionary words, packed; ten six-bit scalars fit in 64 bits.
    private static let tellingCodes: Set<UInt64> = Set(dictionary.filter(\.value.telling).keys.map(packed))
    private static let longestTellingWord: Int = {
        let longest = dictionary.filter(\.value.telling).keys.map(\.utf8.count).max() ?? 0
        precondition(longest <= 10, "a telling word of more than 10 letters does not pack into 64 bits")
        return longest
    }()
    private static let unitSuffixCodes: Set<UInt64> = Set(unitSuffixes.map(packed))

    /// Whether the dictionary marks `word` as telling: for tests that check `isArabizi` against a plain reading.
    static func isTellingWord(_ word: String) -> Bool {
        dictionary[word]?.telling == true
    }

    /// The text with each Latin word spelled in Arabic letters; everything else (Arabic words, spaces,
    /// punctuation) is kept. A lone article "el" or conjunction "w" is joined to the word after it.
    public static func toArabic(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        var pendingPrefix: String?
        func flush() {
            guard !word.isEmpty else { return }
            let arabic = transliterate(word)
            word.removeAll()
            if arabic == "ال" || arabic == "و" || arabic == "وال" || arabic == "بال" {
                pendingPrefix = (pendingPrefix ?? "") + arabic
                return
            }
            output.append(contentsOf: ((pendingPrefix ?? "") + arabic).unicodeScalars)
            pendingPrefix = nil
        }
        var scalars = Array(text.lowercased().unicodeScalars)
        scalars.append(" ")
        for (position, scalar) in scalars.enumerated() {
            if isWordScalar(scalar, after: position > 0 ? scalars[position - 1] : nil) {
                word.append(scalar)
                continue
            }
            flush()
            // A prefix waiting for its word swallows the space between them.
            if pendingPrefix != nil, scalar == " " {
                continue
            }
            if let prefix = pendingPrefix {
                output.append(contentsOf: prefix.unicodeScalars)
                pendingPrefix = nil
            }
            output.append(scalar)
        }
        if let prefix = pendingPrefix {
            output.append(contentsOf: prefix.unicodeScalars)
        }
        var result = String(output)
        result.removeLast()
        return result
    }

    /// The word's consonants as classes shared by both scripts, with doubled letters collapsed. Long vowels
    /// (ا و ي), hamza, Latin vowels, w and y are dropped, as is a final ة/ه or a final h after a vowel (the
    /// feminine ending, "fatourah"). Letters Arabizi writes alike share a class: ت ط ث (t, 6, th), د ض ذ (d, dh),
    /// ز ظ (z), س ص (s, 9), ك ق (k, q, 8), ح ه (7, h).
    public static func skeleton(_ word: String) -> String {
        var classes = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var beforePrevious: Unicode.Scalar?
        var last: Unicode.Scalar?
        for scalar in word.unicodeScalars {
            let lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
            // The second letter of a digraph replaces the class its first letter gave.
            if let first = previous, let digraph = latinDigraph(first, lower) {
                if let consonant = letterClasses[first], classes.last == consonant {
                    classes.removeLast()
                }
                append(digraph, to: &classes)
                beforePrevious = nil
                previous = nil
                last = lower
                continue
            }
            if let consonant = letterClasses[lower] {
                append(consonant, to: &classes)
            }
            beforePrevious = previous
            previous = lower
            last = lower
        }
        // The feminine ending: a final ة/ه, or a final h after a vowel ("fatourah").
        if last == "ة" || last == "ه" || (last == "h" && beforePrevious.map(isLatinVowel) == true) {
            if classes.last == "h" {
                classes.removeLast()
            }
        }
        return String(classes)
    }

    /// Doubled letters (shadda, "kwayyes") count once.
    private static func append(_ consonant: Unicode.Scalar, to classes: inout String.UnicodeScalarView) {
        if classes.last != consonant {
            classes.append(consonant)
        }
    }

    private static func latinDigraph(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
        switch (first, second) {
        case ("s", "h"), ("c", "h"): "c"
        case ("k", "h"), ("7", "'"): "x"
        case ("g", "h"), ("3", "'"): "g"
        case ("t", "h"): "t"
        case ("d", "h"): "d"
        default: nil
        }
    }

    // MARK: Words

    /// Latin words (letters and digits, and the apostrophe of "3'" and "7'") of a text.
    static func latinWords(in text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        for scalar in text.lowercased().unicodeScalars {
            if isWordScalar(scalar, after: previous) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = []
            }
            previous = scalar
        }
        if !word.isEmpty {
            words.append(word)
        }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        isLatinLetter(scalar) || ("0"..."9").contains(scalar) || (scalar == "'" && (previous == "3" || previous == "7"))
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar)
    }

    private static func isLatinVowel(_ scalar: Unicode.Scalar) -> Bool {
        "aeiouy".unicodeScalars.contains(scalar)
    }

    /// A word whose digits stand for letters: a letter digit at the start followed by a letter ("3ayez"),
    /// between letters ("wa7esh"), or at the end of a short word with a vowel ("sa7"). "5pm", "mp3", "ps5",
    /// "4g" and plain numbers are not.
    private static func isMarked(_ word: [Unicode.Scalar]) -> Bool {
        let letters = word.filter(isLatinLetter)
        guard letters.count >= 2, letters.contains(where: isLatinVowel) else { return false }
        if unitSuffixes.contains(String(String.UnicodeScalarView(letters))) {
            return false
        }
        for (position, scalar) in word.enumerated() where letterDigits.contains(scalar) {
            let before = position > 0 ? word[position - 1] : nil
            let after = position + 1 < word.count ? word[position + 1] : nil
            let letterAfter = after.map { isLatinLetter($0) || $0 == "'" } ?? false
            let letterBefore = before.map(isLatinLetter) ?? false
            if letterAfter && (letterBefore || position == 0) {
                return true
            }
            if letterBefore && after == nil && letters.count <= 3 {
                return true
            }
        }
        return false
    }

    private static let letterDigits: Set<Unicode.Scalar> = ["2", "3", "5", "6", "7", "8", "9"]
    /// Letters that follow a number in English ("5pm", "2nd", "8gb"), which a letter digit never means.
    private static let unitSuffixes: Set<String> = ["am", "pm", "th", "nd", "rd", "st", "gb", "mb", "kb", "kg", "km"]

    // MARK: Transliteration

    /// Arabic spellings a Latin word may stand for, the likeliest (`toArabic`'s) first, then those that differ
    /// from it in one letter, then in two, and so on, at most `limit`. Each short vowel may be written or not,
    /// letters Latin writes alike may be either (s س ص, t ت ط, d د ض, z ز ظ, h ه ح, k ك ق, g ج ق), and a final
    /// a may be ة, ا or ى. A search keeps the spellings its vocabulary knows: "jawal" → جوال, "ghalat" → غلط.
    public static func spellings(_ word: String, limit: Int = 64) -> [String] {
        let scalars = Array(word.lowercased().unicodeScalars)
        if let entry = dictionary[word.lowercased()] {
            return [entry.arabic]
        }
        guard scalars.contains(where: { isLatinLetter($0) || letterDigits.contains($0) }) else { return [word] }
        let choices = letterChoices(scalars)
        var found: [String] = []
        var changes = 0
        while found.count < limit && changes <= choices.count {
            enumerate(choices, from: 0, changes: changes, into: "", found: &found, limit: limit)
            changes += 1
        }
        return found
    }

    /// Appends the spellings that take exactly `changes` second-or-later choices from `position` on.
    private static func enumerate(
        _ choices: [[String]], from position: Int, changes: Int, into prefix: String, found: inout [String],
        limit: Int
    ) {
        guard found.count < limit else { return }
        guard position < choices.count else {
            if changes == 0 {
                found.append(prefix)
            }
            return
        }
        let remaining = choices[position...].filter { $0.count > 1 }.count
        guard changes <= remaining else { return }
        for (number, option) in choices[position].enumerated() where number == 0 || changes > 0 {
            enumerate(
                choices, from: position + 1, changes: changes - (number == 0 ? 0 : 1), into: prefix + option,
                found: &found, limit: limit)
        }
    }

    private static func transliterate(_ word: [Unicode.Scalar]) -> String {
        guard word.contains(where: isLatinLetter) || word.contains(where: letterDigits.contains) else {
            return String(String.UnicodeScalarView(word))
        }
        if let entry = dictionary[String(String.UnicodeScalarView(word))] {
            return entry.arabic
        }
        return letterChoices(word).map { $0[0] }.joined()
    }

    /// What each letter of a Latin word may be in Arabic, the likeliest first.
    private static func letterChoices(_ word: [Unicode.Scalar]) -> [[String]] {
        var choices: [[String]] = []
        var position = 0
        while position < word.count {
            let scalar = word[position]
            let next = position + 1 < word.count ? word[position + 1] : nil
            let pair = String([scalar, next ?? " "].map(Character.init))
            let atStart = position == 0
            let atEnd = position == word.count - 1
            if let letter = digraphLetters[pair] {
                choices.append([String(letter)])
                position += 2
                continue
            }
            if let letter = longVowels[pair] {
                choices.append([atStart ? "ا" : String(letter)])
                position += 2
                continue
            }
            position += 1
            if isLatinVowel(scalar) && scalar != "y" {
                if atStart {
                    choices.append(["ا"])
                } else if atEnd {
                    switch scalar {
                    case "a": choices.append(word.count > 2 ? ["ة", "ا", "ى"] : ["ا"])
                    case "o", "u": choices.append(["و", "ه"])
                    default: choices.append(["ي"])
                    }
                } else {
                    // A short vowel inside a word is not written in Arabic; a long one, written the same in
                    // Latin, is.
                    let long = scalar == "a" ? "ا" : (scalar == "o" || scalar == "u") ? "و" : "ي"
                    choices.append(["", long])
                }
                continue
            }
            if let letters = singleLetters[scalar] {
                choices.append(letters)
            }
        }
        return choices
    }

    private static let digraphLetters: [String: Unicode.Scalar] = [
        "sh": "ش", "ch": "ش", "kh": "خ", "gh": "غ", "th": "ث", "dh": "ذ", "3'": "غ", "7'": "خ",
    ]
    private static let longVowels: [String: Unicode.Scalar] = [
        "aa": "ا", "ee": "ي", "ii": "ي", "ei": "ي", "ai": "ي", "oo": "و", "ou": "و", "uu": "و",
    ]
    private static let singleLetters: [Unicode.Scalar: [String]] = [
        "b": ["ب"], "p": ["ب"], "t": ["ت", "ط"], "6": ["ط"], "j": ["ج"], "g": ["ج", "ق"], "7": ["ح"],
        "h": ["ه", "ح"], "5": ["خ"], "d": ["د", "ض"], "r": ["ر"], "z": ["ز", "ظ"], "s": ["س", "ص"], "9": ["ص"],
        "3": ["ع"], "f": ["ف"], "v": ["ف"], "q": ["ق"], "8": ["ق"], "k": ["ك", "ق"], "c": ["ك"], "l": ["ل"],
        "m": ["م"], "n": ["ن"], "w": ["و"], "y": ["ي"], "2": ["ا", "و", "ي"], "x": ["كس"],
    ]

    // MARK: Skeletons

    private static let letterClasses: [Unicode.Scalar: Unicode.Scalar] = {
        var classes: [Unicode.Scalar: Unicode.Scalar] = [
            "b": "b", "p": "b", "t": "t", "6": "t", "j": "j", "g": "j", "7": "h", "h": "h", "5": "x", "d": "d",
            "r": "r", "z": "z", "s": "s", "9": "s", "3": "e", "f": "f", "v": "f", "q": "k", "8": "k", "k": "k",
            "c": "k", "l": "l", "m": "m", "n": "n", "x": "x",
        ]
        let arabic: [(String, Unicode.Scalar)] = [
            ("ب", "b"), ("تطث", "t"), ("ج", "j"), ("حهة", "h"), ("خ", "x"), ("دضذ", "d"), ("ر", "r"), ("زظ", "z"),
            ("سص", "s"), ("ش", "c"), ("ع", "e"), ("غ", "g"), ("ف", "f"), ("قك", "k"), ("ل", "l"), ("م", "m"),
            ("ن", "n"),
        ]
        for (letters, consonant) in arabic {
            for letter in letters.unicodeScalars {
                classes[letter] = consonant
            }
        }
        return classes
    }()

    // MARK: Dictionary

    /// Common words whose letter-by-letter spelling would come out wrong, or that are too short to guess.
    /// `telling`: the word alone suggests Arabizi (English does not use it); "el", "la", "fi" do not.
    private static let dictionary: [String: (arabic: String, telling: Bool)] = {
        let telling = """
            ana:انا enta:انت inta:انت enti:انتي inti:انتي ehna:احنا e7na:احنا ezay:ازاي ezzay:ازاي izay:ازاي \
            izzay:ازاي leh:ليه leih:ليه lesh:ليش leish:ليش laish:ليش fein:فين fen:فين feen:فين wen:وين \
            wein:وين ween:وين mesh:مش msh:مش mish:مش mosh:مش mafi:مافي mafe:مافي mafeesh:مفيش mafish:مفيش \
            mafesh:مفيش shu:شو sho:شو shou:شو esh:ايش eish:ايش wesh:وش 3ashan:عشان ashan:عشان 3shan:عشان \
            kteer:كتير ktir:كتير kter:كتير awi:اوي 2awi:اوي keda:كده kda:كده kida:كده ya3ni:يعني yaani:يعني \
            wallah:والله walla:والله inshallah:انشالله habibi:حبيبي 7abibi:حبيبي abgha:ابغى abga:ابغى \
            baddi:بدي biddi:بدي bdi:بدي 3ayez:عايز 3ayz:عايز ayez:عايز 3awez:عاوز 3awz:عاوز \
            3ayza:عايزة shokran:شكرا shukran:شكرا halla2:هلق hala2:هلق delwa2ti:دلوقتي dilwa2ti:دلوقتي \
            delwa2ty:دلوقتي lazem:لازم lazim:لازم momken:ممكن mumkin:ممكن mumken:ممكن momkin:ممكن \
            3andi:عندي 3ndi:عندي ma3lesh:معلش kwayes:كويس kwayyes:كويس kwais:كويس zeft:زفت wa7esh:وحش \
            we7esh:وحش 7elw:حلو helw:حلو 7elwa:حلوة helwa:حلوة tamam:تمام khalas:خلاص 5alas:خلاص 3ala:على \
            mn:من 3al:على 3a:على emta:امتى imta:امتى ahlan:اهلا marhaba:مرحبا lissa:لسه lessa:لسه lsa:لسه 3lshan:علشان 3alashan:علشان
            """
        let plain = """
            el:ال il:ال al:ال w:و wa:و we:و b:ب bel:بال bl:بال fel:في fl:في fi:في fe:في men:من min:من ma:ما \
            la:لا ya:يا law:لو aw:او hal:هل eh:ايه ala:على bas:بس bs:بس andi:عندي abi:ابي salam:سلام \
            yani:يعني ok:اوكي okay:اوكي
            """
        var dictionary: [String: (arabic: String, telling: Bool)] = [:]
        for (list, isTelling) in [(telling, true), (plain, false)] {
            for pair in list.split(separator: " ") {
                let parts = pair.split(separator: ":")
                dictionary[String(parts[0])] = (String(parts[1]), isTelling)
            }
        }
        return dictionary
    }()
}
