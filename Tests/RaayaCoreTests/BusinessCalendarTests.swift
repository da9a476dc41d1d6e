import Foundation
import Testing
@testable import RaayaCore

/// An instant written with its UTC offset, read independently of the calendar under test.
private func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("not an instant: \(text)") }
    return date
}

private func interval(_ start: String, _ end: String) -> BusinessCalendar.Interval {
    BusinessCalendar.Interval(start: start, end: end)
}

/// فريق الدعم في الرياض: الأحد إلى الخميس ٩ صباحًا إلى ٥ مساءً، وإجازة يوم الأربعاء ٢ ديسمبر ٢٠٢٦.
private let riyadhSupport = BusinessCalendar(
    timeZone: "Asia/Riyadh",
    hours: [
        .sun: [interval("09:00", "17:00")], .mon: [interval("09:00", "17:00")], .tue: [interval("09:00", "17:00")],
        .wed: [interval("09:00", "17:00")], .thu: [interval("09:00", "17:00")],
    ],
    holidays: ["2026-12-02"]
)

@Suite("Business calendar: open hours — ساعات العمل")
struct BusinessCalendarTests {
    // 2026-11-22 is a Sunday; 2026-11-27 a Friday; 2026-12-02 (the holiday) a Wednesday.

    @Test("open on Sunday at 10:00 in Riyadh — مفتوح الأحد الساعة العاشرة")
    func openSunday() {
        #expect(riyadhSupport.isOpen(at: instant("2026-11-22T10:00:00+03:00")))
        // Riyadh is three hours ahead of UTC all year: 06:00 UTC is 09:00 there.
        #expect(riyadhSupport.isOpen(at: instant("2026-11-22T06:00:00Z")))
        #expect(!riyadhSupport.isOpen(at: instant("2026-11-22T05:59:59Z")))
    }

    @Test("closed on Friday and Saturday — مغلق الجمعة والسبت")
    func closedWeekend() {
        #expect(!riyadhSupport.isOpen(at: instant("2026-11-27T10:00:00+03:00")))
        #expect(!riyadhSupport.isOpen(at: instant("2026-11-28T12:00:00+03:00")))
    }

    @Test("09:00 is open and 17:00 is closed — البداية داخلة والنهاية خارجة")
    func boundaries() {
        #expect(riyadhSupport.isOpen(at: instant("2026-11-23T09:00:00+03:00")))
        #expect(!riyadhSupport.isOpen(at: instant("2026-11-23T08:59:59.999+03:00")))
        #expect(riyadhSupport.isOpen(at: instant("2026-11-23T16:59:59.999+03:00")))
        #expect(!riyadhSupport.isOpen(at: instant("2026-11-23T17:00:00+03:00")))
    }

    @Test("closed all day on a holiday — مغلق يوم الإجازة")
    func holiday() {
        #expect(!riyadhSupport.isOpen(at: instant("2026-12-02T10:00:00+03:00")))
        #expect(riyadhSupport.isOpen(at: instant("2026-12-01T10:00:00+03:00")))
        #expect(riyadhSupport.isOpen(at: instant("2026-12-03T10:00:00+03:00")))
        // The holiday is a Riyadh date: 23:30 UTC on 1 December is already 2 December in Riyadh.
        var late = riyadhSupport
        late.hours[.tue] = [interval("00:00", "24:00")]
        late.hours[.wed] = [interval("00:00", "24:00")]
        #expect(late.isOpen(at: instant("2026-12-01T20:59:00Z")))
        #expect(!late.isOpen(at: instant("2026-12-01T21:00:00Z")))
    }

