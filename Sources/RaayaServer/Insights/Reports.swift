import Foundation
import RaayaCore
import SQLKit

/// The service reports behind `GET /api/v1/reports/{name}` and the dashboard: each is JSON for the API and a
/// table for CSV. Definitions are in docs/metrics.md; the figures come from `TicketReport` over the stored
/// history (`TicketHistory`).
enum ReportName: String, CaseIterable, Sendable {
    case volume
    case responseTimes = "response_times"
    case reopens, satisfaction, agents, capacity
    case selfService = "self_service"

    /// The report a path names; any other name is a 404, as for an id that does not exist.
    init(path name: String?) throws {
        guard let report = name.flatMap(ReportName.init(rawValue:)) else { throw DomainError.notFound(resource: "report") }
        self = report
    }
}

/// One period of a report, `start ..< end`, with its figures.
struct ReportBucket<Figures: Encodable & Sendable>: Encodable, Sendable {
    let start: Date
    let end: Date
    let figures: Figures

    /// Each of `buckets` with `figures` measured over it.
    static func all(_ buckets: [Range<Date>], _ figures: (Range<Date>) -> Figures) -> [ReportBucket] {
        buckets.map { ReportBucket(start: $0.lowerBound, end: $0.upperBound, figures: figures($0)) }
    }

    /// `figures` over the whole `range` and over each of `buckets`, measured side by side: each is independent of
    /// the others, and a long range's total alone is as much work as its buckets.
    static func measured(
        _ range: Range<Date>, _ buckets: [Range<Date>], _ figures: @escaping @Sendable (Range<Date>) -> Figures
    ) async -> (total: Figures, periods: [ReportBucket]) {
        let all = await ([range] + buckets).concurrentMap(figures)
        return (all[0], zip(buckets, all.dropFirst()).map { ReportBucket(start: $0.lowerBound, end: $0.upperBound, figures: $1) })
    }
}

extension Array where Element: Sendable {
    /// `map` with each element transformed in a task of its own, on the cores there are; the results in order.
    /// For a report's independent parts (buckets, agents), each a long computation over shared tickets.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        var results = [T?](repeating: nil, count: count)
        await withTaskGroup(of: (Int, T).self) { group in
            for (index, element) in enumerated() { group.addTask { (index, transform(element)) } }
            for await (index, result) in group { results[index] = result }
        }
        return results.map { $0! }
    }
}

/// A report as rows, for CSV: a header row and the data rows.
struct ReportTable: Sendable {
    var header: [String]
    var rows: [[String]]
}

protocol TabularReport: Encodable, Sendable {
    var table: ReportTable { get }
}

/// Median, 90th percentile and average of some values (seconds for times), and how many there were.
struct SummaryDTO: Encodable, Sendable {
    let count: Int
    let median: Double?
    let p90: Double?
    let average: Double?

    init(_ summary: Summary) {
        count = summary.count
        median = summary.median
        p90 = summary.p90
        average = summary.average
    }

    var cells: [String] { [String(count), cell(median), cell(p90), cell(average)] }
}

/// A share: how many of how many, and the percentage (nil when there is nothing to count).
struct RatioDTO: Encodable, Sendable {
    let count: Int
    let of: Int
    let percent: Double?

    init(_ ratio: Ratio) {
        count = ratio.numerator
        of = ratio.denominator
        percent = ratio.value.map { $0 * 100 }
    }
}

/// A number for a CSV cell: empty when there is none, at most three decimals.
func cell(_ value: Double?) -> String {
    guard let value else { return "" }
    return value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)
}

// MARK: - Volume

struct VolumeReport: TabularReport {
    struct Bucket: Encodable, Sendable {
        let start: Date
        let end: Date
        let total: Int
        let byChannel: [String: Int]

        enum CodingKeys: String, CodingKey {
            case start, end, total
            case byChannel = "by_channel"
        }
    }

    struct Previous: Encodable, Sendable {
        let from: Date
        let to: Date
        let total: Int
        let byChannel: [String: Int]

