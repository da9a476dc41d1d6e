import Foundation

/// How a report cuts time into buckets.
///
/// Every bucket is a half-open range of instants `start..<end`: an instant exactly at a bucket's end belongs to
/// the next bucket. Bucket boundaries are local midnights in the report's time zone (see `ReportCalendar`), so a
/// day is 23 or 25 hours long on the days the clocks change.
///
/// - `day`: one local calendar day, midnight to midnight.
/// - `week`: seven local days starting on the report calendar's first weekday (Sunday unless set otherwise).
/// - `fortnight`: half a calendar month. The first half runs from the 1st to the end of the 15th, the second
///   from the 16th to the end of the month, so a month always has exactly two fortnights (of 15 days, and of
///   13 to 16 days) and fortnights never straddle two months.
/// - `month`: one calendar month, from the 1st at midnight to the 1st of the next month.
/// - `custom`: the given range as one bucket.
public enum ReportPeriod: Sendable, Hashable {
    case day
    case week
    case fortnight
    case month
    case custom(Range<Date>)

    /// The API's name for the period: `day`, `week`, `fortnight`, `month` or `custom`.
    public var name: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .fortnight: "fortnight"
        case .month: "month"
        case .custom: "custom"
        }
    }
}

/// The time zone a report's buckets follow and the day its weeks start on.
public struct ReportCalendar: Sendable, Equatable {
    public var timeZone: TimeZone
    /// The first day of a week; Sunday by default, as in most of the Arab world.
    public var firstWeekday: BusinessCalendar.Weekday

    public init(timeZone: TimeZone, firstWeekday: BusinessCalendar.Weekday = .sun) {
        self.timeZone = timeZone
        self.firstWeekday = firstWeekday
    }

    /// The bucket of `period` that holds `instant`; for a custom period, the range itself if it holds `instant`
    /// and nil if not.
    public func bucket(_ period: ReportPeriod, containing instant: Date) -> Range<Date>? {
        let calendar = gregorian
        let today = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
        let (year, month, day) = (today.year ?? 1970, today.month ?? 1, today.day ?? 1)
        switch period {
        case .custom(let range):
            return range.contains(instant) ? range : nil
        case .day:
            return midnight(year, month, day)..<midnight(year, month, day + 1)
        case .week:
            let first = (BusinessCalendar.Weekday.allCases.firstIndex(of: firstWeekday) ?? 0) + 1
            let start = day - ((today.weekday ?? first) - first + 7) % 7
            return midnight(year, month, start)..<midnight(year, month, start + 7)
        case .fortnight:
            if day < 16 { return midnight(year, month, 1)..<midnight(year, month, 16) }
            return midnight(year, month, 16)..<midnight(year, month + 1, 1)
        case .month:
            return midnight(year, month, 1)..<midnight(year, month + 1, 1)
        }
    }

    /// The buckets of `period` that overlap `range`, in order, each cut to `range`: a report from the 3rd to the
    /// 20th by week starts with a partial week and ends with one. Empty if `range` is empty.
    public func buckets(_ period: ReportPeriod, covering range: Range<Date>) -> [Range<Date>] {
        guard !range.isEmpty else { return [] }
        if case .custom(let custom) = period {
            return custom.overlaps(range) ? [custom.clamped(to: range)] : []
        }
        var result: [Range<Date>] = []
        var cursor = range.lowerBound
        while cursor < range.upperBound, let bucket = bucket(period, containing: cursor), bucket.upperBound > cursor {
            result.append(bucket.clamped(to: range))
            cursor = bucket.upperBound
        }
        return result
    }

    /// The range a report over `range` is compared with ("compare with the previous period").
    ///
    /// When `range` is made of whole buckets of `period` (say the month of March, or weeks 3 to 5), the
    /// comparison is the same number of whole buckets just before it (February, or weeks 0 to 2), so months are
    /// compared with months whatever their lengths. Otherwise, and always for a custom period, it is the range of
    /// the same duration ending where `range` starts.
    public func previous(_ period: ReportPeriod, before range: Range<Date>) -> Range<Date> {
        let duration = range.upperBound.timeIntervalSince(range.lowerBound)
        let shifted = range.lowerBound.addingTimeInterval(-duration)..<range.lowerBound
        if case .custom = period { return shifted }
        let whole = buckets(period, covering: range)
        guard let first = whole.first, let last = whole.last,
            bucket(period, containing: first.lowerBound)?.lowerBound == range.lowerBound,
            bucket(period, containing: last.lowerBound)?.upperBound == range.upperBound
        else { return shifted }
        var start = range.lowerBound
        for _ in whole {
            guard let before = bucket(period, containing: start.addingTimeInterval(-1)) else { return shifted }
            start = before.lowerBound
        }
        return start..<range.lowerBound
    }

    // MARK: Local-time arithmetic

    var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The first instant of a local date; `day` and `month` may run past the end of the month or year (the 32nd
    /// of December is the 1st of January) or before its start. Where a time zone skips midnight (Cairo on the
    /// day summer time starts), the first instant of that day.
    private func midnight(_ year: Int, _ month: Int, _ day: Int) -> Date {
        let calendar = gregorian
        // Noon of the month's first day, then whole days and months added by the calendar: noon always exists.
        let firstNoon = calendar.date(from: DateComponents(year: year, month: 1, day: 1, hour: 12))
        let monthNoon = firstNoon.flatMap { calendar.date(byAdding: .month, value: month - 1, to: $0) }
        let dayNoon = monthNoon.flatMap { calendar.date(byAdding: .day, value: day - 1, to: $0) }
        return calendar.startOfDay(for: dayNoon ?? Date(timeIntervalSince1970: 0))
    }
}

extension Array where Element == Range<Date> {
    /// The index of the range that holds `instant`, among ranges in order that do not overlap (a report's buckets);
    /// nil if none does. A binary search.
    public func index(holding instant: Date) -> Int? {
        var low = startIndex
        var high = endIndex
        // The first range that starts after the instant; the one before it is the only one that can hold it.
        while low < high {
            let middle = (low + high) / 2
            if self[middle].lowerBound > instant { high = middle } else { low = middle + 1 }
        }
        guard low > startIndex, self[low - 1].contains(instant) else { return nil }
        return low - 1
    }
}

extension Array where Element == Range<Date> {
    /// A grid of instants `origin + k × unit` (k = 0, 1, …) on which every boundary between these ranges lies, with
    /// its origin at or before the first range's start: the coarsest of a day, an hour, a quarter of an hour, a
    /// minute and a second that fits. Each cell of the grid lies in at most one range (or a gap between two), so
    /// instants counted per cell, then cells per range, are counted per range with far fewer cells than instants.
    /// Nil for no ranges, or boundaries that are not whole seconds apart.
    public var grid: (origin: Date, unit: TimeInterval)? {
        guard let first = first, let last = last else { return nil }
        let boundaries = map(\.upperBound).dropLast() + dropFirst().map(\.lowerBound)
        guard let reference = boundaries.first else {
            // One range: a single cell holds it.
            return (first.lowerBound, Swift.max(1, last.upperBound.timeIntervalSince(first.lowerBound)))
        }
        for unit: TimeInterval in [86_400, 3_600, 900, 60, 1]
        where boundaries.allSatisfy({ $0.timeIntervalSince(reference).truncatingRemainder(dividingBy: unit) == 0 }) {
            let before = (reference.timeIntervalSince(first.lowerBound) / unit).rounded(.up)
            return (reference.addingTimeInterval(-before * unit), unit)
        }
        return nil
    }
}
