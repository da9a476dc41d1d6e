import Foundation
import Testing
@testable import RaayaCore

@Suite("Insights: a ticket's customer sentiment at opening and now — مشاعر العميل عند فتح التذكرة والآن")
struct TicketSentimentTests {
    let start = Date(timeIntervalSinceReferenceDate: 818_000_000)

    func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    @Test(
        "opening is the first labeled message by time, latest the last, whatever order they come in — الأولى والأخيرة")
    func firstAndLast() {
        let messages = [
            TicketSentiment.Message(id: 7, at: at(30), label: .positive),
            TicketSentiment.Message(id: 3, at: at(0), label: .negative),
            TicketSentiment.Message(id: 5, at: at(10), label: .neutral),
        ]
        #expect(TicketSentiment(messages: messages) == TicketSentiment(opening: .negative, latest: .positive))
        #expect(
            TicketSentiment(messages: messages.reversed()) == TicketSentiment(opening: .negative, latest: .positive))
    }

    @Test("messages of the same instant are ordered by id; unlabeled ones are skipped — نفس اللحظة ورسائل بلا تصنيف")
    func tiesAndUnlabeled() {
        let messages = [
            TicketSentiment.Message(id: 12, at: at(5), label: .positive),
            TicketSentiment.Message(id: 11, at: at(5), label: .negative),
            TicketSentiment.Message(id: 2, at: at(0), label: nil),
            TicketSentiment.Message(id: 20, at: at(60), label: nil),
        ]
        #expect(TicketSentiment(messages: messages) == TicketSentiment(opening: .negative, latest: .positive))
    }

    @Test("one labeled message is both; none gives neither — رسالة واحدة أو لا شيء")
    func edges() {
        #expect(
            TicketSentiment(messages: [.init(id: 1, at: at(0), label: .neutral)])
                == TicketSentiment(opening: .neutral, latest: .neutral))
        #expect(
            TicketSentiment(messages: [.init(id: 1, at: at(0), label: nil)])
                == TicketSentiment(opening: nil, latest: nil))
        #expect(TicketSentiment(messages: []) == TicketSentiment(opening: nil, latest: nil))
    }
}
