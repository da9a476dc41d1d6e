import Foundation
import Testing
@testable import RaayaCore

private func at(_ text: String) -> Date { InsightsFixture.at(text) }

private func close(_ value: Double, _ expected: Double, within tolerance: Double = 1e-6) -> Bool {
    abs(value - expected) <= tolerance
}

/// The published example (Call Centre Helper, "Erlang C formula – made simple"): 100 calls in 30 minutes, an
/// average handle time of 3 minutes, a target of 80 % answered within 20 seconds: 10 erlangs, 14 agents.
/// The figures below were recomputed once with Python's `math` from the closed formula with factorials.
private let textbook = ErlangC(arrivals: 100, perSeconds: 30 * 60, averageHandleTime: 180)

@Suite("Insights: Erlang C staffing — حساب عدد الموظفين بمعادلة إرلانج")
struct InsightsErlangCTests {
    @Test("100 calls in 30 minutes at 3 minutes each is 10 erlangs — شدة الحركة")
    func traffic() {
        #expect(close(textbook.traffic, 10))
    }

    @Test(
        "probability of waiting, service level at 20 s and speed of answer for 11 to 14 agents — احتمال الانتظار ومستوى الخدمة",
        arguments: [
            (11, 0.682118, 0.389614, 122.7813),
            (12, 0.449388, 0.640158, 40.4449),
            (13, 0.285270, 0.795595, 17.1162),
            (14, 0.174132, 0.888350, 7.8359),
        ])
    func textbookTable(agents: Int, waiting: Double, serviceLevel: Double, speedOfAnswer: Double) {
        #expect(close(textbook.probabilityOfWaiting(agents: agents), waiting))
        #expect(close(textbook.serviceLevel(agents: agents, answeredWithin: 20), serviceLevel))
        #expect(close(textbook.averageSpeedOfAnswer(agents: agents), speedOfAnswer, within: 1e-4))
    }

    @Test("80 % within 20 s needs 14 agents: 13 answer only 79.6 % — الحد الأدنى من الموظفين")
    func agentsNeeded() {
        #expect(textbook.agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == 14)
        #expect(textbook.agentsNeeded(serviceLevel: 0.7, answeredWithin: 20) == 13)
        #expect(textbook.agentsNeeded(serviceLevel: 0.9, answeredWithin: 20) == 15)
    }

    @Test("Erlang B by recursion: one erlang on one and two lines — إرلانج ب")
    func erlangB() {
        let oneErlang = ErlangC(arrivalRate: 1.0 / 60, averageHandleTime: 60)
        #expect(close(oneErlang.erlangB(agents: 0), 1))
        #expect(close(oneErlang.erlangB(agents: 1), 0.5))
        #expect(close(oneErlang.erlangB(agents: 2), 0.2))
        #expect(close(oneErlang.probabilityOfWaiting(agents: 2), 1.0 / 3))
    }

    @Test("500 erlangs stay finite and exact: 510 agents for 80 % in 20 s — حركة كبيرة بلا فيض")
    func largeTraffic() {
        // 10,000 chats an hour at 180 s each; 500! alone would overflow a Double.
        let large = ErlangC(arrivals: 10_000, perSeconds: 3600, averageHandleTime: 180)
        #expect(close(large.traffic, 500))
        #expect(close(large.serviceLevel(agents: 509, answeredWithin: 20), 0.784241, within: 1e-5))
        #expect(close(large.serviceLevel(agents: 510, answeredWithin: 20), 0.818874, within: 1e-5))
        #expect(large.agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == 510)
        #expect(large.probabilityOfWaiting(agents: 530).isFinite)
    }

    @Test("too few agents never catch up; no traffic needs nobody; 100 % is out of reach — حالات حدية")
    func edges() {
        #expect(textbook.probabilityOfWaiting(agents: 10) == 1)
        #expect(textbook.serviceLevel(agents: 9, answeredWithin: 20) == 0)
        #expect(textbook.averageSpeedOfAnswer(agents: 10) == .infinity)
        let quiet = ErlangC(arrivalRate: 0, averageHandleTime: 180)
        #expect(quiet.agentsNeeded(serviceLevel: 0.8, answeredWithin: 20) == 0)
        #expect(quiet.serviceLevel(agents: 0, answeredWithin: 20) == 1)
        #expect(textbook.agentsNeeded(serviceLevel: 1, answeredWithin: 20) == nil)
    }
}

@Suite("Insights: arrivals per hour of week and e-mail backlog projection — الطلبات حسب ساعة الأسبوع وتوقع التراكم")
struct InsightsCapacityTests {
    private let fortnight = at("2026-11-29T00:00:00+03:00")..<at("2026-12-13T00:00:00+03:00")

