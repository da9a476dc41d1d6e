import Foundation

/// What the sentiment model sees of a message: the Swift side of tools/sentiment/features.py. Both must give the
/// same features for the same text, so every step works on Unicode scalars and UTF-8 bytes, never on Characters.
struct SentimentFeatures {
    /// A word as the model sees it, and whether a negation ("not", "مش", "ما…ش") reaches it.
    struct Token {
        let text: String
        let scalarCount: Int
        let negated: Bool

        init(_ text: String, scalarCount: Int, negated: Bool) {
            self.text = text
            self.scalarCount = scalarCount
            self.negated = negated
        }
    }

    /// Lexicon and punctuation evidence; the dense features and the rule-based baseline are made from it.
    struct Cues {
        var positiveSum = 0.0
        var negativeSum = 0.0
        var negatedPositiveSum = 0.0
        var negatedNegativeSum = 0.0
        var emojiPositive = 0.0
        var emojiNegative = 0.0
        var questionMark = false
        var questionWord = false
        var request = false
        var exclamations = 0
        var elongated = false
        var tokenCount = 0

        func lexiconScore(negatedFlip: Double) -> Double {
            positiveSum - negativeSum + negatedFlip * (negatedPositiveSum - negatedNegativeSum)
                + emojiPositive - emojiNegative
        }

        mutating func addEmoticon(_ polarity: Double) {
            if polarity > 0 { emojiPositive += polarity } else { emojiNegative += -polarity }
        }
    }

    let clauses: [[Token]]
    /// Each pictograph of the message, a feature of its own: tweets teach what 😂 and 😡 mean.
    let emoji: [Unicode.Scalar]
    let cues: Cues

