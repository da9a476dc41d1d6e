/// Text normalization for full-text search, applied identically to what is indexed and to what is searched,
/// so that spelling variants customers and agents actually type land on the same tokens.
///
/// Design choices:
/// - Separators: every character that is not a letter or a digit becomes a separator, including '@', '.',
///   '+', '_' and '-'. An email "sara@example.com" is therefore indexed as `sara example com`; searching
///   "sara" finds it, and searching the full address yields the same three tokens in the same order, so an
///   all-terms or phrase query finds it too. Keeping '@' and '.' inside one token would make "sara" miss it.
///   Phone numbers are split at their separators the same way; matching them regardless of formatting
///   belongs to a normalized contact field, not to full-text search.
/// - Non-Arabic combining marks (e.g. a decomposed Latin accent) stay attached to their token; Latin accents
///   are not folded. Format characters (bidi marks, zero-width joiners) are dropped without splitting a word.
/// - Any decimal digit (Arabic-Indic, Eastern Arabic-Indic, fullwidth, …) becomes its ASCII digit.
/// - Farsi yeh (ی) and keheh (ک), often produced by Persian keyboards, are treated as ي and ك; Arabic
///   presentation forms (text copied out of PDFs) and fullwidth ASCII are folded to their plain letters.
/// - Article stripping is repeated on what remains, so a word that itself begins with "ال" (إلغاء → الغاء)
///   gives the same token with or without an article: tokens("الإلغاء") == tokens("إلغاء").
/// - The name of God is kept whole: الله, والله, بالله, لله all give "الله" rather than colliding with له.
/// - A token that is only the article "ال" (e.g. from "الـ SIM") is dropped: it carries no meaning.
public enum SearchText {
    /// Character-level normalization: lowercases, removes Arabic diacritics and tatweel, unifies hamza and
    /// final-letter variants, maps all decimal digits to ASCII, turns everything that is not a letter or digit
    /// into a single space, and trims.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedUTF8(text), as: UTF8.self)
    }

    /// Search tokens: the normalized words, each Arabic word without its definite article and the article's
    /// attached prefixes (ال، وال، بال، كال، فال، لل، and وبال، فبال، ولل، فلل) as long as at least two letters remain.
    /// Order preserved, duplicates kept, empty tokens and a bare "ال" dropped.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(in: text) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// The text to store in the full-text index: the tokens joined by single spaces.
    public static func indexText(_ text: String) -> String {
        var joined: [UInt8] = []
        joined.reserveCapacity(text.utf8.count)
        forEachToken(in: text) { token in
            if !joined.isEmpty {
                joined.append(UInt8(ascii: " "))
            }
            joined.append(contentsOf: token)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    // Works on UTF-8 bytes: this runs for every message indexed and every query, and bytes avoid building a
    // String per intermediate step.
    private static func normalizedUTF8(_ text: String) -> [UInt8] {
        var normalizer = Normalizer(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            normalizer.consume(scalar)
        }
        return normalizer.output
    }

    private static func forEachToken(in text: String, _ body: (ArraySlice<UInt8>) -> Void) {
        // Normalized text has no leading, trailing or repeated spaces: every space ends exactly one word.
        let normalized = normalizedUTF8(text)
        var wordStart = normalized.startIndex
        while wordStart < normalized.endIndex {
            let wordEnd = normalized[wordStart...].firstIndex(of: UInt8(ascii: " ")) ?? normalized.endIndex
            let token = ArabicArticle.strip(normalized[wordStart..<wordEnd])
            if !token.elementsEqual(ArabicArticle.bare) {
                body(token)
            }
            wordStart = normalized.index(after: wordEnd)
        }
    }
}

/// The definite article and the prefixes that attach to it, as UTF-8. None begins another, so order is free.
private enum ArabicArticle {
    struct Prefix {
        let bytes: [UInt8]
        /// What follows this prefix when the word is the name of God: "له" after "…ال", "ه" after "…لل".
        let restOfGodsName: [UInt8]

        init(_ text: String) {
            bytes = Array(text.utf8)
            restOfGodsName = Array((text.hasSuffix("لل") ? "ه" : "له").utf8)
        }
    }

    static let prefixes = ["وبال", "فبال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال"].map(Prefix.init)
    static let bare = Array("ال".utf8)
    static let godsName = ArraySlice("الله".utf8)
    /// Every prefix starts with و ب ك ف ل or ا, all encoded with lead byte 0xD8 or 0xD9.
    static let leadBytes: ClosedRange<UInt8> = 0xD8...0xD9

    /// Strips prefixes again from what remains, so that "ال" + word gives the same token as word alone.
    static func strip(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = word.first, leadBytes.contains(first) else { return word }
        for prefix in prefixes where word.starts(with: prefix.bytes) {
            let rest = word.dropFirst(prefix.bytes.count)
            if rest.elementsEqual(prefix.restOfGodsName) {
                return godsName
            }
            if hasAtLeastTwoScalars(rest) {
                return strip(rest)
            }
        }
        return word
    }

    private static func hasAtLeastTwoScalars(_ bytes: ArraySlice<UInt8>) -> Bool {
        var leads = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            leads += 1
            if leads == 2 { return true }
        }
        return false
    }
}

