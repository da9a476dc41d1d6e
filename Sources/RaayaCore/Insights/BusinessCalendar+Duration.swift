import Foundation

extension BusinessCalendar {
    /// Business time between two instants: the seconds in `start..<end` during which the calendar is open, that is
    /// the time `isOpen(at:)` answers true for. Zero if `end` is not after `start`.
    ///
    /// A reply sent on Thursday at 16:00 to a message received at 16:30 the Sunday before, with hours
    /// Sunday–Thursday 09:00–17:00, took 30 min + 3 × 8 h + 7 h = 31.5 business hours. Holidays count as closed.
    /// On a day the clocks change the count follows the real instants: an hour the clocks skip is never open,
    /// an hour they repeat is open twice if its wall-clock time is open.
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        BusinessClock(self).seconds(from: start, to: end)
    }
}

/// A business calendar read once for many measurements (a report measures every ticket with the same one).
struct BusinessClock: Sendable {
    let zone: TimeZone
    private let week: OpenWeek

    init(_ calendar: BusinessCalendar) {
        zone = TimeZone(identifier: calendar.timeZone) ?? .gmt
        week = OpenWeek(calendar)
    }

    /// `BusinessCalendar.businessSeconds(from:to:)`.
    func seconds(from start: Date, to end: Date) -> TimeInterval {
        guard start < end, week.days.contains(where: { !$0.isEmpty }) else { return 0 }
        // Cut the range where the zone's offset to UTC changes; within a piece, local wall-clock time is the
        // instant plus a fixed offset, so open time is the overlap of wall-clock ranges with the open hours.
        var total = 0.0
        var pieceStart = start
        while pieceStart < end {
            var pieceEnd = end
            if let transition = zone.nextDaylightSavingTimeTransition(after: pieceStart), transition > pieceStart {
                pieceEnd = min(end, transition)
            }
            let offset = Double(zone.secondsFromGMT(for: pieceStart))
            total += week.openSeconds(
                wallClockFrom: pieceStart.timeIntervalSince1970 + offset,
                to: pieceEnd.timeIntervalSince1970 + offset)
            pieceStart = pieceEnd
        }
        return total
    }
}

/// A calendar's open hours as seconds of the day for each weekday, and its holidays, read for arithmetic on
/// wall-clock time held as seconds since 1970-01-01 00:00 local (every local day 86,400 seconds long).
private struct OpenWeek: Sendable {
    /// Index 0 is Sunday.
    let days: [[Range<Double>]]
    let holidays: Set<String>

    init(_ calendar: BusinessCalendar) {
        days = BusinessCalendar.Weekday.allCases.map { weekday in
            (calendar.hours[weekday] ?? []).compactMap { interval in
                guard let start = BusinessCalendar.minuteOfDay(interval.start),
                    let end = BusinessCalendar.minuteOfDay(interval.end), start < end
                else { return nil }
                return Double(start * 60)..<Double(end * 60)
            }
        }
        holidays = Set(calendar.holidays.compactMap(BusinessCalendar.localDate))
    }

    func openSeconds(wallClockFrom start: Double, to end: Double) -> Double {
        guard start < end else { return 0 }
        var total = 0.0
        let firstDay = Int64((start / 86_400).rounded(.down))
        let lastDay = Int64((end / 86_400).rounded(.up))
        for dayNumber in firstDay..<max(firstDay + 1, lastDay) {
            let dayStart = Double(dayNumber) * 86_400
            // 1970-01-01 was a Thursday, index 4 counting from Sunday.
            let weekday = Int(((dayNumber + 4) % 7 + 7) % 7)
            guard !days[weekday].isEmpty else { continue }
            let (year, month, day) = RFC3339.civilDate(daysSince1970: dayNumber)
            if holidays.contains(BusinessCalendar.dateKey(year: Int(year), month: Int(month), day: Int(day))) {
                continue
            }
            for open in days[weekday] {
                let from = max(start, dayStart + open.lowerBound)
                let to = min(end, dayStart + open.upperBound)
                if from < to { total += to - from }
            }
        }
        return total
    }
}
