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
public struct TicketReport: Sendable {
    /// The tickets the filter let through.
    public let tickets: [TicketFacts]
    /// Per ticket, in the same order: how far its history reaches.
    private let reaches: [Reach]
    /// Tickets left out by `touching` because nothing happened to them since long before its period and they are
    /// unresolved now: they count in the backlog only.
    private let dormant: [(ticket: TicketFacts, reach: Reach)]

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
        self.tickets = filter == .all ? tickets : tickets.filter(filter.matches)
        reaches = self.tickets.map(Reach.init)
        dormant = []
    }

    private init(tickets: [TicketFacts], reaches: [Reach], dormant: [(ticket: TicketFacts, reach: Reach)]) {
        self.tickets = tickets
        self.reaches = reaches
        self.dormant = dormant
    }

    /// The tickets that can count in `period`: created before its end, with something in or after it. The
    /// tickets unresolved now with nothing since before it count in the backlog only. Every figure of this type
    /// over `period`, and the backlog at any instant in it or at its end, is the same on this report as on the whole one, which lets
    /// a report with many buckets measure each over a few tickets.
    public func touching(_ period: Range<Date>) -> TicketReport {
        var kept: [TicketFacts] = []
        var keptReaches: [Reach] = []
        var dormant = self.dormant
        for (ticket, reach) in zip(tickets, reaches) where reach.createdAt < period.upperBound {
            if reach.lastAt >= period.lowerBound {
                kept.append(ticket)
                keptReaches.append(reach)
            } else if reach.isUnresolvedNow {
                dormant.append((ticket, reach))
            }
        }
        return TicketReport(tickets: kept, reaches: keptReaches, dormant: dormant)
    }

    /// **Volume**: new tickets per channel in each bucket of `period` over `range`: a ticket counts in the bucket
    /// holding its creation instant, under the channel it came through. Buckets with no tickets are listed
    /// with zero counts.
    public func volume(
        _ period: ReportPeriod, covering range: Range<Date>, calendar: ReportCalendar
    ) -> [VolumeBucket] {
        let buckets = calendar.buckets(period, covering: range)
        var counts = Array(repeating: [Channel: Int](), count: buckets.count)
        for ticket in tickets {
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
        return Summary(
            tickets.compactMap { ticket in
                guard let reply = ticket.firstPublicAgentReplyAt, period.contains(reply) else { return nil }
                return stopwatch.seconds(from: ticket.createdAt, to: reply)
            })
    }

    /// **Resolution time** in seconds of `measure`: creation → first resolution (tickets first resolved in the
    /// period), creation → last resolution (tickets last resolved in the period and not active now), and
    /// reopen → next resolution (each reopen cycle resolved in the period). Median, 90th percentile, average.
    public func resolutionTime(in period: Range<Date>, measure: TimeMeasure = .calendar) -> ResolutionTimes {
        var first: [Double] = []
        var full: [Double] = []
        var cycles: [Double] = []
        let stopwatch = TimeMeasure.Stopwatch(measure)
        for (ticket, reach) in zip(tickets, reaches) {
            let resolutions = reach.resolutions
            if let firstResolution = resolutions.first, period.contains(firstResolution) {
                first.append(stopwatch.seconds(from: ticket.createdAt, to: firstResolution))
            }
            if let last = resolutions.last, period.contains(last), !ticket.status.isActive {
                full.append(stopwatch.seconds(from: ticket.createdAt, to: last))
            }
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
        for (ticket, reach) in zip(tickets, reaches) {
            if let resolution = reach.resolutions.first(where: period.contains) { body(ticket, resolution) }
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
        zip(tickets, reaches).count { $0.isUnresolved(before: instant, resolutions: $1.resolutions) }
            + dormant.count {
                $0.reach.lastAt < instant || $0.ticket.isUnresolved(before: instant, resolutions: $0.reach.resolutions)
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
