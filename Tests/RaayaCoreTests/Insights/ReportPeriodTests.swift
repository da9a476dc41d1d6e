import Foundation
import Testing
@testable import RaayaCore

private func at(_ text: String) -> Date { InsightsFixture.at(text) }

private func range(_ start: String, _ end: String) -> Range<Date> { at(start)..<at(end) }

private func hours(_ range: Range<Date>?) -> Double? {
    range.map { $0.upperBound.timeIntervalSince($0.lowerBound) / 3600 }
}

/// Reports for a team in Riyadh (UTC+3 all year), weeks from Sunday.
private let riyadh = ReportCalendar(timeZone: InsightsFixture.riyadh)

@Suite("Insights: report periods — فترات التقارير")
struct InsightsPeriodTests {
    // 2026-12-03 is a Thursday; 2026-11-29 and 2026-12-06 are Sundays.

    @Test("a day runs from local midnight to local midnight — اليوم من منتصف الليل")
    func day() {
        // 21:30 UTC on 2 December is already 00:30 on 3 December in Riyadh.
        #expect(
            riyadh.bucket(.day, containing: at("2026-12-02T21:30:00Z"))
                == range("2026-12-03T00:00:00+03:00", "2026-12-04T00:00:00+03:00"))
        // The end is excluded: midnight belongs to the next day.
        #expect(
            riyadh.bucket(.day, containing: at("2026-12-04T00:00:00+03:00"))?.lowerBound
                == at("2026-12-04T00:00:00+03:00"))
    }

    @Test("weeks start on Sunday by default, or on the weekday chosen — الأسبوع يبدأ الأحد")
    func week() {
        let thursday = at("2026-12-03T10:00:00+03:00")
        #expect(
            riyadh.bucket(.week, containing: thursday)
                == range("2026-11-29T00:00:00+03:00", "2026-12-06T00:00:00+03:00"))
        let sunday = at("2026-11-29T00:00:00+03:00")
        #expect(riyadh.bucket(.week, containing: sunday)?.lowerBound == sunday)
        let saturdayLate = at("2026-12-05T23:59:59+03:00")
        #expect(riyadh.bucket(.week, containing: saturdayLate)?.lowerBound == sunday)

        let fromMonday = ReportCalendar(timeZone: InsightsFixture.riyadh, firstWeekday: .mon)
        #expect(
            fromMonday.bucket(.week, containing: thursday)
                == range("2026-11-30T00:00:00+03:00", "2026-12-07T00:00:00+03:00"))
        // A Sunday is the last day of a week from Monday.
        #expect(
            fromMonday.bucket(.week, containing: sunday)?.lowerBound == at("2026-11-23T00:00:00+03:00"))
        let fromSaturday = ReportCalendar(timeZone: InsightsFixture.riyadh, firstWeekday: .sat)
        #expect(
            fromSaturday.bucket(.week, containing: thursday)?.lowerBound == at("2026-11-28T00:00:00+03:00"))
    }

    @Test("fortnights are the 1st–15th and the 16th–end of the month — نصف الشهر")
    func fortnight() {
        #expect(
            riyadh.bucket(.fortnight, containing: at("2026-12-15T23:59:59+03:00"))
                == range("2026-12-01T00:00:00+03:00", "2026-12-16T00:00:00+03:00"))
        #expect(
            riyadh.bucket(.fortnight, containing: at("2026-12-16T00:00:00+03:00"))
                == range("2026-12-16T00:00:00+03:00", "2027-01-01T00:00:00+03:00"))
        // February's second half has 13 days, 14 in a leap year.
        let february = riyadh.bucket(.fortnight, containing: at("2027-02-20T12:00:00+03:00"))
        #expect(february == range("2027-02-16T00:00:00+03:00", "2027-03-01T00:00:00+03:00"))
        let leap = riyadh.bucket(.fortnight, containing: at("2028-02-29T12:00:00+03:00"))
        #expect(hours(leap) == 336)  // 14 days
    }

    @Test("a month runs from the 1st to the 1st — الشهر")
    func month() {
        #expect(
            riyadh.bucket(.month, containing: at("2026-12-31T23:00:00+03:00"))
                == range("2026-12-01T00:00:00+03:00", "2027-01-01T00:00:00+03:00"))
        // 22:00 UTC on 31 January is already 1 February in Riyadh.
        #expect(
            riyadh.bucket(.month, containing: at("2027-01-31T22:00:00Z"))?.lowerBound
                == at("2027-02-01T00:00:00+03:00"))
    }

    @Test("a custom range is one bucket — فترة مخصصة")
    func custom() {
        let ramadan = range("2027-02-08T00:00:00+03:00", "2027-03-10T00:00:00+03:00")
        #expect(riyadh.bucket(.custom(ramadan), containing: at("2027-02-20T12:00:00+03:00")) == ramadan)
        #expect(riyadh.bucket(.custom(ramadan), containing: at("2027-03-10T00:00:00+03:00")) == nil)
        #expect(riyadh.buckets(.custom(ramadan), covering: ramadan) == [ramadan])
        #expect(ReportPeriod.custom(ramadan).name == "custom")
        #expect(ReportPeriod.fortnight.name == "fortnight")
    }

    @Test("days follow the clocks where they change: Cairo's 23- and 25-hour days — تغيير الساعة في القاهرة")
    func clockChanges() {
        let cairo = ReportCalendar(timeZone: InsightsFixture.cairo)
        // Summer time began at midnight on Friday 24 April 2026: the clocks went from 00:00 to 01:00.
        let spring = cairo.bucket(.day, containing: at("2026-04-24T12:00:00+03:00"))
        #expect(spring == range("2026-04-24T01:00:00+03:00", "2026-04-25T00:00:00+03:00"))
        #expect(hours(spring) == 23)
        // It ended at midnight after Thursday 29 October 2026: the clocks went back from 24:00 to 23:00.
        let autumn = cairo.bucket(.day, containing: at("2026-10-29T12:00:00+03:00"))
        #expect(autumn == range("2026-10-29T00:00:00+03:00", "2026-10-30T00:00:00+02:00"))
        #expect(hours(autumn) == 25)
        // The week holding the change still starts and ends at local midnights.
        #expect(
            cairo.bucket(.week, containing: at("2026-10-29T12:00:00+03:00"))
                == range("2026-10-25T00:00:00+03:00", "2026-11-01T00:00:00+02:00"))
    }

    @Test("buckets over a range are cut to it — التقسيم إلى فترات")
    func buckets() {
        let report = range("2026-12-03T00:00:00+03:00", "2026-12-20T00:00:00+03:00")
        #expect(
            riyadh.buckets(.week, covering: report) == [
                range("2026-12-03T00:00:00+03:00", "2026-12-06T00:00:00+03:00"),
                range("2026-12-06T00:00:00+03:00", "2026-12-13T00:00:00+03:00"),
                range("2026-12-13T00:00:00+03:00", "2026-12-20T00:00:00+03:00"),
            ])
        #expect(riyadh.buckets(.day, covering: report).count == 17)
        #expect(
            riyadh.buckets(.fortnight, covering: report) == [
                range("2026-12-03T00:00:00+03:00", "2026-12-16T00:00:00+03:00"),
                range("2026-12-16T00:00:00+03:00", "2026-12-20T00:00:00+03:00"),
            ])
        let quarter = range("2027-01-01T00:00:00+03:00", "2027-04-01T00:00:00+03:00")
        #expect(riyadh.buckets(.month, covering: quarter).count == 3)
        #expect(riyadh.buckets(.fortnight, covering: quarter).count == 6)
        #expect(riyadh.buckets(.day, covering: at("2026-12-03T00:00:00Z")..<at("2026-12-03T00:00:00Z")).isEmpty)
    }

    @Test("the previous period: whole buckets go back bucket by bucket, others by their length — الفترة السابقة")
    func previous() {
        // December is compared with November (30 days), not with the 31 days before it.
        let december = range("2026-12-01T00:00:00+03:00", "2027-01-01T00:00:00+03:00")
        #expect(
            riyadh.previous(.month, before: december) == range("2026-11-01T00:00:00+03:00", "2026-12-01T00:00:00+03:00")
        )
        // Two whole months: the two months before.
        let marchApril = range("2027-03-01T00:00:00+03:00", "2027-05-01T00:00:00+03:00")
        #expect(
            riyadh.previous(.month, before: marchApril)
                == range("2027-01-01T00:00:00+03:00", "2027-03-01T00:00:00+03:00"))
        // The first half of a month is compared with the second half of the month before, of its own length.
        let firstHalf = range("2027-03-01T00:00:00+03:00", "2027-03-16T00:00:00+03:00")
        #expect(
            riyadh.previous(.fortnight, before: firstHalf)
                == range("2027-02-16T00:00:00+03:00", "2027-03-01T00:00:00+03:00"))
        let week = range("2026-11-29T00:00:00+03:00", "2026-12-06T00:00:00+03:00")
        #expect(
            riyadh.previous(.week, before: week) == range("2026-11-22T00:00:00+03:00", "2026-11-29T00:00:00+03:00"))
        // Not whole buckets (3rd to 20th by week), or custom: the same length just before.
        let partial = range("2026-12-03T00:00:00+03:00", "2026-12-20T00:00:00+03:00")
        #expect(
            riyadh.previous(.week, before: partial)
                == range("2026-11-16T00:00:00+03:00", "2026-12-03T00:00:00+03:00"))
        let custom = range("2026-12-03T00:00:00+03:00", "2026-12-10T00:00:00+03:00")
        #expect(
            riyadh.previous(.custom(custom), before: custom)
                == range("2026-11-26T00:00:00+03:00", "2026-12-03T00:00:00+03:00"))
    }

    @Test("an instant's bucket among a range's buckets: starts belong to their bucket, ends and outside instants to none — فترة اللحظة")
    func bucketOfAnInstant() {
        let buckets = riyadh.buckets(.week, covering: range("2026-11-03T00:00:00+03:00", "2026-12-10T00:00:00+03:00"))
        #expect(buckets.count == 6)
        for (index, bucket) in buckets.enumerated() {
            #expect(buckets.index(holding: bucket.lowerBound) == index)
            #expect(buckets.index(holding: bucket.upperBound.addingTimeInterval(-0.001)) == index)
        }
        #expect(buckets.index(holding: at("2026-12-02T21:30:00Z")) == 4, "Thursday 3 December in Riyadh, the week from 29 November")
        #expect(buckets.index(holding: at("2026-11-02T23:59:59+03:00")) == nil)
        #expect(buckets.index(holding: at("2026-12-10T00:00:00+03:00")) == nil)
        // A gap between buckets holds nothing.
        let apart = [range("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"), range("2026-11-05T00:00:00Z", "2026-11-06T00:00:00Z")]
        #expect(apart.index(holding: at("2026-11-03T12:00:00Z")) == nil)
        #expect(apart.index(holding: at("2026-11-05T12:00:00Z")) == 1)
        #expect([Range<Date>]().index(holding: at("2026-11-05T12:00:00Z")) == nil)
    }

    @Test("the grid under a range's buckets: days in Riyadh, hours where a day is 23 hours, and every cell in one bucket — شبكة الفترات")
    func gridUnderBuckets() throws {
        let weeks = riyadh.buckets(.week, covering: range("2026-11-03T10:30:00+03:00", "2026-12-10T00:00:00+03:00"))
        let grid = try #require(weeks.grid)
        #expect(grid.unit == 86_400)
        #expect(grid.origin <= weeks[0].lowerBound && weeks[0].lowerBound.timeIntervalSince(grid.origin) < 86_400)
        #expect(grid.origin == at("2026-11-03T00:00:00+03:00"), "local midnight before the range's start")
        // Every cell from the range's start to its end lies in exactly one bucket.
        var cell = grid.origin
        while cell < weeks[weeks.count - 1].upperBound {
            let end = cell.addingTimeInterval(grid.unit)
            let start = Swift.max(cell, weeks[0].lowerBound)
            #expect(weeks.index(holding: start) == weeks.index(holding: end.addingTimeInterval(-0.000_001)))
            cell = end
        }
        // Cairo moves its clocks: a 25-hour day leaves hours as the coarsest grid.
        let cairo = ReportCalendar(timeZone: try #require(TimeZone(identifier: "Africa/Cairo")))
        let days = cairo.buckets(.day, covering: range("2026-10-27T00:00:00+03:00", "2026-11-03T00:00:00+02:00"))
        #expect(days.grid?.unit == 3_600)
        // India's days (from 18:30 UTC) are whole days apart; a cut at 05:30 needs quarter hours; one bucket is one
        // cell; none, no grid.
        let india = ReportCalendar(timeZone: try #require(TimeZone(identifier: "Asia/Kolkata")))
        #expect(india.buckets(.day, covering: range("2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z")).grid?.unit == 86_400)
        let odd = [range("2026-11-01T00:00:00Z", "2026-11-01T05:30:00Z"), range("2026-11-01T05:30:00Z", "2026-11-02T00:00:00Z"), range("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z")]
        #expect(odd.grid?.unit == 900)
        let one = [range("2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z")]
        #expect(one.grid?.origin == at("2026-11-01T00:00:00Z") && one.grid?.unit == 7 * 86_400)
        #expect([Range<Date>]().grid == nil)
        // Boundaries half a second apart lie on no grid of whole seconds.
        let fraction = Date(timeIntervalSinceReferenceDate: 815_000_000), half = fraction.addingTimeInterval(0.5)
        #expect([at("2026-10-01T00:00:00Z")..<fraction, fraction..<half, half..<at("2026-12-01T00:00:00Z")].grid == nil)
    }
}
