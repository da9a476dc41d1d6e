import Foundation

/// What a goal measures, computed by `TicketReport` over the goal's period so far. Times are in seconds.
public enum GoalMetric: String, CaseIterable, Codable, Sendable {
    case firstResponseMedian = "first_response_median"
    case firstResponseP90 = "first_response_p90"
    case firstResponseAverage = "first_response_average"
    /// Creation → first resolution.
    case resolutionMedian = "resolution_median"
    case resolutionP90 = "resolution_p90"
    case resolutionAverage = "resolution_average"
    /// A share from 0 to 1.
    case reopenRate = "reopen_rate"
    /// A share from 0 to 1.
    case firstContactResolution = "first_contact_resolution"
    /// Unresolved tickets at the end of the range.
    case backlog
    /// The average.
    case repliesPerTicket = "replies_per_ticket"

    /// The metric over `range`; nil when there is nothing to measure (no ticket answered yet…).
    public func value(of report: TicketReport, over range: Range<Date>, measure: TimeMeasure = .calendar) -> Double? {
        switch self {
        case .firstResponseMedian: report.firstResponseTime(in: range, measure: measure).median
        case .firstResponseP90: report.firstResponseTime(in: range, measure: measure).p90
        case .firstResponseAverage: report.firstResponseTime(in: range, measure: measure).average
        case .resolutionMedian: report.resolutionTime(in: range, measure: measure).first.median
        case .resolutionP90: report.resolutionTime(in: range, measure: measure).first.p90
        case .resolutionAverage: report.resolutionTime(in: range, measure: measure).first.average
        case .reopenRate: report.reopenRate(in: range).value
        case .firstContactResolution: report.firstContactResolution(in: range).value
        case .backlog: Double(report.backlog(at: range.upperBound))
        case .repliesPerTicket: report.repliesPerTicket(in: range).average
        }
    }
}

/// A goal's status on the dashboard.
public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case missed
    case achieved
}

/// A SMART goal: a metric, a target it should stay at most or at least at, the tickets it covers (a team, a
/// channel), and the period from `start` to `deadline` it is measured over, such as "median first response on
/// email at most 2 h from 1 January to 1 April".
public struct Goal: Sendable, Equatable {
    public enum Direction: String, Codable, Sendable {
        /// The value must not exceed the target (response times, reopen rate, backlog).
        case atMost = "at_most"
        /// The value must reach the target (first-contact resolution).
        case atLeast = "at_least"
    }

    /// The tickets a goal covers; nil covers all.
    public struct Scope: Sendable, Equatable {
        public var groupID: Int?
        public var channel: Channel?

        public init(groupID: Int? = nil, channel: Channel? = nil) {
            self.groupID = groupID
            self.channel = channel
        }

        public var filter: ReportFilter {
            ReportFilter(channels: channel.map { [$0] } ?? [], groups: groupID.map { [$0] } ?? [])
        }
    }

    public var metric: GoalMetric
    public var direction: Direction
    public var target: Double
    public var scope: Scope
    public var start: Date
    public var deadline: Date

    /// From this share of the period on, a goal off target and not heading back to it shows as missed.
    public static let lateShare = 0.8
    /// How far back the trend looks: the value now against the value this long ago.
    public static let trendLookback: TimeInterval = 7 * 86_400

    public init(
        metric: GoalMetric, direction: Direction, target: Double, scope: Scope = Scope(), start: Date, deadline: Date
    ) {
        self.metric = metric
        self.direction = direction
        self.target = target
        self.scope = scope
        self.start = start
        self.deadline = deadline
    }

    public func isMet(by value: Double) -> Bool {
        switch direction {
        case .atMost: value <= target
        case .atLeast: value >= target
        }
    }

    /// How much of the period has passed at `now`, from 0 (at or before `start`) to 1 (at or after `deadline`).
    public func elapsedShare(at now: Date) -> Double {
        let length = deadline.timeIntervalSince(start)
        guard length > 0 else { return now >= deadline ? 1 : 0 }
        return min(1, max(0, now.timeIntervalSince(start) / length))
    }

    /// The goal's status from the value so far, the trend (change of the value per day) and the time.
    ///
    /// - At or after the deadline: **achieved** if the value over the whole period meets the target, otherwise
    ///   (or with nothing measured) **missed**.
    /// - Before it, with nothing measured yet: **on track**.
    /// - Before it, the value projected to the deadline is the current value plus the trend times the days
    ///   left (the current value when the trend is unknown):
    ///   - current and projected values both meet the target: **on track**;
    ///   - only one of them meets it (slipping, or recovering): **at risk**;
    ///   - neither does: **at risk** until `lateShare` (80 %) of the period has passed, **missed** after.
    public func status(value: Double?, trendPerDay: Double?, at now: Date) -> GoalStatus {
        if now >= deadline {
            guard let value else { return .missed }
            return isMet(by: value) ? .achieved : .missed
        }
        guard let value else { return .onTrack }
        let daysLeft = deadline.timeIntervalSince(now) / 86_400
        let projected = value + (trendPerDay ?? 0) * daysLeft
        switch (isMet(by: value), isMet(by: projected)) {
        case (true, true): return .onTrack
        case (true, false), (false, true): return .atRisk
        case (false, false): return elapsedShare(at: now) >= Self.lateShare ? .missed : .atRisk
        }
    }

    /// The goal measured on `tickets` at `now`: the value over `start..<now` (the whole period once the deadline
    /// has passed) for the tickets in scope, the trend as the change from the value over `start..<now − 7 days`
    /// divided by 7 (unknown in the first 7 days, or when either value is missing), and the status from both.
    public func progress(of tickets: [TicketFacts], at now: Date, measure: TimeMeasure = .calendar) -> GoalProgress {
        let report = TicketReport(tickets, filter: scope.filter)
        let end = min(max(now, start), deadline)
        let value = metric.value(of: report, over: start..<end, measure: measure)
        var trend: Double?
        let earlier = end.addingTimeInterval(-Self.trendLookback)
        if earlier > start, let value, let before = metric.value(of: report, over: start..<earlier, measure: measure) {
            trend = (value - before) / (Self.trendLookback / 86_400)
        }
        return GoalProgress(
            value: value, trendPerDay: trend, elapsedShare: elapsedShare(at: now),
            status: status(value: value, trendPerDay: trend, at: now))
    }
}

/// A goal's progress at one instant.
public struct GoalProgress: Sendable, Equatable {
    public var value: Double?
    public var trendPerDay: Double?
    public var elapsedShare: Double
    public var status: GoalStatus
}
