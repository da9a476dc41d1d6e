import Foundation
import RaayaCore
import SQLKit

/// A stored SMART goal and, when read, its progress: the metric's value so far over the goal's tickets, its
/// 7-day trend, how much of the period has passed, and the status (on track, at risk, missed, achieved; the
/// rule is `Goal.status`). Times are in seconds, rates are shares from 0 to 1, as `GoalMetric` measures them.
struct GoalDTO: Encodable, Sendable {
    struct Progress: Encodable, Sendable {
        let value: Double?
        let trendPerDay: Double?
        let elapsedShare: Double
        let status: GoalStatus

        enum CodingKeys: String, CodingKey {
            case value, status
            case trendPerDay = "trend_per_day"
            case elapsedShare = "elapsed_share"
        }
    }

    let id: Int
    let name: String
    let metric: GoalMetric
    let direction: Goal.Direction
    let target: Double
    let groupID: Int?
    let channel: Channel?
    let start: Date
    let deadline: Date
    var progress: Progress?

    enum CodingKeys: String, CodingKey {
        case id, name, metric, direction, target, channel, start, deadline, progress
        case groupID = "group_id"
    }

    var goal: Goal {
        Goal(
            metric: metric, direction: direction, target: target, scope: Goal.Scope(groupID: groupID, channel: channel),
            start: start, deadline: deadline)
    }
}

enum Goals {
    /// The goals, deadlines soonest first, each with its progress at `now`.
    static func list(on sql: any SQLDatabase, now: Date, id: Int? = nil) async throws -> [GoalDTO] {
        let only: SQLQueryString = id.map { " WHERE id = \(bind: $0)" } ?? ""
        var goals = try await sql.raw("""
            SELECT id, name, metric, direction, target, group_id, channel, starts_at, deadline FROM goals\(only) \
            ORDER BY deadline, id
            """).all().map { row in
            GoalDTO(
                id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                metric: try row.decodeRaw(column: "metric", as: GoalMetric.self),
                direction: try row.decodeRaw(column: "direction", as: Goal.Direction.self),
                target: try row.decode(column: "target", as: Double.self), groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                channel: try row.decodeOptional(column: "channel", as: String.self).flatMap(Channel.init(rawValue:)),
                start: try row.decode(column: "starts_at", as: Date.self), deadline: try row.decode(column: "deadline", as: Date.self))
        }
        // One read of the facts for all the goals, over the union of their ranges; each goal filters and measures
        // its own.
        let ranges = goals.map { $0.goal.start..<max($0.goal.start.addingTimeInterval(1), min(now, $0.goal.deadline)) }
        guard let lower = ranges.map(\.lowerBound).min(), let upper = ranges.map(\.upperBound).max() else { return goals }
        let filter = goals.count == 1 ? goals[0].goal.scope.filter : .all
        let tickets = try await TicketHistory.facts(for: lower..<upper, filter: filter, on: sql)
        for index in goals.indices {
            let progress = goals[index].goal.progress(of: tickets, at: now)
            goals[index].progress = GoalDTO.Progress(
                value: progress.value, trendPerDay: progress.trendPerDay, elapsedShare: progress.elapsedShare, status: progress.status)
        }
        return goals
    }

    static func create(_ goal: GoalDTO, by userID: Int?, on sql: any SQLDatabase, now: Date) async throws -> Int {
        try await sql.insertReturningID(
            into: "goals",
            [
                "name": goal.name, "metric": goal.metric.rawValue, "direction": goal.direction.rawValue, "target": goal.target,
                "group_id": goal.groupID, "channel": goal.channel?.rawValue, "starts_at": goal.start, "deadline": goal.deadline,
                "created_by": userID, "created_at": now,
            ])
    }

    static func delete(_ id: Int, on sql: any SQLDatabase) async throws {
        guard try await sql.raw("SELECT id FROM goals WHERE id = \(bind: id)").first() != nil else {
            throw DomainError.notFound(resource: "goal")
        }
        try await sql.raw("DELETE FROM goals WHERE id = \(bind: id)").run()
    }
}

/// What `POST /api/v1/goals` takes. `start` and `deadline` are days (midnight in `time_zone`, UTC by default) or
/// RFC 3339 instants; `direction` defaults to at least for first-contact resolution and at most for the others.
struct GoalRequest: Decodable, Sendable {
    var name: String?
    var metric: String?
    var direction: String?
    var target: Double?
    var groupID: Int?
    var channel: String?
    var start: String?
    var deadline: String?
    var timeZone: String?

    enum CodingKeys: String, CodingKey {
        case name, metric, direction, target, channel, start, deadline
        case groupID = "group_id"
        case timeZone = "time_zone"
    }

    static let longestPeriod: TimeInterval = 3 * 366 * 86_400

    func validated() throws -> GoalDTO {
        var validation = Validation()
        let name = validation.requiredText(name, field: "name", maxCharacters: Limits.nameCharacters)
        let metric = metric.flatMap(GoalMetric.init(rawValue:))
        if metric == nil {
            validation.fail("metric", "must be one of \(GoalMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var direction: Goal.Direction?
        if let raw = self.direction {
            direction = Goal.Direction(rawValue: raw)
            if direction == nil { validation.fail("direction", "must be at_most or at_least") }
        }
        if let target, !target.isFinite || target < 0 {
            validation.fail("target", "must be a number of at least 0")
        } else if target == nil {
            validation.fail("target", "is required")
        } else if let target, let metric, [.reopenRate, .firstContactResolution].contains(metric), target > 1 {
            validation.fail("target", "is a share from 0 to 1 for \(metric.rawValue)")
        }
        var channel: Channel?
        if let raw = self.channel {
            channel = Channel(rawValue: raw)
            if channel == nil { validation.fail("channel", "must be one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        var zone = TimeZone(identifier: "UTC")!
        if let timeZone {
            if let known = TimeZone(identifier: timeZone) { zone = known } else { validation.fail("time_zone", "is not a known time zone") }
        }
        func instant(_ raw: String?, _ field: String) -> Date? {
            guard let raw else {
                validation.fail(field, "is required")
                return nil
            }
            do { return try QueryParameters.instant(raw, field: field, timeZone: zone) } catch {
                validation.fail(field, "must be a date (2027-01-01) or an RFC 3339 time")
                return nil
            }
        }
        let start = instant(start, "start")
        let deadline = instant(deadline, "deadline")
        if let start, let deadline {
            if deadline <= start {
                validation.fail("deadline", "must be after start")
            } else if deadline.timeIntervalSince(start) > Self.longestPeriod {
                validation.fail("deadline", "must be at most 3 years after start")
            }
        }
        try validation.check()
        guard let metric, let target, let start, let deadline else { throw DomainError.invalid("metric", "is required") }
        return GoalDTO(
            id: 0, name: name, metric: metric, direction: direction ?? (metric == .firstContactResolution ? .atLeast : .atMost),
            target: target, groupID: groupID, channel: channel, start: start, deadline: deadline)
    }
}
