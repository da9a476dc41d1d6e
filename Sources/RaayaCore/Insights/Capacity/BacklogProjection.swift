import Foundation

/// Where an e-mail backlog is heading: from the tickets open now and the daily rates at which tickets arrive
/// and get resolved, the backlog at the end of each of the next days.
///
/// Day `d` ends with `backlog(d) = max(0, backlog(d − 1) + arrivals per day − resolutions per day)`, starting
/// from `backlog(0)`, the tickets unresolved now. The rates are measured over a past range (`measured(…)`):
/// tickets created per day, and resolutions per day (every resolution counts, including each after a reopen).
/// A team resolving fewer than arrive sees the backlog grow by the difference each day; one resolving more
/// drains it, never below zero.
public struct BacklogProjection: Sendable, Equatable {
    public var current: Int
    public var arrivalsPerDay: Double
    public var resolutionsPerDay: Double

    public init(current: Int, arrivalsPerDay: Double, resolutionsPerDay: Double) {
        self.current = current
        self.arrivalsPerDay = arrivalsPerDay
        self.resolutionsPerDay = resolutionsPerDay
    }

    /// The rates of `report`'s tickets over `range` (its length in days of 86,400 s) and the backlog at `now`.
    public static func measured(from report: TicketReport, over range: Range<Date>, now: Date) -> BacklogProjection {
        let days = range.upperBound.timeIntervalSince(range.lowerBound) / 86_400
        guard days > 0 else {
            return BacklogProjection(current: report.backlog(at: now), arrivalsPerDay: 0, resolutionsPerDay: 0)
        }
        var arrivals = 0
        var resolutions = 0
        report.forEach { ticket, resolvedAt in
            if range.contains(ticket.createdAt) { arrivals += 1 }
            resolutions += resolvedAt.count(where: range.contains)
        }
        return BacklogProjection(
            current: report.backlog(at: now), arrivalsPerDay: Double(arrivals) / days,
            resolutionsPerDay: Double(resolutions) / days)
    }

    /// The projected backlog at the end of each of the next `days` days (element 0 is the end of day 1).
    public func next(days: Int) -> [Double] {
        var backlog = Double(current)
        return (0..<max(0, days)).map { _ in
            backlog = max(0, backlog + arrivalsPerDay - resolutionsPerDay)
            return backlog
        }
    }

    /// Whole days until the backlog is empty at this pace: 0 if it is empty now, nil if it never drains.
    public var daysToClear: Int? {
        guard current > 0 else { return 0 }
        let net = resolutionsPerDay - arrivalsPerDay
        guard net > 0 else { return nil }
        return Int((Double(current) / net).rounded(.up))
    }
}
