import Foundation
import RaayaCore
import Testing

@Suite("Surveys: CSAT, NPS and CES scores, low answers, when a survey goes out, and comment themes")
struct SurveyScoringTests {
    @Test("CSAT % is the share of 4 and 5; NPS is % promoters minus % detractors; CES averages on one direction")
    func standardScores() {
        let answers =
            [5, 4, 4, 3, 1].map { SurveyAnswer(kind: .csat, score: $0) }
            + [10, 9, 9, 8, 7, 6, 0, 10].map { SurveyAnswer(kind: .nps, score: $0) }
            + [1, 2, 2].map { SurveyAnswer(kind: .ces, score: $0) }
            // Worded "1 = very difficult": a 7 there is a 1 here, a 2 there is a 6 here.
            + [7, 2].map { SurveyAnswer(kind: .ces, score: $0, direction: .highIsEasy) }
        let score = SatisfactionScore(answers)
        #expect(score.csat.answers == 5 && score.csat.satisfied == 3 && score.csat.percent == 60)
        #expect(score.nps.promoters == 4 && score.nps.passives == 2 && score.nps.detractors == 2)
        #expect(score.nps.score == 25)  // (4 − 2) / 8
        #expect(score.ces.distribution == [2, 2, 0, 0, 0, 1, 0])
        #expect(score.ces.average == Double(1 + 1 + 2 + 2 + 6) / 5)
        #expect(SatisfactionScore().csat.percent == nil && SatisfactionScore().nps.score == nil)
        #expect(SatisfactionScore().ces.average == nil)
    }

    @Test("NPS runs from −100 (all detractors) to 100 (all promoters); scores off the scale are not counted")
    func npsBounds() {
        #expect(SatisfactionScore([0, 6, 3].map { SurveyAnswer(kind: .nps, score: $0) }).nps.score == -100)
        #expect(SatisfactionScore([9, 10].map { SurveyAnswer(kind: .nps, score: $0) }).nps.score == 100)
        let odd = SatisfactionScore([SurveyAnswer(kind: .csat, score: 0), SurveyAnswer(kind: .nps, score: 11)])
        #expect(odd.csat.answers == 0 && odd.nps.answers == 0)
    }

    @Test("a low answer asks someone to close the loop: CSAT ≤ 2, NPS ≤ 6, CES ≥ 6 whichever way it was worded")
    func lowAnswers() {
        #expect(SurveyAnswer(kind: .csat, score: 2).isLow && !SurveyAnswer(kind: .csat, score: 3).isLow)
        #expect(SurveyAnswer(kind: .nps, score: 6).isLow && !SurveyAnswer(kind: .nps, score: 7).isLow)
        #expect(SurveyAnswer(kind: .ces, score: 6).isLow && !SurveyAnswer(kind: .ces, score: 5).isLow)
        #expect(SurveyAnswer(kind: .ces, score: 2, direction: .highIsEasy).isLow)
        #expect(!SurveyAnswer(kind: .ces, score: 6, direction: .highIsEasy).isLow)
    }

    @Test("a due survey is skipped when the ticket was reopened, solved by self-service, merged, or surveyed lately")
    func sendingRules() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let policy = SurveyPolicy(delayMinutes: 60, throttleDays: 7)
        var facts = SurveyTicketFacts(status: .solved, channel: .email, hasEmail: true)
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .send(.email))
        #expect(SurveyRules.decide(facts, policy: policy, enabled: false, now: now) == .skip(.disabled))
        facts.status = .open
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .skip(.notSolved))
        facts.status = .closed
        facts.lastSurveyedAt = now.addingTimeInterval(-6 * 86_400)
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .skip(.recentlySurveyed))
        facts.lastSurveyedAt = now.addingTimeInterval(-8 * 86_400)
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .send(.email))
        facts.solvedBySelfService = true
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .skip(.selfService))
        #expect(
            SurveyRules.decide(facts, policy: SurveyPolicy(includeSelfService: true), enabled: true, now: now) == .send(.email))
        facts.solvedBySelfService = false
        facts.merged = true
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .skip(.merged))
        facts.merged = false
        facts.channel = .chat
        facts.hasEmail = false
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .send(.chat))
        facts.channel = .phone
        #expect(SurveyRules.decide(facts, policy: policy, enabled: true, now: now) == .skip(.unreachable))
    }

    @Test("an answer can be changed for 24 hours, then it is locked; an unanswered link expires after 30 days")
    func answerWindow() {
        let sent = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(SurveyRules.answerState(sentAt: sent, firstAnsweredAt: nil, now: sent.addingTimeInterval(3600)) == .open)
        #expect(SurveyRules.answerState(sentAt: sent, firstAnsweredAt: nil, now: sent.addingTimeInterval(31 * 86_400)) == .expired)
        let answered = sent.addingTimeInterval(3600)
        #expect(
            SurveyRules.answerState(sentAt: sent, firstAnsweredAt: answered, now: answered.addingTimeInterval(23 * 3600))
                == .changeable)
        #expect(
            SurveyRules.answerState(sentAt: sent, firstAnsweredAt: answered, now: answered.addingTimeInterval(25 * 3600))
                == .locked)
    }

    @Test("themes of negative comments: words and phrases by how many comments use them, spelling variants as one")
    func themes() {
        let comments = [
            "التوصيل متأخر جداً والمندوب ما رد",
            "توصيل متأخر مرة ثانية!",
            "المندوب لم يتصل بي، والتوصيل متاخر",
            "The delivery was late and the courier was rude",
            "Late delivery again",
        ]
        let themes = CommentThemes.top(comments, limit: 5)
        #expect(themes.first == CommentThemes.Theme(text: "توصيل متاخر", comments: 3, isPhrase: true), "\(themes)")
        #expect(themes.contains(CommentThemes.Theme(text: "مندوب", comments: 2, isPhrase: false)))
        #expect(themes.contains { $0.text == "delivery" && $0.comments == 2 })
        // Covered entirely by the phrase: not listed again as words.
        #expect(!themes.contains { $0.text == "توصيل" || $0.text == "متاخر" })
        // Stop words never become themes.
        #expect(!themes.contains { $0.text == "the" || $0.text == "ما" || $0.text == "was" })
        #expect(CommentThemes.top([]).isEmpty)
    }
}