    @Test("after Thursday 18:00 the next opening is Sunday 09:00 — الدوام القادم صباح الأحد")
    func nextOpeningOverWeekend() {
        #expect(
            riyadhSupport.nextOpening(after: instant("2026-11-26T18:00:00+03:00"))
                == instant("2026-11-29T09:00:00+03:00"))
        #expect(
            riyadhSupport.nextOpening(after: instant("2026-11-27T08:00:00+03:00"))
                == instant("2026-11-29T09:00:00+03:00"))
        // Early the same morning: today at 09:00.
        #expect(
            riyadhSupport.nextOpening(after: instant("2026-11-24T03:10:00+03:00"))
                == instant("2026-11-24T09:00:00+03:00"))
    }

    @Test("when open, the next opening is now — مفتوح الآن")
    func nextOpeningWhenOpen() {
        let now = instant("2026-11-24T11:22:33.5+03:00")
        #expect(riyadhSupport.nextOpening(after: now) == now)
    }

    @Test("the next opening skips a holiday — تخطي يوم الإجازة")
    func nextOpeningSkipsHoliday() {
        #expect(
            riyadhSupport.nextOpening(after: instant("2026-12-01T17:00:00+03:00"))
                == instant("2026-12-03T09:00:00+03:00"))
        #expect(
            riyadhSupport.nextOpening(after: instant("2026-12-02T08:00:00+03:00"))
                == instant("2026-12-03T09:00:00+03:00"))
    }

    @Test("a lunch break: at 12:30 the next opening is 13:00 — استراحة الغداء")
    func splitDay() {
        var calendar = riyadhSupport
        calendar.hours[.mon] = [interval("09:00", "12:00"), interval("13:00", "17:00")]
        #expect(calendar.isOpen(at: instant("2026-11-23T11:59:00+03:00")))
        #expect(!calendar.isOpen(at: instant("2026-11-23T12:30:00+03:00")))
        #expect(
            calendar.nextOpening(after: instant("2026-11-23T12:30:00+03:00"))
                == instant("2026-11-23T13:00:00+03:00"))
        #expect(
            calendar.nextOpening(after: instant("2026-11-23T17:30:00+03:00"))
                == instant("2026-11-24T09:00:00+03:00"))
    }

    @Test("a night shift ending at 24:00 runs on into the next day — مناوبة ليلية")
    func midnight() {
        let nightShift = BusinessCalendar(
            timeZone: "Asia/Riyadh",
            hours: [.thu: [interval("20:00", "24:00")], .fri: [interval("00:00", "02:00")]]
        )
        #expect(nightShift.isOpen(at: instant("2026-11-26T23:59:59.999+03:00")))
        #expect(nightShift.isOpen(at: instant("2026-11-27T00:00:00+03:00")))
        #expect(!nightShift.isOpen(at: instant("2026-11-27T02:00:00+03:00")))
        #expect(!nightShift.isOpen(at: instant("2026-11-26T19:59:59+03:00")))
        // Open every minute from Thursday 20:00 until Friday 02:00, without a break at midnight.
        let start = instant("2026-11-26T20:00:00+03:00")
        for minute in 0..<360 {
            let moment = start.addingTimeInterval(Double(minute) * 60 + 30)
            #expect(nightShift.isOpen(at: moment))
            #expect(nightShift.nextOpening(after: moment) == moment)
        }
        #expect(
            nightShift.nextOpening(after: instant("2026-11-27T02:00:00+03:00"))
                == instant("2026-12-03T20:00:00+03:00"))
    }

    @Test("always open is open at any instant — مفتوح دائمًا")
    func alwaysOpen() {
        let calendar = BusinessCalendar.alwaysOpen
        #expect(calendar.hours.count == 7 && calendar.holidays.isEmpty && calendar.timeZone == "UTC")
        for step in stride(from: -400_000_000.0, through: 4_000_000_000, by: 7_777_777.7) {
            let moment = Date(timeIntervalSince1970: step)
            #expect(calendar.isOpen(at: moment))
            #expect(calendar.nextOpening(after: moment) == moment)
        }
        #expect(calendar.isOpen(at: instant("2026-12-31T23:59:59.999Z")))
    }

    @Test("no hours never opens; holidays on every working day for 400 days neither — لا دوام")
    func neverOpens() {
        let closed = BusinessCalendar(timeZone: "Asia/Riyadh", hours: [:])
        #expect(!closed.isOpen(at: instant("2026-11-22T10:00:00+03:00")))
        #expect(closed.nextOpening(after: instant("2026-11-22T10:00:00+03:00")) == nil)

        // Open Fridays only (يوم الجمعة), 2026-01-02 being the first Friday of 2026.
        func fridays(_ count: Int) -> [String] {
            (0..<count).map { week in
                let date = instant("2026-01-02T12:00:00Z").addingTimeInterval(Double(week) * 7 * 86_400)
                return String(ISO8601DateFormatter().string(from: date).prefix(10))
            }
        }
        var fridaysOnly = BusinessCalendar(timeZone: "Asia/Riyadh", hours: [.fri: [interval("10:00", "11:00")]])
        fridaysOnly.holidays = fridays(60)
        #expect(fridaysOnly.nextOpening(after: instant("2026-01-01T00:00:00+03:00")) == nil)
        fridaysOnly.holidays = fridays(50)
        #expect(
            fridaysOnly.nextOpening(after: instant("2026-01-01T00:00:00+03:00"))
                == instant("2026-12-18T10:00:00+03:00"))
    }
}