        enum CodingKeys: String, CodingKey {
            case from, to, total
            case byChannel = "by_channel"
        }
    }

    let from: Date
    let to: Date
    let period: String
    let total: Int
    let byChannel: [String: Int]
    let previous: Previous
    /// The change from the previous range, in percent; nil when the previous range had no tickets.
    let changePercent: Double?
    let periods: [Bucket]

    enum CodingKeys: String, CodingKey {
        case from, to, period, total, previous, periods
        case byChannel = "by_channel"
        case changePercent = "change_percent"
    }

    /// Volume needs no facts: the database counts the new tickets per bucket and channel.
    static func make(scope: ReportScope, on sql: any SQLDatabase) async throws -> VolumeReport {
        // The range and the one before it are counted side by side, on connections of their own.
        async let buckets = TicketHistory.volume(scope.buckets, filter: scope.filter, on: sql)
        async let before = TicketHistory.volume([scope.previousRange], filter: scope.filter, on: sql)
        return VolumeReport(scope: scope, buckets: try await buckets, before: try await before[0])
    }

    private init(scope: ReportScope, buckets: [VolumeBucket], before: VolumeBucket) {
        func counts(_ buckets: [VolumeBucket]) -> [String: Int] {
            var counts = Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0.rawValue, 0) })
            for bucket in buckets { for (channel, count) in bucket.byChannel { counts[channel.rawValue, default: 0] += count } }
            return counts
        }
        let previousRange = scope.previousRange
        let previousCounts = counts([before])
        from = scope.range.lowerBound
        to = scope.range.upperBound
        period = scope.period.name
        byChannel = counts(buckets)
        total = byChannel.values.reduce(0, +)
        let previousTotal = previousCounts.values.reduce(0, +)
        previous = Previous(from: previousRange.lowerBound, to: previousRange.upperBound, total: previousTotal, byChannel: previousCounts)
        changePercent = previousTotal == 0 ? nil : Double(total - previousTotal) / Double(previousTotal) * 100
        periods = buckets.map { bucket in
            Bucket(
                start: bucket.range.lowerBound, end: bucket.range.upperBound, total: bucket.total,
                byChannel: Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0.rawValue, bucket.byChannel[$0] ?? 0) }))
        }
    }

    var table: ReportTable {
        ReportTable(
            header: ["start", "end", "total"] + Channel.allCases.map(\.rawValue),
            rows: periods.map { bucket in
                [JSON.rfc3339(bucket.start), JSON.rfc3339(bucket.end), String(bucket.total)]
                    + Channel.allCases.map { String(bucket.byChannel[$0.rawValue] ?? 0) }
            })
    }
}

// MARK: - Response times

struct ResponseTimesReport: TabularReport {
    struct Figures: Encodable, Sendable {
        let firstResponse: SummaryDTO
        /// Creation → first resolution.
        let resolution: SummaryDTO
        /// Creation → last resolution, of tickets not active now.
        let fullResolution: SummaryDTO
        /// Reopen → the next resolution.
        let reopenCycles: SummaryDTO

        enum CodingKeys: String, CodingKey {
            case resolution
            case firstResponse = "first_response"
            case fullResolution = "full_resolution"
            case reopenCycles = "reopen_cycles"
        }

        init(_ report: TicketReport, _ range: Range<Date>, _ measure: TimeMeasure) {
            firstResponse = SummaryDTO(report.firstResponseTime(in: range, measure: measure))
            let resolutions = report.resolutionTime(in: range, measure: measure)
            resolution = SummaryDTO(resolutions.first)
            fullResolution = SummaryDTO(resolutions.full)
            reopenCycles = SummaryDTO(resolutions.reopenCycles)
        }
    }

    let from: Date
    let to: Date
    let period: String
    /// `calendar`, or `business` with the id of the calendar whose open hours count.
    let measure: String
    let calendarID: Int?
    let total: Figures
    let periods: [ReportBucket<Figures>]

    enum CodingKeys: String, CodingKey {
        case from, to, period, measure, total, periods
        case calendarID = "calendar_id"
    }

