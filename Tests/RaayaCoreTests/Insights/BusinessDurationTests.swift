import Foundation
import Testing
@testable import RaayaCore

private func at(_ text: String) -> Date { InsightsFixture.at(text) }

private let hour = InsightsFixture.hour
private let riyadhSupport = InsightsFixture.riyadhSupport

private func interval(_ start: String, _ end: String) -> BusinessCalendar.Interval {
    BusinessCalendar.Interval(start: start, end: end)
}

@Suite("Insights: business time between two instants — ساعات العمل بين لحظتين")
struct InsightsBusinessDurationTests {
    // 2026-11-22 is a Sunday; 2026-11-27 a Friday; 2026-12-02 (the holiday) a Wednesday.

    @Test("Sunday 16:30 to Thursday 16:00 is 31.5 business hours — من الأحد إلى الخميس")
    func acrossTheWeek() {
        let seconds = riyadhSupport.businessSeconds(
            from: at("2026-11-22T16:30:00+03:00"), to: at("2026-11-26T16:00:00+03:00"))
        #expect(seconds == 31.5 * hour)
    }

    @Test("inside one open stretch it is the elapsed time — داخل الدوام")
    func withinHours() {
        #expect(
            riyadhSupport.businessSeconds(from: at("2026-11-23T10:00:00+03:00"), to: at("2026-11-23T10:45:00+03:00"))
                == 45 * 60)
    }

    @Test("nights, the weekend and holidays do not count — الليل والعطلة والإجازة لا تحسب")
    func closedTime() {
        // Thursday 16:00 → Sunday 10:00: one hour on Thursday, one on Sunday.
        #expect(
            riyadhSupport.businessSeconds(from: at("2026-11-26T16:00:00+03:00"), to: at("2026-11-29T10:00:00+03:00"))
                == 2 * hour)
        // Tuesday 16:00 → Thursday 10:00 over the Wednesday holiday.
        #expect(
            riyadhSupport.businessSeconds(from: at("2026-12-01T16:00:00+03:00"), to: at("2026-12-03T10:00:00+03:00"))
                == 2 * hour)
        // All on a Friday.
        #expect(
            riyadhSupport.businessSeconds(from: at("2026-11-27T08:00:00+03:00"), to: at("2026-11-27T20:00:00+03:00"))
                == 0)
        // Overnight Monday → Tuesday 09:00 exactly.
        #expect(
            riyadhSupport.businessSeconds(from: at("2026-11-23T17:00:00+03:00"), to: at("2026-11-24T09:00:00+03:00"))
                == 0)
    }

    @Test("an end before the start, or a calendar without hours, gives zero — لا وقت سالب")
    func degenerate() {
        #expect(
            riyadhSupport.businessSeconds(from: at("2026-11-23T12:00:00+03:00"), to: at("2026-11-23T10:00:00+03:00"))
                == 0)
        let never = BusinessCalendar(timeZone: "Asia/Riyadh", hours: [:])
        #expect(never.businessSeconds(from: at("2026-11-01T00:00:00Z"), to: at("2026-12-01T00:00:00Z")) == 0)
    }

    @Test("always open equals calendar time — دوام كامل")
    func alwaysOpen() {
        let start = at("2026-11-20T13:17:00Z")
        let end = at("2026-12-09T02:05:00Z")
        #expect(BusinessCalendar.alwaysOpen.businessSeconds(from: start, to: end) == end.timeIntervalSince(start))
    }

    @Test("a night shift runs on through midnight — مناوبة ليلية")
    func nightShift() {
        let nightShift = BusinessCalendar(
            timeZone: "Asia/Riyadh", hours: [.thu: [interval("20:00", "24:00")], .fri: [interval("00:00", "02:00")]])
        #expect(
            nightShift.businessSeconds(from: at("2026-11-26T23:00:00+03:00"), to: at("2026-11-27T01:00:00+03:00"))
                == 2 * hour)
        #expect(
            nightShift.businessSeconds(from: at("2026-11-26T00:00:00+03:00"), to: at("2026-11-28T00:00:00+03:00"))
                == 6 * hour)
    }

    /// فريق القاهرة: كل يوم ٩–١٧، ومناوبة ليلية الخميس ٢٠–٢٤ والجمعة ٠٠–٠٢، عبر تغيير الساعة.
    @Test(
        "agrees with isOpen minute by minute across Cairo's clock changes — يطابق isOpen دقيقة بدقيقة",
        arguments: ["2026-04-20T00:00:00+02:00", "2026-10-26T00:00:00+03:00"])
    func agreesWithIsOpen(weekStart: String) {
        let day = [interval("09:00", "17:00")]
        let cairo = BusinessCalendar(
            timeZone: "Africa/Cairo",
            hours: [
                .sun: day, .mon: day, .tue: day, .wed: day, .thu: day + [interval("20:00", "24:00")],
                .fri: [interval("00:00", "02:00")], .sat: day,
            ],
            holidays: ["2026-04-26", "2026-10-27"])
        let start = at(weekStart)
        let minutes = 7 * 24 * 60
        var open = [Bool]()
        open.reserveCapacity(minutes)
        for minute in 0..<minutes { open.append(cairo.isOpen(at: start.addingTimeInterval(Double(minute) * 60))) }
        func counted(_ from: Int, _ to: Int) -> Double { Double(open[from..<to].count { $0 }) * 60 }
        #expect(
            cairo.businessSeconds(from: start, to: start.addingTimeInterval(Double(minutes) * 60))
                == counted(0, minutes))
        // Sub-ranges with ends scattered over the week (a fixed linear congruential walk).
        var seed = 12_345
        for _ in 0..<200 {
            seed = (seed &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
            let from = seed % minutes
            seed = (seed &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
            let to = from + seed % (minutes - from)
            let measured = cairo.businessSeconds(
                from: start.addingTimeInterval(Double(from) * 60), to: start.addingTimeInterval(Double(to) * 60))
            #expect(measured == counted(from, to), "minutes \(from)..<\(to)")
        }
    }
}