    init(_ text: String, model: SentimentModelFile) {
        var cues = Cues()
        var emoji: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if Self.isEmoji(scalar) {
                emoji.append(scalar)
            }
            switch scalar {
            case "?", "؟": cues.questionMark = true
            case "!": cues.exclamations += 1
            default:
                if scalar.value >= model.lowestEmoji, let polarity = model.emoji[scalar.value] {
                    cues.addEmoticon(polarity)
                }
            }
        }
        var clauses: [[Token]] = []
        for clause in Self.clauseTexts(text, model: model, cues: &cues) {
            let tokens = Self.markNegation(SearchText.tokens(clause), model: model, cues: &cues)
            if !tokens.isEmpty {
                clauses.append(tokens)
            }
        }
        self.clauses = clauses
        self.emoji = emoji
        self.cues = cues
    }

    /// The message split at clause punctuation, without URLs and @mentions (they name, they do not feel);
    /// emoticons typed as their own piece count as emoji. Built from UTF-8 bytes: this runs for every message.
    private static func clauseTexts(_ text: String, model: SentimentModelFile, cues: inout Cues) -> [String] {
        var clauses: [String] = []
        var clause: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            clause.reserveCapacity(bytes.count + 1)
            MessagePieces.forEach(in: bytes) { range in
                let piece = bytes[range]
                if piece.first == UInt8(ascii: "@") || MessagePieces.hasLinkPrefix(piece) {
                    return
                }
                if let polarity = emoticonPolarity(piece, model: model) {
                    cues.addEmoticon(polarity)
                    return
                }
                // Copied in runs between clause breaks, not byte by byte.
                var runStart = range.lowerBound
                var index = range.lowerBound
                while index < range.upperBound {
                    let (value, length) = MessagePieces.scalar(in: bytes, at: index)
                    if isClauseBreak(value) {
                        clause.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                        clauses.append(String(decoding: clause, as: UTF8.self))
                        clause.removeAll(keepingCapacity: true)
                        runStart = index + length
                    }
                    index += length
                }
                clause.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<range.upperBound]))
                clause.append(UInt8(ascii: " "))
            }
        }
        clauses.append(String(decoding: clause, as: UTF8.self))
        return clauses
    }

    /// Every emoticon is ASCII with a symbol in it ("xD", ":-)"), so words need no lookup.
    private static func emoticonPolarity(_ piece: Slice<UnsafeBufferPointer<UInt8>>, model: SentimentModelFile)
        -> Double?
    {
        guard piece.count <= model.longestEmoticon, piece.allSatisfy({ $0 < 0x80 }),
            piece.contains(where: { !isASCIILetterOrDigit($0) })
        else { return nil }
        return model.emoticons[String(decoding: piece, as: UTF8.self)]
    }

    /// The text without its links and @mentions, or the text itself when it has none. `alsoTagsAndGluedLinks`
    /// also drops #hashtags and pieces with a link inside ("monitorhttps://t.co/…"): for deciding whether a text
    /// is Arabizi, where their digits and Latin letters mislead; the model's language feature does not use it,
    /// as training did not.
    static func withoutLinksAndMentions(_ text: String, alsoTagsAndGluedLinks: Bool = false) -> String {
        var utf8 = text
        let shortened: String? = utf8.withUTF8 { bytes in
            guard mayHaveLinkOrMention(bytes, orTag: alsoTagsAndGluedLinks) else { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var removed = false
            MessagePieces.forEach(in: bytes) { range in
                let piece = bytes[range]
                if piece.first == UInt8(ascii: "@") || MessagePieces.hasLinkPrefix(piece)
                    || (alsoTagsAndGluedLinks
                        && (piece.first == UInt8(ascii: "#") || MessagePieces.containsLink(piece)))
                {
                    removed = true
                    return
                }
                if !kept.isEmpty {
                    kept.append(UInt8(ascii: " "))
                }
                kept.append(contentsOf: piece)
            }
            return removed ? String(decoding: kept, as: UTF8.self) : nil
        }
        return shortened ?? text
    }

    /// A quick test that passes every text with an "@", a "://" or a "www." (or a "#"): most messages have none.
    private static func mayHaveLinkOrMention(_ bytes: UnsafeBufferPointer<UInt8>, orTag: Bool) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "@"):
                return true
            case UInt8(ascii: "#") where orTag:
                return true
            case UInt8(ascii: ":") where bytes[offset...].starts(with: "://".utf8):
                return true
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                if bytes[offset...].prefix(4).map({ $0 | 0x20 }).elementsEqual("www.".utf8.map { $0 | 0x20 }) {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    private static func markNegation(_ words: [String], model: SentimentModelFile, cues: inout Cues) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        var scope = 0
        for (position, word) in words.enumerated() {
            var (token, scalarCount, elongated) = collapseElongation(word)
            cues.elongated = cues.elongated || elongated
            if token.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                token = "0"  // numbers are order ids and amounts: what matters is that there is one
                scalarCount = 1
            }
            let entry = model.words[FNV1a.word(token)]
            let roles = entry?.roles ?? []
            cues.tokenCount += 1
            if roles.contains(.scopeBreaker) {
                scope = 0
                tokens.append(Token(token, scalarCount: scalarCount, negated: false))
                continue
            }
            if roles.contains(.negator) {
                scope = model.negationScope
                tokens.append(Token(token, scalarCount: scalarCount, negated: false))
                continue
            }
            var negated = scope > 0
            scope = max(scope - 1, 0)
            if scalarCount >= 5 && isCircumfixNegation(token) {
                negated = true
                scope = model.negationScope - 1
            }
            if roles.contains(.questionWord) || (position == 0 && roles.contains(.questionStarter)) {
                cues.questionWord = true
            }
            if roles.contains(.request) {
                cues.request = true
            }
            if let polarity = entry?.polarity ?? prefixedPolarity(token, model: model) {
                switch (negated, polarity > 0) {
                case (false, true): cues.positiveSum += polarity
                case (false, false): cues.negativeSum += -polarity
                case (true, true): cues.negatedPositiveSum += polarity
                case (true, false): cues.negatedNegativeSum += -polarity
                }
            }
            tokens.append(Token(token, scalarCount: scalarCount, negated: negated))
        }
        return tokens
    }

    /// A word the lexicon lacks may be a listed one with a joined و، ف or ب ("وممتاز", "بصراحة").
    private static func prefixedPolarity(_ token: String, model: SentimentModelFile) -> Double? {
        let scalars = token.unicodeScalars
        guard let first = scalars.first, first == "و" || first == "ف" || first == "ب", scalars.count > 3 else {
            return nil
        }
        return model.words[FNV1a.word(token.utf8.dropFirst(2))]?.polarity  // each is two bytes in UTF-8
    }

    /// "جمييييل" → "جميل", "soooo" → "soo": three or more of one letter is emphasis, not spelling.
    static func collapseElongation(_ token: String) -> (String, scalarCount: Int, elongated: Bool) {
        var previous: Unicode.Scalar?
        var run = 0
        var count = 0
        var elongated = false
        for scalar in token.unicodeScalars {
            run = scalar == previous ? run + 1 : 1
            previous = scalar
            count += 1
            elongated = elongated || run == 3
        }
        guard elongated else { return (token, count, false) }
        let scalars = Array(token.unicodeScalars)
        var out = String.UnicodeScalarView()
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count && scalars[end] == scalars[start] { end += 1 }
            var run = end - start
            if run >= 3 {
                run = isArabicLetter(scalars[start]) ? 1 : 2
            }
            out.append(contentsOf: repeatElement(scalars[start], count: run))
            start = end
        }
        return (String(out), out.count, true)
    }

    /// Egyptian and Levantine "ما…ش" (ماعجبنيش، مبيردش، مكانش): the word negates itself.
    static func isCircumfixNegation(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        return scalars.count >= 5 && scalars.first == "م" && scalars.last == "ش"
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF: true
        default: false
        }
    }

    /// Pictographs and dingbats, without skin-tone modifiers.
    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1F3FB...0x1F3FF: false
        case 0x2600...0x27BF, 0x1F300...0x1FAFF: true
        default: false
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: true
        default: false
        }
    }

    private static func isClauseBreak(_ value: UInt32) -> Bool {
        switch value {
        // . , ; : ! ? ، ؛ ؟ … and a line break
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x060C, 0x061B, 0x061F, 0x2026, 0x0A: true
        default: false
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}
