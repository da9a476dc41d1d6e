import Foundation

/// How durations are measured: on the wall clock, or counting only the hours a business calendar is open.
public enum TimeMeasure: Sendable, Equatable {
    /// Elapsed time, nights, weekends and holidays included.
    case calendar
    /// Open time of the calendar only (`BusinessCalendar.businessSeconds(from:to:)`).
    case business(BusinessCalendar)

    /// The seconds from `start` to `end` in this measure; never negative.
    public func seconds(from start: Date, to end: Date) -> TimeInterval {
        Stopwatch(self).seconds(from: start, to: end)
    }

    /// The measure read once for a report's many measurements.
    struct Stopwatch {
        private let clock: BusinessClock?

        init(_ measure: TimeMeasure) {
            switch measure {
            case .calendar: clock = nil
            case .business(let calendar): clock = BusinessClock(calendar)
            }
        }

        func seconds(from start: Date, to end: Date) -> TimeInterval {
            clock?.seconds(from: start, to: end) ?? max(0, end.timeIntervalSince(start))
        }
    }
}

/// New tickets of one bucket, by channel.
public struct VolumeBucket: Sendable, Equatable {
    public var range: Range<Date>
    public var byChannel: [Channel: Int]

    public init(range: Range<Date>, byChannel: [Channel: Int]) {
        self.range = range
        self.byChannel = byChannel
    }

    public var total: Int { byChannel.values.reduce(0, +) }
}

/// Resolution times of a period, each a `Summary` in seconds.
public struct ResolutionTimes: Sendable, Equatable {
    /// Creation → first resolution, for tickets first resolved in the period.
    public var first: Summary
    /// Creation → last resolution, for tickets whose last resolution so far falls in the period and that are
    /// not active now (so a figure does not count a ticket as resolved while it is reopened).
    public var full: Summary
    /// Reopen → the next resolution, for each reopen cycle resolved in the period.
    public var reopenCycles: Summary
}

/// Solved tickets per agent in a period.
public struct AgentLoad: Sendable, Equatable {
    /// Tickets resolved in the period, by the agent each is assigned to. Unassigned tickets are left out.
    public var solvedByAgent: [Int: Int]

    /// The mean over the agents listed: all their solved tickets divided by how many agents solved any.
    public var average: Double? {
        solvedByAgent.isEmpty ? nil : Double(solvedByAgent.values.reduce(0, +)) / Double(solvedByAgent.count)
    }
}

/// The ticket metrics of a set of tickets, after a filter. Periods are half-open ranges of instants
/// (`ReportCalendar` cuts them); "in the period" means `start ≤ instant < end`.
///
/// A resolution is a move to `solved`, or a close of an active ticket (see `TicketFacts.resolvedAt`); a
/// ticket merged into another is never resolved by that merge.
///
/// The reports `touching`, `filtered` and `grouped` make share the tickets loaded once, and list theirs by index:
/// a report with many buckets, or one per agent, copies no ticket.
public struct TicketReport: Sendable {
    /// Every ticket loaded, and how far each one's history reaches, in the same order.
    private let loaded: [TicketFacts]
    private let reaches: [Reach]
    /// The indices in `loaded` of this report's tickets, in order.
    private let members: [Int]
    /// Tickets left out by `touching` because nothing happened to them since long before its period and they are
    /// unresolved now: they count in the backlog only. Indices in `loaded`.
    private let dormant: [Int]

    /// How far a ticket's history reaches: its creation, its last instant (reply, resolution, reopen or close)
    /// and whether it is unresolved now; and its resolutions (`TicketFacts.resolvedAt`), which every metric reads,
    /// worked out once.
    private struct Reach: Sendable {
        let createdAt: Date
        let lastAt: Date
        let isUnresolvedNow: Bool
        let resolutions: [Date]

        init(_ ticket: TicketFacts) {
            createdAt = ticket.createdAt
            lastAt = ticket.lastInstant
            resolutions = ticket.resolvedAt
            isUnresolvedNow = ticket.isUnresolved(before: .distantFuture, resolutions: resolutions)
        }
    }

    public init(_ tickets: [TicketFacts], filter: ReportFilter = .all) {
        loaded = filter == .all ? tickets : tickets.filter(filter.matches)
        reaches = loaded.map(Reach.init)
        members = Array(loaded.indices)
        dormant = []
    }

