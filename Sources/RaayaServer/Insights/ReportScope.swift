import Foundation
import RaayaCore

/// The names the API and the pages give the report periods (`period=`).
enum ReportPeriodName: String, CaseIterable, Sendable {
    case day, week, fortnight, month, custom

    func period(_ range: Range<Date>) -> ReportPeriod {
        switch self {
        case .day: .day
        case .week: .week
        case .fortnight: .fortnight
        case .month: .month
        case .custom: .custom(range)
        }
    }
}

/// What every report reads from its query: the time range (`from`, `to`, `time_zone`), how it is cut into
/// buckets (`period`), and which tickets count (`channel`, `group_id`, `agent_id`, `tag`, `priority`,
/// `organization_id`, each one value or several separated by commas).
///
/// `from` and `to` are dates (`2026-12-01`, midnight in the time zone) or RFC 3339 instants. Without `to`, the
/// range ends now; without `from`, it starts 30 days before `to`. A range is at most three years long.
struct ReportScope: Sendable {
    var range: Range<Date>
    var periodName: ReportPeriodName
    var calendar: ReportCalendar
    var filter: ReportFilter

    static let longestRange: TimeInterval = 3 * 366 * 86_400

    var period: ReportPeriod { periodName.period(range) }
    var buckets: [Range<Date>] { calendar.buckets(period, covering: range) }
    /// The range just before, as long as this one, for comparisons.
    var previousRange: Range<Date> {
        let length = range.upperBound.timeIntervalSince(range.lowerBound)
        return range.lowerBound.addingTimeInterval(-length)..<range.lowerBound
    }

    init(range: Range<Date>, periodName: ReportPeriodName, calendar: ReportCalendar, filter: ReportFilter) {
        self.range = range
        self.periodName = periodName
        self.calendar = calendar
        self.filter = filter
    }

    /// - Parameter inclusiveTo: whether a `to` written as a day includes that day (the pages' date pickers).
    init(_ parameters: QueryParameters, now: Date, inclusiveTo: Bool = false) throws {
        let zone = try parameters.timeZone()
        var to = try parameters.instant("to", timeZone: zone) ?? now.addingTimeInterval(0.001)
        if inclusiveTo, let raw = parameters.string("to"), !raw.contains("T") { to = to.addingTimeInterval(86_400) }
        let from = try parameters.instant("from", timeZone: zone) ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to else { throw DomainError.invalid("from", "must be before to") }
        guard to.timeIntervalSince(from) <= Self.longestRange else { throw DomainError.invalid("from", "the range is at most 3 years") }
        range = from..<to
        periodName = try parameters.value("period", as: ReportPeriodName.self) ?? .week
        calendar = ReportCalendar(timeZone: zone)
        func list<T>(_ name: String, _ read: (String) -> T?, _ expected: String) throws -> Set<T> {
            guard let raw = parameters.string(name) else { return [] }
            return Set(try raw.split(separator: ",").map { item in
                guard let value = read(String(item).trimmingWhitespace()) else { throw DomainError.invalid(name, expected) }
                return value
            })
        }
        let ids = "must be whole numbers separated by commas"
        filter = ReportFilter(
            channels: try list("channel", Channel.init(rawValue:), "must be among \(Channel.allCases.map(\.rawValue).joined(separator: ", "))"),
            groups: try list("group_id", Identity.wholeNumber, ids),
            agents: try list("agent_id", Identity.wholeNumber, ids),
            tags: try list("tag", { $0.isEmpty ? nil : Tags.normalize($0) }, "must not be empty"),
            priorities: try list(
                "priority", TicketPriority.init(rawValue:), "must be among \(TicketPriority.allCases.map(\.rawValue).joined(separator: ", "))"),
            organizations: try list("organization_id", Identity.wholeNumber, ids))
    }
}
