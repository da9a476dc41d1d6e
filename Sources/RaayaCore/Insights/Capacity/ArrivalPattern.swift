import Foundation

/// When tickets arrive across the week: counts by local weekday and hour, a 7 × 24 matrix whose rows run from
/// Sunday (row 0) to Saturday (row 6) and whose columns are the hours 00–23 in the report's time zone.
///
/// `averagePerHour` divides each cell's count by how many times that hour of the week occurred in the measured
/// range, which gives the expected arrivals in, say, a Monday 10:00–11:00: the arrival rate Erlang C needs.
public struct ArrivalPattern: Sendable, Equatable {
    /// `counts[weekday][hour]`, weekday 0 is Sunday.
    public var counts: [[Int]]
    /// How many times each hour of the week occurred in the measured range, same layout.
    public var occurrences: [[Int]]

    /// Arrivals of the instants in `range` (others are ignored), by local hour of week in `timeZone`.
    /// An hour of the week occurs once per full hour of the range that starts in it, so the hour the clocks
    /// skip occurs once less and the hour they repeat once more.
    public init(arrivals: [Date], in range: Range<Date>, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func cell(_ instant: Date) -> (Int, Int) {
            let parts = calendar.dateComponents([.weekday, .hour], from: instant)
            return ((parts.weekday ?? 1) - 1, parts.hour ?? 0)
        }
        var counts = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        for instant in arrivals where range.contains(instant) {
            let (weekday, hour) = cell(instant)
            counts[weekday][hour] += 1
        }
        var occurrences = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        // Real hours from the first whole local hour of the range: each local hour start is visited once.
        var hour = range.lowerBound
        if let start = calendar.dateInterval(of: .hour, for: hour)?.start, start < hour {
            hour = start.addingTimeInterval(3600)
        }
        while hour.addingTimeInterval(3600) <= range.upperBound {
            let (weekday, hourOfDay) = cell(hour)
            occurrences[weekday][hourOfDay] += 1
            hour = hour.addingTimeInterval(3600)
        }
        self.counts = counts
        self.occurrences = occurrences
    }

    /// Mean arrivals in one occurrence of each hour of the week; 0 where the hour never occurred.
    public var averagePerHour: [[Double]] {
        zip(counts, occurrences).map { row, seen in
            zip(row, seen).map { count, times in times == 0 ? 0 : Double(count) / Double(times) }
        }
    }

    /// The arrivals of `report`'s tickets created in `range`.
    public init(_ report: TicketReport, in range: Range<Date>, timeZone: TimeZone) {
        var arrivals: [Date] = []
        report.forEach { ticket, _ in arrivals.append(ticket.createdAt) }
        self.init(arrivals: arrivals, in: range, timeZone: timeZone)
    }
}