    private init(_ report: TicketReport, members: [Int], dormant: [Int]) {
        loaded = report.loaded
        reaches = report.reaches
        self.members = members
        self.dormant = dormant
    }

    /// The tickets of this report, in the order they were loaded.
    public var tickets: [TicketFacts] { members.map { loaded[$0] } }

    /// Calls `body` with each ticket of the report and its resolutions (`resolvedAt`), without copying them.
    func forEach(_ body: (TicketFacts, _ resolutions: [Date]) -> Void) {
        for index in members { body(loaded[index], reaches[index].resolutions) }
    }

    /// The tickets that can count in `period`: created before its end, with something in or after it. The
    /// tickets unresolved now with nothing since before it count in the backlog only. Every figure of this type
    /// over `period`, and the backlog at any instant in it or at its end, is the same on this report as on the whole one, which lets
    /// a report with many buckets measure each over a few tickets.
    public func touching(_ period: Range<Date>) -> TicketReport {
        var kept: [Int] = []
        var dormant = self.dormant
        for index in members {
            let reach = reaches[index]
            guard reach.createdAt < period.upperBound else { continue }
            if reach.lastAt >= period.lowerBound {
                kept.append(index)
            } else if reach.isUnresolvedNow {
                dormant.append(index)
            }
        }
        return TicketReport(self, members: kept, dormant: dormant)
    }

    /// The report over the tickets `isIncluded` keeps (a channel's, say): the same figures as a report built from
    /// those tickets alone.
    public func filtered(_ isIncluded: (TicketFacts) -> Bool) -> TicketReport {
        TicketReport(
            self, members: members.filter { isIncluded(loaded[$0]) }, dormant: dormant.filter { isIncluded(loaded[$0]) })
    }

    /// A report per value of `key` over the tickets with that value (an agent's, say); tickets without one are
    /// left out.
    public func grouped<Key: Hashable>(by key: (TicketFacts) -> Key?) -> [Key: TicketReport] {
        var members: [Key: [Int]] = [:]
        var dormant: [Key: [Int]] = [:]
        for index in self.members { if let value = key(loaded[index]) { members[value, default: []].append(index) } }
        for index in self.dormant { if let value = key(loaded[index]) { dormant[value, default: []].append(index) } }
        return Dictionary(
            uniqueKeysWithValues: Set(members.keys).union(dormant.keys).map { value in
                (value, TicketReport(self, members: members[value] ?? [], dormant: dormant[value] ?? []))
            })
    }

    /// **Volume**: new tickets per channel in each bucket of `period` over `range`: a ticket counts in the bucket
    /// holding its creation instant, under the channel it came through. Buckets with no tickets are listed
    /// with zero counts.
    public func volume(
        _ period: ReportPeriod, covering range: Range<Date>, calendar: ReportCalendar
    ) -> [VolumeBucket] {
        let buckets = calendar.buckets(period, covering: range)
        var counts = Array(repeating: [Channel: Int](), count: buckets.count)
        forEach { ticket, _ in
            // Buckets are contiguous and in order: find the first one ending after the creation instant.
            var low = 0
            var high = buckets.count
            while low < high {
                let middle = (low + high) / 2
                if buckets[middle].upperBound <= ticket.createdAt { low = middle + 1 } else { high = middle }
            }
            if low < buckets.count, buckets[low].contains(ticket.createdAt) {
                counts[low][ticket.channel, default: 0] += 1
            }
        }
        return zip(buckets, counts).map { VolumeBucket(range: $0, byChannel: $1) }
    }

    /// **First response time**: from a ticket's creation to the first public reply by an agent, for the tickets
    /// whose first reply falls in `period` (so a period's figure is final once it ends). Internal notes and bot
    /// answers are not replies. Median, 90th percentile and average, in seconds of `measure`.
    public func firstResponseTime(in period: Range<Date>, measure: TimeMeasure = .calendar) -> Summary {
        let stopwatch = TimeMeasure.Stopwatch(measure)
        var times: [Double] = []
        forEach { ticket, _ in
            if let reply = ticket.firstPublicAgentReplyAt, period.contains(reply) {
                times.append(stopwatch.seconds(from: ticket.createdAt, to: reply))
            }
        }
        return Summary(times)
    }