@Suite("Business calendar: clock changes — تغيير التوقيت")
struct BusinessCalendarDaylightSavingTests {
    /// London team (فريق لندن), Sundays 09:00–17:00; the clocks go forward on 2026-03-29 and back on 2026-10-25.
    let london = BusinessCalendar(timeZone: "Europe/London", hours: [.sun: [interval("09:00", "17:00")]])

    @Test("on the Sunday the clocks go forward, 09:00 is 08:00 UTC — بداية التوقيت الصيفي")
    func springForward() {
        #expect(!london.isOpen(at: instant("2026-03-29T07:59:59Z")))
        #expect(london.isOpen(at: instant("2026-03-29T08:00:00Z")))
        #expect(london.isOpen(at: instant("2026-03-29T15:59:59Z")))
        #expect(!london.isOpen(at: instant("2026-03-29T16:00:00Z")))
        #expect(london.nextOpening(after: instant("2026-03-28T12:00:00Z")) == instant("2026-03-29T08:00:00Z"))
        // The Sunday before was still winter time.
        #expect(london.nextOpening(after: instant("2026-03-21T12:00:00Z")) == instant("2026-03-22T09:00:00Z"))
    }

    @Test("on the Sunday the clocks go back, 09:00 is 09:00 UTC — نهاية التوقيت الصيفي")
    func fallBack() {
        #expect(!london.isOpen(at: instant("2026-10-25T08:30:00Z")))
        #expect(london.isOpen(at: instant("2026-10-25T09:00:00Z")))
        #expect(!london.isOpen(at: instant("2026-10-25T17:00:00Z")))
        #expect(london.nextOpening(after: instant("2026-10-24T12:00:00Z")) == instant("2026-10-25T09:00:00Z"))
    }

    @Test("a shift starting in the skipped hour starts when the clocks jump — ساعة محذوفة")
    func skippedHour() {
        // 01:30 does not happen on 2026-03-29: at 01:00 UTC the clocks go from 01:00 to 02:00.
        let earlyShift = BusinessCalendar(timeZone: "Europe/London", hours: [.sun: [interval("01:30", "03:00")]])
        #expect(!earlyShift.isOpen(at: instant("2026-03-29T00:59:59Z")))
        #expect(earlyShift.isOpen(at: instant("2026-03-29T01:00:00Z")))
        #expect(earlyShift.nextOpening(after: instant("2026-03-28T12:00:00Z")) == instant("2026-03-29T01:00:00Z"))
        // A shift wholly inside the skipped hour does not happen that day.
        let lostShift = BusinessCalendar(timeZone: "Europe/London", hours: [.sun: [interval("01:10", "01:50")]])
        #expect(lostShift.nextOpening(after: instant("2026-03-28T12:00:00Z")) == instant("2026-04-05T00:10:00Z"))
    }

