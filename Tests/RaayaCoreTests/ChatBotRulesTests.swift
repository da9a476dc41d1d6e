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

    @Test("an upset customer goes to a person even when an article matches")
    func upset() {
        let model = SentimentModel.shared
        for angry in ["الخدمة زفت وطلبي متأخر أسبوعين، حسبي الله", "el service wa7esh w talabi lessa ma wesel", "worst service ever, my order is STILL not here 😡"] {
            let sentiment = model.analyze(angry)
            #expect(ChatBotRules.step(for: angry, awaitingAnswer: false, bestArticle: 3, confidence: 0.9, sentiment: sentiment) == .handOff(.upset),
                    "\(angry): \(sentiment)")
        }
        for calm in ["وين طلبي؟", "متى يوصل طلبي؟", "how do I track my order?"] {
            #expect(ChatBotRules.step(for: calm, awaitingAnswer: false, bestArticle: 3, confidence: 0.9, sentiment: model.analyze(calm)) == .answer(articleID: 3),
                    "\(calm)")
        }
        // "Yes" and "no" keep their meaning whatever the tone.
        #expect(ChatBotRules.step(for: "لا ما حلها، سيء", awaitingAnswer: true, bestArticle: nil, confidence: 0, sentiment: model.analyze("لا ما حلها، سيء")) == .handOff(.notSolved))
    }
}