    init(_ report: TicketReport, scope: ReportScope, measure: TimeMeasure, calendarID: Int?) async {
        from = scope.range.lowerBound
        to = scope.range.upperBound
        period = scope.period.name
        self.measure = calendarID == nil ? "calendar" : "business"
        self.calendarID = calendarID
        (total, periods) = await ReportBucket.measured(scope.range, scope.buckets) { Figures(report.touching($0), $0, measure) }
    }

    var table: ReportTable {
        let names = ["first_response", "resolution", "full_resolution", "reopen_cycles"]
        return ReportTable(
            header: ["start", "end"] + names.flatMap { name in ["count", "median", "p90", "average"].map { "\(name)_\($0)" } },
            rows: periods.map { bucket in
                let f = bucket.figures
                return [JSON.rfc3339(bucket.start), JSON.rfc3339(bucket.end)]
                    + [f.firstResponse, f.resolution, f.fullResolution, f.reopenCycles].flatMap(\.cells)
            })
    }
}

// MARK: - Reopens, first-contact resolution, backlog

struct ReopensReport: TabularReport {
    struct Figures: Encodable, Sendable {
        let reopenRate: RatioDTO
        let firstContactResolution: RatioDTO
        let repliesPerTicket: SummaryDTO
        /// Unresolved tickets at the end of the range or bucket.
        let backlog: Int

        enum CodingKeys: String, CodingKey {
            case backlog
            case reopenRate = "reopen_rate"
            case firstContactResolution = "first_contact_resolution"
            case repliesPerTicket = "replies_per_ticket"
        }

        init(_ report: TicketReport, _ range: Range<Date>) {
            reopenRate = RatioDTO(report.reopenRate(in: range))
            firstContactResolution = RatioDTO(report.firstContactResolution(in: range))
            repliesPerTicket = SummaryDTO(report.repliesPerTicket(in: range))
            backlog = report.backlog(at: range.upperBound)
        }
    }

    let from: Date
    let to: Date
    let period: String
    let total: Figures
    let periods: [ReportBucket<Figures>]

    init(_ report: TicketReport, scope: ReportScope) async {
        from = scope.range.lowerBound
        to = scope.range.upperBound
        period = scope.period.name
        (total, periods) = await ReportBucket.measured(scope.range, scope.buckets) { Figures(report.touching($0), $0) }
    }

    var table: ReportTable {
        ReportTable(
            header: [
                "start", "end", "solved", "reopened", "reopen_rate_percent", "first_contact_resolved",
                "first_contact_resolution_percent", "replies_per_ticket_average", "backlog",
            ],
            rows: periods.map { bucket in
                let f = bucket.figures
                return [
                    JSON.rfc3339(bucket.start), JSON.rfc3339(bucket.end), String(f.reopenRate.of), String(f.reopenRate.count),
                    cell(f.reopenRate.percent), String(f.firstContactResolution.count), cell(f.firstContactResolution.percent),
                    cell(f.repliesPerTicket.average), String(f.backlog),
                ]
            })
    }
}

// MARK: - Agents

struct AgentsReport: TabularReport {
    struct Row: Encodable, Sendable {
        let agentID: Int
        let name: String
        /// Tickets resolved in the range, assigned to the agent.
        let solved: Int
        let firstResponse: SummaryDTO
        let resolution: SummaryDTO
        let reopenRate: RatioDTO
        let repliesPerTicket: SummaryDTO

        enum CodingKeys: String, CodingKey {
            case name, solved, resolution
            case agentID = "agent_id"
            case firstResponse = "first_response"
            case reopenRate = "reopen_rate"
            case repliesPerTicket = "replies_per_ticket"
        }
    }

    let from: Date
    let to: Date
    /// Resolved tickets per agent who resolved any, on average.
    let averageSolved: Double?
    let agents: [Row]

    enum CodingKeys: String, CodingKey {
        case from, to, agents
        case averageSolved = "average_solved"
    }