/// One pass over the input's scalars, writing the normalized text; separators are emitted lazily so runs of
/// them collapse to one space and none lead or trail.
private struct Normalizer {
    private(set) var output: [UInt8] = []
    private var separatorPending = false

    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    mutating func consume(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39:
            appendToToken(scalar)
        case 0x41...0x5A:
            appendToToken(Unicode.Scalar(UInt8(scalar.value + 0x20)))
        case 0x00...0x7F:
            separate()
        // Tashkeel, superscript alef, honorific signs, tatweel, Quranic annotation marks: removed, joining.
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x0640,
            0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED:
            return
        case 0x0622, 0x0623, 0x0625, 0x0671:  // آ أ إ ٱ
            appendToToken("ا")
        case 0x0649, 0x0626, 0x06CC:  // ى ئ ی
            appendToToken("ي")
        case 0x0629:  // ة
            appendToToken("ه")
        case 0x0624:  // ؤ
            appendToToken("و")
        case 0x06A9:  // ک
            appendToToken("ك")
        case 0x0620...0x064A:
            appendToToken(scalar)
        case 0x0660...0x0669, 0x06F0...0x06F9:  // Arabic-Indic and Eastern Arabic-Indic digits
            appendToToken(Unicode.Scalar(UInt8(0x30 + (scalar.value & 0x0F))))
        case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4:  // ، ؛ ؟ ٪ ٫ ٬ ٭ ۔
            separate()
        case 0xFE70...0xFE7F:  // presentation forms of tashkeel
            return
        case 0xFE80...0xFEFC:
            for letter in PresentationForms.letters[Int(scalar.value - 0xFE80)] {
                consume(letter)
            }
        case 0xFF01...0xFF5E:  // fullwidth ASCII
            consume(Unicode.Scalar(UInt8(scalar.value - 0xFEE0)))
        default:
            consumeOther(scalar)
        }
    }

    private mutating func consumeOther(_ scalar: Unicode.Scalar) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            if properties.changesWhenLowercased {
                for lower in properties.lowercaseMapping.unicodeScalars {
                    appendToToken(lower)
                }
            } else {
                appendToToken(scalar)
            }
        case .decimalNumber:
            if let value = properties.numericValue, value >= 0, value <= 9 {
                appendToToken(Unicode.Scalar(UInt8(0x30 + Int(value))))
            } else {
                separate()
            }
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // A mark belongs to the letter before it; with no word in progress it has nothing to modify.
            if !separatorPending && !output.isEmpty {
                append(scalar)
            }
        case .format:
            return
        default:
            separate()
        }
    }

    private mutating func appendToToken(_ scalar: Unicode.Scalar) {
        if separatorPending {
            output.append(UInt8(ascii: " "))
            separatorPending = false
        }
        append(scalar)
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            output.append(UInt8(truncatingIfNeeded: value))
        } else if value < 0x800 {  // Arabic: the common case, encoded by hand
            output.append(0xC0 | UInt8(truncatingIfNeeded: value >> 6))
            output.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        } else {
            output.append(contentsOf: String(scalar).utf8)
        }
    }

    private mutating func separate() {
        separatorPending = !output.isEmpty
    }
}

/// Arabic Presentation Forms-B (U+FE80…U+FEFC): the isolated, final, initial and medial shapes of each letter,
/// in Unicode order, mapped back to the letters they show.
private enum PresentationForms {
    static let letters: [[Unicode.Scalar]] = {
        let shapesPerLetter: [(String, Int)] = [
            ("ء", 1), ("آ", 2), ("أ", 2), ("ؤ", 2), ("إ", 2), ("ئ", 4), ("ا", 2), ("ب", 4), ("ة", 2), ("ت", 4),
            ("ث", 4), ("ج", 4), ("ح", 4), ("خ", 4), ("د", 2), ("ذ", 2), ("ر", 2), ("ز", 2), ("س", 4), ("ش", 4),
            ("ص", 4), ("ض", 4), ("ط", 4), ("ظ", 4), ("ع", 4), ("غ", 4), ("ف", 4), ("ق", 4), ("ك", 4), ("ل", 4),
            ("م", 4), ("ن", 4), ("ه", 4), ("و", 2), ("ى", 2), ("ي", 4), ("لآ", 2), ("لأ", 2), ("لإ", 2), ("لا", 2),
        ]
        var table: [[Unicode.Scalar]] = []
        for (letters, shapes) in shapesPerLetter {
            table += repeatElement(Array(letters.unicodeScalars), count: shapes)
        }
        precondition(table.count == 0xFEFC - 0xFE80 + 1, "Presentation Forms-B table out of step with Unicode")
        return table
    }()
}
