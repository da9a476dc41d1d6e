import Testing
@testable import RaayaCore

@Suite("Chat bot rules: answer, hand off or close — المساعد الآلي")
struct ChatBotRulesTests {
    @Test("asking for a person hands off at any time, in Arabic dialects and English", arguments: [
        "ابغى اكلم موظف", "ممكن أتكلم مع شخص؟", "عايز خدمة العملاء", "بدي احكي مع موظفة", "I want to talk to a human", "agent please",
    ])
    func person(text: String) {
        #expect(ChatBotRules.intent(of: text, awaitingAnswer: false) == .wantsPerson)
        #expect(ChatBotRules.step(for: text, awaitingAnswer: true, bestArticle: 7, confidence: 0.9) == .handOff(.asked))
    }

    @Test("after the bot's question, yes closes and no hands off; before it, they are questions")
    func yesNo() {
        for yes in ["نعم", "ايوه شكرا", "تمام الله يعطيك العافية", "yes thanks", "Yep, solved"] {
            #expect(ChatBotRules.step(for: yes, awaitingAnswer: true, bestArticle: nil, confidence: 0) == .solved, "\(yes)")
        }
        for no in ["لا", "لأ ما حلها", "مش ده اللي بدور عليه", "no", "nope, that didn't help"] {
            #expect(ChatBotRules.step(for: no, awaitingAnswer: true, bestArticle: nil, confidence: 0) == .handOff(.notSolved), "\(no)")
        }
        #expect(ChatBotRules.intent(of: "نعم", awaitingAnswer: false) == .question)
        #expect(ChatBotRules.intent(of: "لا أعرف كيف أتتبع طلبي وأين أجد رقم الشحنة في التطبيق", awaitingAnswer: true) == .question,
                "a long message is a new question")
    }

    @Test("a question is answered only above the threshold")
    func threshold() {
        #expect(ChatBotRules.step(for: "وين طلبي؟", awaitingAnswer: false, bestArticle: 3, confidence: 0.8) == .answer(articleID: 3))
        #expect(ChatBotRules.step(for: "وين طلبي؟", awaitingAnswer: false, bestArticle: 3, confidence: 0.2) == .handOff(.lowConfidence))
        #expect(ChatBotRules.step(for: "وين طلبي؟", awaitingAnswer: false, bestArticle: nil, confidence: 0.9) == .handOff(.lowConfidence))
    }
}