    @Test("the fixture's eight tickets by local weekday and hour, weeks from Sunday — مصفوفة ٧×٢٤")
    func hourOfWeek() {
        let report = TicketReport(TicketHistoryFixture.tickets)
        let pattern = ArrivalPattern(report, in: fortnight, timeZone: InsightsFixture.riyadh)
        #expect(pattern.counts.count == 7 && pattern.counts.allSatisfy { $0.count == 24 })
        #expect(pattern.counts.joined().reduce(0, +) == 8)
        // Sunday 09:00 and 16:30, Monday 08:00, Tuesday 09:00, Wednesday 10:00 and 12:00, Thursday 10:00 and 16:00.
        let expected: [(Int, Int)] = [(0, 9), (0, 16), (1, 8), (2, 9), (3, 10), (3, 12), (4, 10), (4, 16)]
        for (weekday, hour) in expected { #expect(pattern.counts[weekday][hour] == 1) }
        // Two weeks: every hour of the week occurred twice, so each arrival is half an arrival per hour.
        #expect(pattern.occurrences.joined().allSatisfy { $0 == 2 })
        #expect(pattern.averagePerHour[4][16] == 0.5)
        #expect(pattern.averagePerHour[5][10] == 0)
    }

    @Test("a range starting mid-hour counts hours from the next whole one — ساعات كاملة فقط")
    func partialHours() {
        let pattern = ArrivalPattern(
            arrivals: [at("2026-12-06T10:40:00+03:00"), at("2026-12-06T12:00:00+03:00")],
            in: at("2026-12-06T10:30:00+03:00")..<at("2026-12-06T12:00:00+03:00"), timeZone: InsightsFixture.riyadh)
        #expect(pattern.counts[0][10] == 1)
        #expect(pattern.counts[0][12] == 0)  // the range's end is excluded
        #expect(pattern.occurrences[0][10] == 0)
        #expect(pattern.occurrences[0][11] == 1)
        #expect(pattern.occurrences.joined().reduce(0, +) == 1)
    }

    @Test("Cairo's skipped and repeated hours — الساعة المحذوفة والمكررة في القاهرة")
    func clockChanges() {
        let spring = ArrivalPattern(
            arrivals: [], in: at("2026-04-19T00:00:00+02:00")..<at("2026-04-26T00:00:00+03:00"),
            timeZone: InsightsFixture.cairo)
        #expect(spring.occurrences[5][0] == 0)  // Friday 00:00–01:00 never happened
        #expect(spring.occurrences.joined().reduce(0, +) == 167)
        let autumn = ArrivalPattern(
            arrivals: [], in: at("2026-10-25T00:00:00+03:00")..<at("2026-11-01T00:00:00+02:00"),
            timeZone: InsightsFixture.cairo)
        #expect(autumn.occurrences[4][23] == 2)  // Thursday 23:00–24:00 happened twice
        #expect(autumn.occurrences.joined().reduce(0, +) == 169)
    }

    @Test("backlog grows by arrivals minus resolutions each day, and drains to zero — توقع تراكم البريد")
    func projection() {
        let behind = BacklogProjection(current: 40, arrivalsPerDay: 30, resolutionsPerDay: 25)
        #expect(behind.next(days: 3) == [45, 50, 55])
        #expect(behind.daysToClear == nil)
        let ahead = BacklogProjection(current: 40, arrivalsPerDay: 30, resolutionsPerDay: 35)
        #expect(ahead.next(days: 3) == [35, 30, 25])
        #expect(ahead.daysToClear == 8)
        let nearlyDone = BacklogProjection(current: 4, arrivalsPerDay: 1, resolutionsPerDay: 3)
        #expect(nearlyDone.next(days: 3) == [2, 0, 0])
        #expect(nearlyDone.daysToClear == 2)
        #expect(BacklogProjection(current: 0, arrivalsPerDay: 5, resolutionsPerDay: 1).daysToClear == 0)
        #expect(behind.next(days: 0).isEmpty)
    }

    @Test("rates measured from the fixture's week: 7 arrivals and 6 resolutions — المعدلات من السجل")
    func measuredRates() {
        let week = TicketHistoryFixture.reportWeek
        let projection = BacklogProjection.measured(
            from: TicketReport(TicketHistoryFixture.tickets), over: week, now: week.upperBound)
        #expect(projection.current == 3)
        #expect(projection.arrivalsPerDay == 1)
        // #1, #2 twice, #5, #6 and #8.
        #expect(projection.resolutionsPerDay == 6.0 / 7)
        #expect(projection.next(days: 7).last.map { ($0 * 1000).rounded() / 1000 } == 4)
    }
}