    init(_ report: TicketReport, scope: ReportScope, names: [Int: String]) async {
        from = scope.range.lowerBound
        to = scope.range.upperBound
        let range = scope.range
        averageSolved = report.ticketsPerAgent(in: range).average
        // Each agent's row is measured on its own, side by side.
        agents = await Array(report.grouped(by: \.assigneeID)).concurrentMap { id, mine in
            // The reopen rate's denominator is the tickets resolved in the range.
            let reopens = mine.reopenRate(in: range)
            return Row(
                agentID: id, name: names[id] ?? "#\(id)", solved: reopens.denominator,
                firstResponse: SummaryDTO(mine.firstResponseTime(in: range)),
                resolution: SummaryDTO(mine.resolutionTime(in: range).first), reopenRate: RatioDTO(reopens),
                repliesPerTicket: SummaryDTO(mine.repliesPerTicket(in: range)))
        }
        .filter { $0.solved > 0 || $0.firstResponse.count > 0 }
        .sorted { ($0.solved, $1.name) > ($1.solved, $0.name) }
    }

    var table: ReportTable {
        ReportTable(
            header: [
                "agent_id", "name", "solved", "first_response_median", "resolution_median", "reopen_rate_percent",
                "replies_per_ticket_average",
            ],
            rows: agents.map { row in
                [
                    String(row.agentID), row.name, String(row.solved), cell(row.firstResponse.median), cell(row.resolution.median),
                    cell(row.reopenRate.percent), cell(row.repliesPerTicket.average),
                ]
            })
    }
}

// MARK: - Capacity

struct CapacityReport: TabularReport {
    /// A live channel: arrivals per hour of week and the agents Erlang C says each hour needs.
    struct Live: Encodable, Sendable {
        let channel: String
        /// Seconds; nil when the history has no handled contact to measure.
        let averageHandleTime: Double?
        /// `[weekday][hour]`, weekday 0 = Sunday, in the report's time zone.
        let arrivalsPerHour: [[Double]]
        /// Agents needed for the service level, same layout; nil where nothing can be said (no handle time, or a
        /// target that no number of agents reaches).
        let agentsNeeded: [[Int?]]
        let peakAgentsNeeded: Int?

        enum CodingKeys: String, CodingKey {
            case channel
            case averageHandleTime = "average_handle_time"
            case arrivalsPerHour = "arrivals_per_hour"
            case agentsNeeded = "agents_needed"
            case peakAgentsNeeded = "peak_agents_needed"
        }
    }

    /// E-mail: where the backlog is heading at the measured pace.
    struct Backlog: Encodable, Sendable {
        let current: Int
        let arrivalsPerDay: Double
        let resolutionsPerDay: Double
        let next14Days: [Double]
        let daysToClear: Int?

        enum CodingKeys: String, CodingKey {
            case current
            case arrivalsPerDay = "arrivals_per_day"
            case resolutionsPerDay = "resolutions_per_day"
            case next14Days = "next_14_days"
            case daysToClear = "days_to_clear"
        }
    }

    let from: Date
    let to: Date
    let timeZone: String
    /// The target: `serviceLevelPercent` of contacts answered within `answerWithinSeconds`.
    let serviceLevelPercent: Double
    let answerWithinSeconds: Double
    /// Agent accounts that can take tickets (agents and supervisors).
    let agentsAvailable: Int
    let live: [Live]
    let email: Backlog

    enum CodingKeys: String, CodingKey {
        case from, to, live, email
        case timeZone = "time_zone"
        case serviceLevelPercent = "service_level_percent"
        case answerWithinSeconds = "answer_within_seconds"
        case agentsAvailable = "agents_available"
    }

