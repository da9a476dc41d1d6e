/// Light stemming for knowledge-base search, applied to tokens that already went through `SearchText.tokens`
/// (lowercased, Arabic letter variants unified, definite article stripped), identically when indexing and when
/// searching, so that "طلباتي" and "الطلب", or "refunded" and "refunds", meet on one stem.
///
/// Stems are search keys, not words: "فاتورة" becomes "فاتور" and "update" becomes "upd". What matters is that
/// the inflections people type land on the same key and that unrelated words rarely collide; over-stemming
/// (merging different words) hurts ranking more than a missed inflection, which the index recovers through
/// spelling tolerance and synonyms.
///
/// The script of the token picks the rules: Arabic letters get `ArabicStemmer`, plain ASCII letters get
/// `EnglishStemmer`, anything else (numbers, mixed tokens, other scripts) is kept as is.
public enum Stemmer {
    public static func stem(_ token: String) -> String {
        guard let first = token.unicodeScalars.first else { return token }
        if ArabicStemmer.isArabicLetter(first) {
            return ArabicStemmer.stem(token)
        }
        if EnglishStemmer.handles(token) {
            return EnglishStemmer.stem(token)
        }
        return token
    }

    /// The token read as a conjunction, preposition or future marker (و ف ب ل ك س, and pairs like وب or فس)
    /// attached to a word: "وفاتورتي" → ["فاتورتي"], "وبطاقتي" → ["بطاقتي", "طاقتي"].
    ///
    /// These letters also begin ordinary words (فاتورة, بطاقة, سياسة), so no reading is certain; the stemmer
    /// therefore never strips them, and the index tries the readings at query time against its vocabulary.
    /// Each reading keeps at least three letters.
    public static func withoutProclitics(_ token: String) -> [String] {
        ArabicStemmer.withoutProclitics(token)
    }

    /// Other ways to read an Arabic token that the stemmer does not commit to: without attached conjunctions
    /// and prepositions (see `withoutProclitics`), and without a final "ني" ("me": وصلني → وصل), which also ends
    /// nouns (عنواني, my address) and so is not a suffix the stemmer removes.
    public static func readings(_ token: String) -> [String] {
        let withoutPronoun = ArabicStemmer.withoutObjectPronoun(token)
        return ArabicStemmer.withoutProclitics(token) + withoutPronoun
            + withoutPronoun.flatMap(ArabicStemmer.withoutProclitics)
    }

    /// Readings of an Arabic token as an imperfect verb (see `ArabicStemmer.asImperfectVerb`) or as the verb of a
    /// participle (`ArabicStemmer.participleVerb`), also after its other `readings`: "وادفع" → "دفع", "يدفع", …;
    /// "واصلني" → "وصل".
    public static func verbReadings(_ token: String) -> [String] {
        let forms = [token] + readings(token)
        return forms.flatMap(ArabicStemmer.asImperfectVerb) + forms.flatMap(ArabicStemmer.participleVerb)
    }

    /// The verbal nouns an Arabic verb token most likely has (see `ArabicStemmer.verbalNouns`), also after its
    /// other `readings` and its stem: "ارجعه" → "ارجاع", "ترجيع"; "وبدي استرجع" → "استرجاع".
    public static func verbalNouns(_ token: String) -> [String] {
        var forms = [token] + readings(token)
        forms += forms.map(stem)
        var seen: Set<String> = []
        return forms.flatMap(ArabicStemmer.verbalNouns).filter { seen.insert($0).inserted }
    }

    /// The token with each conjunction, preposition or future marker attached in front, as documents write
    /// it: "فاتورة" → ["وفاتورة", "بفاتورة", "لفاتورة", …]. Empty for tokens that are not Arabic.
    public static func withProclitics(_ token: String) -> [String] {
        ArabicStemmer.withProclitics(token)
    }
}