    /// **Resolution time** in seconds of `measure`: creation → first resolution (tickets first resolved in the
    /// period), creation → last resolution (tickets last resolved in the period and not active now), and
    /// reopen → next resolution (each reopen cycle resolved in the period). Median, 90th percentile, average.
    public func resolutionTime(in period: Range<Date>, measure: TimeMeasure = .calendar) -> ResolutionTimes {
        var first: [Double] = []
        var full: [Double] = []
        var cycles: [Double] = []
        let stopwatch = TimeMeasure.Stopwatch(measure)
        forEach { ticket, resolutions in
            if let firstResolution = resolutions.first, period.contains(firstResolution) {
                first.append(stopwatch.seconds(from: ticket.createdAt, to: firstResolution))
            }
            if let last = resolutions.last, period.contains(last), !ticket.status.isActive {
                full.append(stopwatch.seconds(from: ticket.createdAt, to: last))
            }
            // Only a reopened ticket has cycles after its first; most have none, and need no list of them.
            guard !ticket.reopenedAt.isEmpty else { return }
            for cycle in ticket.resolutionCycles(resolutions: resolutions).dropFirst() where period.contains(cycle.resolved) {
                cycles.append(stopwatch.seconds(from: cycle.start, to: cycle.resolved))
            }
        }
        return ResolutionTimes(first: Summary(first), full: Summary(full), reopenCycles: Summary(cycles))
    }

    /// The tickets resolved at least once in `period`: the tickets the reopen rate, first-contact resolution,
    /// replies per ticket and tickets per agent count.
    public func resolved(in period: Range<Date>) -> [TicketFacts] {
        var found: [TicketFacts] = []
        forEachResolved(in: period) { ticket, _ in found.append(ticket) }
        return found
    }

    /// Calls `body` with each ticket resolved in `period` and its first resolution in it, without copying them.
    private func forEachResolved(in period: Range<Date>, _ body: (TicketFacts, Date) -> Void) {
        forEach { ticket, resolutions in
            if let resolution = resolutions.first(where: period.contains) { body(ticket, resolution) }
        }
    }

    /// **Reopen rate**: of the tickets resolved in `period`, the share reopened after their first resolution in
    /// the period (at any time up to now, so the figure of a recent period can still grow).
    public func reopenRate(in period: Range<Date>) -> Ratio {
        var solved = 0
        var reopened = 0
        forEachResolved(in: period) { ticket, resolution in
            solved += 1
            if ticket.reopenedAt.contains(where: { $0 > resolution }) { reopened += 1 }
        }
        return Ratio(reopened, of: solved)
    }

    /// **First-contact resolution**: of the tickets resolved in `period`, the share with exactly one public
    /// agent reply over their whole life (so a ticket that was reopened and answered again no longer counts).
    public func firstContactResolution(in period: Range<Date>) -> Ratio {
        var solved = 0
        var firstContact = 0
        forEachResolved(in: period) { ticket, _ in
            solved += 1
            if ticket.publicAgentReplyCount == 1 { firstContact += 1 }
        }
        return Ratio(firstContact, of: solved)
    }

    /// **Backlog**: the tickets unresolved at `instant`, that is created before it and not solved or closed
    /// just before it (pending and on-hold tickets count; a reopened ticket counts again). For a period, take
    /// its end: `backlog(at: period.upperBound)`.
    public func backlog(at instant: Date) -> Int {
        // A dormant ticket is unresolved at any instant after its last one, as it is now.
        members.count { loaded[$0].isUnresolved(before: instant, resolutions: reaches[$0].resolutions) }
            + dormant.count {
                reaches[$0].lastAt < instant || loaded[$0].isUnresolved(before: instant, resolutions: reaches[$0].resolutions)
            }
    }

    /// **Tickets per agent**: the tickets resolved in `period`, counted for the agent each is assigned to.
    public func ticketsPerAgent(in period: Range<Date>) -> AgentLoad {
        var counts: [Int: Int] = [:]
        forEachResolved(in: period) { ticket, _ in
            if let agent = ticket.assigneeID { counts[agent, default: 0] += 1 }
        }
        return AgentLoad(solvedByAgent: counts)
    }

    /// **Replies per ticket**: public agent replies over the life of each ticket resolved in `period`; median,
    /// 90th percentile and average.
    public func repliesPerTicket(in period: Range<Date>) -> Summary {
        var replies: [Double] = []
        forEachResolved(in: period) { ticket, _ in replies.append(Double(ticket.publicAgentReplyCount)) }
        return Summary(replies)
    }
}
