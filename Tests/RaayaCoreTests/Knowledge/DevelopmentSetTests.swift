import Testing

@testable import RaayaCore

/// The development question set in `HelpCenterFixture`: a regression guard for ranking changes, with the
/// misses accepted today named (dialect verbs the light stemmer cannot connect to their nouns, and questions
/// that are ambiguous between two articles).
@Suite("Knowledge development set")
struct DevelopmentSetTests {
    @Test func theExpectedArticleRanksFirstOrNearTheTop() {
        let index = HelpCenterFixture.index()
        var first = 0
        var topThree = 0
        var misses: [String] = []
        for (question, answer) in HelpCenterFixture.questions {
            let hits = index.search(question, limit: 3).map(\.articleID)
            if hits.first == answer.rawValue {
                first += 1
            } else {
                misses.append("\(question) → \(hits)")
            }
            if hits.contains(answer.rawValue) {
                topThree += 1
            }
        }
        let total = HelpCenterFixture.questions.count
        // Accepted misses at first place: "where is my order" (order tracking and cancelling both say "order"
        // in the title), "how long does delivery take", "ابي الغي الطلب" (الغي tokenizes to غي).
        #expect(first >= total - 3, "first: \(first)/\(total); \(misses)")
        #expect(topThree == total, "top three: \(topThree)/\(total); \(misses)")
    }

    @Test func unanswerableQuestionsAreLessConfidentThanTypicalAnswers() {
        let index = HelpCenterFixture.index()
        let answered = HelpCenterFixture.questions.map { SearchConfidence(index.search($0.question)).value }.sorted()
        let median = answered[answered.count / 2]
        for question in HelpCenterFixture.unanswerable {
            #expect(SearchConfidence(index.search(question)).value < median, "\(question)")
        }
    }
}