    @Test("a shift in the repeated hour opens twice — ساعة مكررة")
    func repeatedHour() {
        // 01:00–01:30 happens at 00:00 UTC (summer time) and again at 01:00 UTC (winter time) on 2026-10-25.
        let shortShift = BusinessCalendar(timeZone: "Europe/London", hours: [.sun: [interval("01:00", "01:30")]])
        #expect(shortShift.nextOpening(after: instant("2026-10-24T12:00:00Z")) == instant("2026-10-25T00:00:00Z"))
        #expect(!shortShift.isOpen(at: instant("2026-10-25T00:45:00Z")))
        #expect(shortShift.nextOpening(after: instant("2026-10-25T00:45:00Z")) == instant("2026-10-25T01:00:00Z"))
        #expect(shortShift.isOpen(at: instant("2026-10-25T01:29:00Z")))
        #expect(!shortShift.isOpen(at: instant("2026-10-25T01:30:00Z")))
    }
}

@Suite("Business calendar: JSON and validation — التحقق")
struct BusinessCalendarValidationTests {
    @Test("JSON keeps the documented shape and round-trips — حفظ واسترجاع")
    func codable() throws {
        let calendar = BusinessCalendar(
            timeZone: "Asia/Riyadh", hours: [.sun: [interval("09:00", "17:00")]], holidays: ["2026-12-02"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(calendar), as: UTF8.self)
        #expect(
            json
                == #"{"holidays":["2026-12-02"],"hours":{"sun":[{"end":"17:00","start":"09:00"}]},"time_zone":"Asia/Riyadh"}"#
        )
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8)) == calendar)
        #expect(
            try JSONDecoder().decode(BusinessCalendar.self, from: try encoder.encode(riyadhSupport)) == riyadhSupport)
        #expect(
            try JSONDecoder().decode(BusinessCalendar.self, from: try encoder.encode(BusinessCalendar.alwaysOpen))
                == .alwaysOpen)
    }

    @Test("decoding reads Arabic-Indic digits and refuses a bad calendar — أرقام عربية")
    func decoding() throws {
        let arabic =
            #"{"time_zone":"Asia/Riyadh","hours":{"thu":[{"start":"١٣:٠٠","end":"١٧:٠٠"},{"start":"٠٩:٠٠","end":"١٢:٠٠"}]},"holidays":["٢٠٢٦-١٢-٠٢"]}"#
        let calendar = try JSONDecoder().decode(BusinessCalendar.self, from: Data(arabic.utf8))
        #expect(calendar.hours == [.thu: [interval("09:00", "12:00"), interval("13:00", "17:00")]])
        #expect(calendar.holidays == ["2026-12-02"])
        let unknownDay = #"{"time_zone":"Asia/Riyadh","hours":{"الجمعة":[{"start":"09:00","end":"17:00"}]}}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BusinessCalendar.self, from: Data(unknownDay.utf8))
        }
    }

    @Test("a valid calendar is normalised — تقويم صحيح")
    func validCalendar() throws {
        let calendar = try BusinessCalendar.validated(
            timeZone: " Asia/Riyadh ",
            hours: [
                "sun": [interval("١٣:٠٠", "٢٤:٠٠"), interval("۰۹:۰۰", "12:00")],
                "fri": [],
            ],
            holidays: ["2026-12-02", "٢٠٢٦-٠٩-٢٣", "2026-12-02", "2028-02-29"],
            field: "calendar"
        )
        #expect(calendar.timeZone == "Asia/Riyadh")
        #expect(calendar.hours == [.sun: [interval("09:00", "12:00"), interval("13:00", "24:00")]])
        #expect(calendar.holidays == ["2026-09-23", "2026-12-02", "2028-02-29"])
        let empty = try BusinessCalendar.validated(timeZone: "UTC", hours: nil, holidays: nil, field: "calendar")
        #expect(empty.hours.isEmpty && empty.holidays.isEmpty)
        // Adjacent intervals touch without overlapping.
        let adjacent = try BusinessCalendar.validated(
            timeZone: "UTC", hours: ["mon": [interval("09:00", "12:00"), interval("12:00", "17:00")]], holidays: [],
            field: "calendar")
        #expect(adjacent.hours[.mon]?.count == 2)
    }

    @Test("every wrong field is named — كل خطأ باسم حقله")
    func fieldErrors() {
        do {
            _ = try BusinessCalendar.validated(
                timeZone: "Asia/الرياض",
                hours: [
                    "sun": [interval("9:00", "17:00"), interval("10:00", "24:30")],
                    "mon": [interval("17:00", "09:00"), interval("12:60", "13:00")],
                    "tue": [interval("08:00", "18:00"), interval("09:00", "10:00"), interval("11:00", "12:00")],
                    "wed": Array(repeating: interval("09:00", "10:00"), count: 5),
                    "thu": [interval("24:00", "24:00")],
                    "الخميس": [interval("09:00", "17:00")],
                ],
                holidays: ["2026-02-29", "2026-13-01", "إجازة", "2026-12-02"],
                field: "calendar"
            )
            Issue.record("an invalid calendar was accepted")
        } catch {
            guard case .invalid(let errors) = error else {
                Issue.record("expected invalid, got \(error)")
                return
            }
            #expect(
                errors.map(\.field) == [
                    "calendar.time_zone",
                    "calendar.hours.sun[0].start", "calendar.hours.sun[1].end",
                    "calendar.hours.mon[0].end", "calendar.hours.mon[1].start",
                    "calendar.hours.tue[1]", "calendar.hours.tue[2]",
                    "calendar.hours.wed",
                    "calendar.hours.thu[0].end",
                    "calendar.hours.الخميس",
                    "calendar.holidays[0]", "calendar.holidays[1]", "calendar.holidays[2]",
                ])
            #expect(errors.first { $0.field == "calendar.hours.tue[2]" }?.reason == "overlaps calendar.hours.tue[0]")
            #expect(errors.first { $0.field == "calendar.hours.mon[0].end" }?.reason == "must be after start")
        }
    }

    @Test("a missing time zone and too many holidays — حدود")
    func limits() {
        var validation = Validation()
        let holidays = Array(repeating: "2026-12-02", count: BusinessCalendar.maxHolidays + 1)
        let calendar = validation.businessCalendar(
            timeZone: "  ", hours: [:], holidays: holidays, field: "chat.calendar")
        #expect(calendar == nil)
        #expect(
            validation.errors == [
                FieldError("chat.calendar.time_zone", "is required"),
                FieldError("chat.calendar.holidays", "must have at most 366 dates"),
            ])
        #expect(throws: DomainError.self) { try validation.check() }

        var fine = Validation()
        let exactly = fine.businessCalendar(
            timeZone: "Europe/London", hours: ["sat": [interval("10:00", "11:00")]],
            holidays: Array(repeating: "2026-12-25", count: BusinessCalendar.maxHolidays), field: "")
        #expect(fine.errors.isEmpty)
        #expect(exactly?.holidays == ["2026-12-25"])
    }

    @Test(
        "times in ASCII and Arabic-Indic digits — أوقات",
        arguments: [
            ("00:00", 0), ("24:00", 1440), ("23:59", 1439), ("٠٩:٣٠", 570), ("۱۷:۰۰", 1020),
        ])
    func times(raw: String, minutes: Int) {
        #expect(BusinessCalendar.minuteOfDay(raw) == minutes)
    }

    @Test("not times — ليست أوقاتًا", arguments: ["9:00", "24:01", "25:00", "12:60", "12-00", "ظهرًا", "", "12:000"])
    func notTimes(raw: String) {
        #expect(BusinessCalendar.minuteOfDay(raw) == nil)
    }

    @Test(
        "not dates — ليست تواريخ",
        arguments: ["2026-02-29", "2100-02-29", "0000-01-01", "2026-00-10", "2026-1-01", "٢٠٢٦/١٢/٠٢"])
    func notDates(raw: String) {
        #expect(BusinessCalendar.localDate(raw) == nil)
    }

    @Test("real dates, leap days included — تواريخ صحيحة")
    func dates() {
        #expect(BusinessCalendar.localDate("٢٠٢٨-٠٢-٢٩") == "2028-02-29")
        #expect(BusinessCalendar.localDate("2000-02-29") == "2000-02-29")
        #expect(BusinessCalendar.localDate(" 2026-12-31 ") == "2026-12-31")
    }
}