    /// - Parameter callDurations: the durations of the phone calls logged in the range, in seconds.
    init(
        _ report: TicketReport, scope: ReportScope, now: Date, serviceLevel: Double, answerWithin: Double, agentsAvailable: Int,
        callDurations: [Double]
    ) async {
        let range = scope.range
        from = range.lowerBound
        to = range.upperBound
        timeZone = scope.calendar.timeZone.identifier
        serviceLevelPercent = serviceLevel * 100
        answerWithinSeconds = answerWithin
        self.agentsAvailable = agentsAvailable
        // The channels are measured side by side on the cores there are.
        let target = (level: serviceLevel, within: answerWithin)
        let zone = scope.calendar.timeZone
        async let chat = Self.live(.chat, of: report, over: range, timeZone: zone, target: target, callDurations: callDurations)
        async let phone = Self.live(.phone, of: report, over: range, timeZone: zone, target: target, callDurations: callDurations)
        async let projection = BacklogProjection.measured(from: report.filtered { $0.channel == .email }, over: range, now: now)
        live = await [chat, phone]
        let measured = await projection
        email = Backlog(
            current: measured.current, arrivalsPerDay: measured.arrivalsPerDay, resolutionsPerDay: measured.resolutionsPerDay,
            next14Days: measured.next(days: 14), daysToClear: measured.daysToClear)
    }

    /// The arrivals and the agents needed on a live channel.
    private static func live(
        _ channel: Channel, of report: TicketReport, over range: Range<Date>, timeZone: TimeZone,
        target: (level: Double, within: Double), callDurations: [Double]
    ) -> Live {
        let tickets = report.filtered { $0.channel == channel }
        let handleTime: Double? =
            switch channel {
            case .phone: Summary(callDurations).average
            default:
                // A chat is handled from the agent's first reply to its first resolution.
                Summary(
                    tickets.resolved(in: range).compactMap { ticket in
                        guard let reply = ticket.firstPublicAgentReplyAt, let solved = ticket.resolvedAt.first, solved > reply
                        else { return nil }
                        return solved.timeIntervalSince(reply)
                    }
                ).average
            }
        let arrivals = ArrivalPattern(tickets, in: range, timeZone: timeZone).averagePerHour
        let needed: [[Int?]] = arrivals.map { row in
            row.map { perHour in
                guard let handleTime else { return nil }
                if perHour == 0 { return 0 }
                return ErlangC(arrivals: perHour, perSeconds: 3600, averageHandleTime: handleTime)
                    .agentsNeeded(serviceLevel: target.level, answeredWithin: target.within)
            }
        }
        return Live(
            channel: channel.rawValue, averageHandleTime: handleTime, arrivalsPerHour: arrivals, agentsNeeded: needed,
            peakAgentsNeeded: needed.flatMap { $0 }.compactMap { $0 }.max())
    }

    var table: ReportTable {
        var rows: [[String]] = []
        for channel in live {
            for (weekday, hours) in channel.arrivalsPerHour.enumerated() {
                for (hour, arrivals) in hours.enumerated() {
                    rows.append([
                        channel.channel, BusinessCalendar.Weekday.allCases[weekday].rawValue, String(hour), cell(arrivals),
                        channel.agentsNeeded[weekday][hour].map(String.init) ?? "",
                    ])
                }
            }
        }
        return ReportTable(header: ["channel", "weekday", "hour", "arrivals_per_hour", "agents_needed"], rows: rows)
    }
}

// MARK: - Self-service

/// What the answer bot and the help centre settled: chats the bot answered, solved and handed to a person,
/// requests solved by a suggested article, and readers' views of and votes on articles. Counted when they happened.
struct SelfServiceReport: TabularReport {
    struct Figures: Encodable, Sendable {
        let botAnswered: Int
        let botSolved: Int
        let botHandedOff: Int
        /// E-mail and portal requests the customer marked solved by a suggested article.
        let articleSolved: Int
        /// Published articles opened in the help centre.
        let articleViews: Int
        let helpfulVotes: Int
        let unhelpfulVotes: Int

        enum CodingKeys: String, CodingKey {
            case botAnswered = "bot_answered"
            case botSolved = "bot_solved"
            case botHandedOff = "bot_handed_off"
            case articleSolved = "article_solved"
            case articleViews = "article_views"
            case helpfulVotes = "helpful_votes"
            case unhelpfulVotes = "unhelpful_votes"
        }
    }

    let from: Date
    let to: Date
    let period: String
    let total: Figures
    let periods: [ReportBucket<Figures>]

    static let kinds: [TicketEventKind] = [.botAnswered, .botSolved, .botHandedOff, .selfServiceSolved]

