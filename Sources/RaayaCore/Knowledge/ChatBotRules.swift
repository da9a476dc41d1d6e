/// What the answer bot makes of a visitor's chat message, and what it does next. Pure: the chat code stores and
/// sends what this decides.
public enum ChatBotRules {
    /// The bot answers only when the best article is at least this sure (`SearchConfidence.value`); below it a
    /// person takes over at once. Chosen from `kb-eval`'s trade-off: at 0.5 about 7% of answerable questions get a
    /// wrong article and nearly all unanswerable ones are handed off.
    public static let answerThreshold = 0.5
    /// A message at least this negative (`Sentiment.score`, −1…1) goes to a person instead of an article: an
    /// upset customer wants to be heard, not pointed at a page.
    public static let upsetThreshold = -0.5

    public enum Intent: Equatable, Sendable {
        /// "Let me talk to a person."
        case wantsPerson
        case yes
        case no
        /// Anything else: a question.
        case question
    }

    public enum Step: Equatable, Sendable {
        /// Show the article (and ask whether it solved the problem).
        case answer(articleID: Int)
        /// Hand the chat to a person, saying why.
        case handOff(HandOffReason)
        /// The visitor says the article solved it: close as self-service.
        case solved
    }

    public enum HandOffReason: String, Sendable {
        case asked
        case notSolved = "not_solved"
        case lowConfidence = "low_confidence"
        /// The message was strongly negative.
        case upset
    }

    /// The next step for a message: `awaitingAnswer` is true after the bot asked "did this solve it?";
    /// `sentiment` is the message's (see `SentimentModel`).
    public static func step(
        for text: String, awaitingAnswer: Bool, bestArticle: Int?, confidence: Double, sentiment: Sentiment? = nil
    ) -> Step {
        let intent = intent(of: text, awaitingAnswer: awaitingAnswer)
        if intent == .question, let sentiment, sentiment.label == .negative,
            sentiment.score <= upsetThreshold
        {
            return .handOff(.upset)
        }
        switch intent {
        case .wantsPerson: return .handOff(.asked)
        case .yes: return .solved
        case .no: return .handOff(.notSolved)
        case .question:
            guard let bestArticle, confidence >= answerThreshold else { return .handOff(.lowConfidence) }
            return .answer(articleID: bestArticle)
        }
    }

    /// Yes and no count only as the answer to the bot's question; asking for a person counts any time.
    public static func intent(of text: String, awaitingAnswer: Bool) -> Intent {
        let words = SearchText.tokens(text)
        let joined = " " + words.joined(separator: " ") + " "
        if personPhrases.contains(where: { joined.contains(" \($0) ") }) { return .wantsPerson }
        guard awaitingAnswer, !words.isEmpty, words.count <= 6 else { return .question }
        if words.contains(where: { negative.contains($0) }) { return .no }
        if words.contains(where: { affirmative.contains($0) }) { return .yes }
        return .question
    }

    /// Normalized like `SearchText.tokens` (ة→ه, hamza forms→ا, ى→ي, no article).
    private static let personPhrases: [String] = [
        "موظف", "موظفه", "شخص", "انسان", "بشري", "مندوب", "خدمه عملاء", "خدمه العملاء", "احد الموظفين",
        "agent", "human", "person", "representative", "real person", "someone", "operator",
    ].map { SearchText.tokens($0).joined(separator: " ") }

    private static let affirmative: Set<String> = Set(
        ["نعم", "ايوه", "ايوا", "اي", "ايه", "اكيد", "تمام", "شكرا", "مشكور", "مشكورين", "حلت", "انحلت", "yes", "yeah", "yep",
         "thanks", "thank", "solved", "great", "perfect", "ok", "okay"].flatMap(SearchText.tokens))

    private static let negative: Set<String> = Set(
        ["لا", "لأ", "ما", "مو", "مش", "موب", "مب", "no", "nope", "not", "didn't", "didnt", "doesn't", "nothing"]
            .flatMap(SearchText.tokens))
}
