/// Words dropped from knowledge-base queries (never from the index): question words, pronouns, "I want" in the
/// dialects customers write in, prepositions carrying a pronoun ("عليه", "منها"), filler verbs and adverbs
/// ("وش صار", "بدي اعرف", "أستطيع", "اشتريت", "لسا", "دلوقتي", "now"), greetings and courtesy. Without this,
/// "وين طلبي؟" or "عايز فلوسي ترجع" would rank articles by how often they say "وين" or "عايز", and unknown filler
/// would drag the answer's confidence down.
///
/// Entries go through `SearchText.tokens`, like queries, so one spelling covers its variants (أين/اين, إيش/ايش,
/// ابغى/ابغي) and "اللي" is stored as the "لي" it tokenizes to.
public enum StopWords {
    private static let arabic = """
        في من على عن الى إلى حتى مع عند هل كم كيف كيفية ماذا لماذا ليش ليه متى امتى إمتى أين اين وين فين شو ايش إيش وش ايه إيه \
        ازاي إزاي انا أنا احنا نحن انت أنت انتي انتم هو هي هم هذا هذه هاذا هذي هاد ده دي اللي الذي التي ما لم لن لا \
        مش مو ان أن إن انه إنه اني إني او أو ثم قد لقد كان كانت يكون تم بس يعني طيب شي شيء اذا إذا لو عشان علشان \
        لان لأن كذا ابي أبي ابغى أبغى ابغا ابغي بدي بدنا عايز عاوز عايزه عاوزه اريد أريد نريد اود أود ودي حاب حابب \
        ممكن ينفع لي ليا عندي عندنا عندكم عندكن عندك فيه سمحت فضلك يا مرحبا اهلا أهلا هلا السلام عليكم شكرا الله \
        عليه عليها عليهم عليك علي فيها فيهم منه منها منهم منك منكم له لها لهم لك لكم معه معها معك معكم معي معاي \
        صار صارت بصير بيصير صاير وشو شنو شلون لسا لسه لسة لسى الحين هلق هلأ هسا دلوقتي توا خالص برضو كمان \
        اصلا أصلا ولا اعرف أعرف نعرف تعرف بعرف اسأل أسأل سؤال استفسار استطيع أستطيع نستطيع يمكنني يمكنك يمكن \
        اقدر أقدر بقدر نقدر تقدر اشتريت اشتريته اشتريتها شريت شريته شريتها متجركم متجرك
        """
    private static let english = """
        a an the i me my mine we us our you your it its is am are was were be been being do does did doing have has \
        had how what when where why which who whom can could would should will shall may might must please pls plz \
        to of in on at for from with by about into and or but if so not no there here this that these those want \
        wanna need get got any some just still also very hi hello hey thanks thank dear s t m d ve ll re don doesn \
        didn isn aren wasn can cannot won now yet thing things anything something know tell ask question \
        bought purchased many much
        """

    private static let words: Set<String> = Set(
        (arabic + " " + english).split(separator: " ").flatMap { SearchText.tokens(String($0)) })

    /// "I want" and "I'd like": in the Levantine "بدي غيّر" the verb after them has no imperfect prefix.
    private static let wanting: Set<String> = Set(
        "بدي بدنا ابي أبي ابغى أبغى ابغا ابغي عايز عاوز عايزه عاوزه اريد أريد نريد اود أود ودي حاب حابب"
            .split(separator: " ").flatMap { SearchText.tokens(String($0)) })

    private static let conjunctions: [Character] = ["و", "ف"]

    /// Whether a query token (from `SearchText.tokens`) says "I want".
    static func isWanting(_ token: String) -> Bool {
        wanting.contains(token)
    }

    /// Whether a query token (from `SearchText.tokens`) is a stop word, also with و or ف attached ("وكيف", "فهل").
    public static func contains(_ token: String) -> Bool {
        if words.contains(token) {
            return true
        }
        guard let first = token.first, conjunctions.contains(first), token.count > 2 else { return false }
        return words.contains(String(token.dropFirst()))
    }
}