    /// The ticket filters apply to the bot's and the articles' tickets; views and votes are about articles and
    /// count whole.
    static func make(scope: ReportScope, on sql: any SQLDatabase) async throws -> SelfServiceReport {
        let range = scope.range
        let events = try await sql.raw("""
            SELECT e.kind, e.created_at FROM ticket_events e JOIN ticket_facts f ON f.ticket_id = e.ticket_id \
            WHERE e.kind IN (\(binds: kinds.map(\.rawValue))) AND e.created_at >= \(bind: range.lowerBound) \
            AND e.created_at < \(bind: range.upperBound)\(TicketHistory.conditions(scope.filter))
            """).all().map { row in
            (kind: try row.decode(column: "kind", as: String.self), at: try row.decode(column: "created_at", as: Date.self))
        }
        let votes = try await sql.raw("""
            SELECT helpful, created_at FROM kb_votes WHERE created_at >= \(bind: range.lowerBound) AND created_at < \(bind: range.upperBound)
            """).all().map { row in
            (helpful: try row.decode(column: "helpful", as: Bool.self), at: try row.decode(column: "created_at", as: Date.self))
        }
        let views = try await sql.raw("""
            SELECT created_at FROM kb_article_views WHERE created_at >= \(bind: range.lowerBound) AND created_at < \(bind: range.upperBound)
            """).all(decodingColumn: "created_at", as: Date.self)
        func figures(_ bucket: Range<Date>) -> Figures {
            func count(_ kind: TicketEventKind) -> Int { events.count { $0.kind == kind.rawValue && bucket.contains($0.at) } }
            let inBucket = votes.filter { bucket.contains($0.at) }
            return Figures(
                botAnswered: count(.botAnswered), botSolved: count(.botSolved), botHandedOff: count(.botHandedOff),
                articleSolved: count(.selfServiceSolved), articleViews: views.count(where: bucket.contains), helpfulVotes: inBucket.count(where: \.helpful),
                unhelpfulVotes: inBucket.count { !$0.helpful })
        }
        return SelfServiceReport(
            from: range.lowerBound, to: range.upperBound, period: scope.period.name, total: figures(range),
            periods: ReportBucket.all(scope.buckets, figures))
    }

    var table: ReportTable {
        ReportTable(
            header: [
                "start", "end", "bot_answered", "bot_solved", "bot_handed_off", "article_solved", "article_views", "helpful_votes",
                "unhelpful_votes",
            ],
            rows: periods.map { bucket in
                let f = bucket.figures
                return [JSON.rfc3339(bucket.start), JSON.rfc3339(bucket.end)]
                    + [f.botAnswered, f.botSolved, f.botHandedOff, f.articleSolved, f.articleViews, f.helpfulVotes, f.unhelpfulVotes]
                    .map(String.init)
            })
    }
}

extension SatisfactionReport: TabularReport {
    var table: ReportTable {
        ReportTable(
            header: [
                "start", "end", "csat_percent", "csat_answers", "nps", "nps_answers", "promoters", "passives", "detractors",
                "ces_average", "ces_answers", "surveys_sent", "surveys_answered", "response_rate_percent",
            ] + ["opening", "latest"].flatMap { when in SentimentLabel.allCases.map { "tickets_\(when)_\($0.rawValue)" } },
            rows: periods.map { bucket in
                let f = bucket.figures
                return [
                    JSON.rfc3339(bucket.start), JSON.rfc3339(bucket.end), cell(f.csat.percent), String(f.csat.answers), cell(f.nps.score),
                    String(f.nps.answers), String(f.nps.promoters), String(f.nps.passives), String(f.nps.detractors), cell(f.ces.average),
                    String(f.ces.answers), String(f.responseRate.sent), String(f.responseRate.answered), cell(f.responseRate.rate),
                ] + [f.customerSentiment.opening, f.customerSentiment.latest].flatMap { counts in
                    SentimentLabel.allCases.map { String(counts[$0.rawValue] ?? 0) }
                }
            })
    }
}
