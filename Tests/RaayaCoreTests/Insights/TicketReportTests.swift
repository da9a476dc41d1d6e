import Foundation
import Testing
@testable import RaayaCore

private let tickets = TicketHistoryFixture.tickets
private let week = TicketHistoryFixture.reportWeek
private let hour = InsightsFixture.hour
private let riyadh = ReportCalendar(timeZone: InsightsFixture.riyadh)
private let business = TimeMeasure.business(InsightsFixture.riyadhSupport)

private func december(_ day: Int, _ time: String) -> Date { TicketHistoryFixture.december(day, time) }

private func mean(_ values: Double...) -> Double { values.reduce(0, +) / Double(values.count) }

/// The expected figures are worked out by hand from the table in `TicketHistoryFixture`.
@Suite("Insights: ticket metrics on a hand-built week — مقاييس التذاكر")
struct InsightsTicketReportTests {
    let report = TicketReport(tickets)

    @Test("volume: new tickets per channel, per day and for the week and the week before — حجم التذاكر")
    func volume() {
        let weekly = report.volume(.week, covering: week, calendar: riyadh)
        #expect(weekly.count == 1)
        #expect(weekly.first?.byChannel == [.email: 3, .chat: 2, .web: 1, .phone: 1])
        #expect(weekly.first?.total == 7)
        let previous = riyadh.previous(.week, before: week)
        #expect(previous == TicketHistoryFixture.weekBefore)
        #expect(report.volume(.week, covering: previous, calendar: riyadh).first?.byChannel == [.email: 1])

        let daily = report.volume(.day, covering: week, calendar: riyadh)
        #expect(daily.map(\.total) == [2, 1, 1, 2, 1, 0, 0])
        #expect(daily.first?.range == december(6, "00:00")..<december(7, "00:00"))
        #expect(daily[3].byChannel == [.email: 1, .chat: 1])
        #expect(daily[5].byChannel.isEmpty)
    }

    @Test("first response time in calendar hours — زمن الرد الأول")
    func firstResponseCalendar() {
        // Replies in the week: 2 min, 5 min, 1 h, 17 h, 42 h (#5 was answered the week before).
        let summary = report.firstResponseTime(in: week)
        #expect(summary.count == 5)
        #expect(summary.median == 1 * hour)
        #expect(summary.p90 == 42 * hour)
        #expect(summary.average == mean(120, 300, 3600, 61_200, 151_200))
        #expect(report.firstResponseTime(in: TicketHistoryFixture.weekBefore).median == 1 * hour)
    }

    @Test("first response time in business hours: nights and the weekend left out — زمن الرد الأول بساعات العمل")
    func firstResponseBusiness() {
        // #2: Sunday 16:30–17:00 and Monday 09:00–09:30; #3: Thursday 16:00–17:00, answered on Saturday.
        let summary = report.firstResponseTime(in: week, measure: business)
        #expect(summary.count == 5)
        #expect(summary.median == 1 * hour)
        #expect(summary.p90 == 1 * hour)
        #expect(summary.average == mean(120, 300, 3600, 3600, 3600))
    }

    @Test("resolution time: first, full and per reopen cycle — زمن الحل")
    func resolution() {
        let times = report.resolutionTime(in: week)
        // First resolutions: #6 20 min, #8 30 min (closed without solving), #1 3 h, #2 18.5 h, #5 95 h.
        #expect(times.first.count == 5)
        #expect(times.first.median == 3 * hour)
        #expect(times.first.p90 == 95 * hour)
        #expect(times.first.average == mean(1200, 1800, 10_800, 66_600, 342_000))
        // Last resolutions of tickets not active now: #8 30 min, #1 3 h, #2 43.5 h, #5 95 h (#6 is reopened).
        #expect(times.full.count == 4)
        #expect(times.full.median == 3 * hour)
        #expect(times.full.p90 == 95 * hour)
        #expect(times.full.average == mean(1800, 10_800, 156_600, 342_000))
        // #2 reopened Tuesday 10:00 and solved again at 12:00; #6's reopen is not resolved yet.
        #expect(times.reopenCycles == Summary([2 * hour]))
    }

    @Test("resolution time in business hours — زمن الحل بساعات العمل")
    func resolutionBusiness() {
        // #2: 30 min on Sunday and 2 h on Monday; #5: 7 h on Thursday 3 December and 8 h on Sunday.
        let first = report.resolutionTime(in: week, measure: business).first
        #expect(first.median == 2.5 * hour)
        #expect(first.p90 == 15 * hour)
        #expect(first.average == mean(1200, 1800, 9000, 10_800, 54_000))
    }

    @Test(
        "reopen rate and first-contact resolution of the five tickets resolved in the week — إعادة الفتح والحل من أول تواصل"
    )
    func reopensAndFirstContact() {
        #expect(report.resolved(in: week).map(\.id) == [1, 2, 5, 6, 8])
        // #2 and #6 came back after being solved.
        #expect(report.reopenRate(in: week) == Ratio(2, of: 5))
        // #1 and #5 were solved with a single public reply.
        #expect(report.firstContactResolution(in: week) == Ratio(2, of: 5))
        #expect(report.reopenRate(in: TicketHistoryFixture.weekBefore).value == nil)
    }

    @Test("backlog: unresolved tickets at an instant; merged ones are not — التذاكر المتراكمة")
    func backlog() {
        // #3 open, #4 new, #6 reopened.
        #expect(report.backlog(at: week.upperBound) == 3)
        // Only #5 was waiting when the week began.
        #expect(report.backlog(at: week.lowerBound) == 1)
        // Monday 10:00: #2 (solved at 11:00) and #4; #5 was solved at 09:00.
        #expect(report.backlog(at: december(7, "10:00")) == 2)
        // #7 waited half an hour before it was merged.
        #expect(report.backlog(at: december(9, "10:15")) == 3)
        #expect(report.backlog(at: december(9, "10:45")) == 2)
    }

    @Test("each hour and day measured over only the tickets touching it gives the whole report's figures — التذاكر المعنية بكل فترة")
    func touching() {
        let span = TicketHistoryFixture.weekBefore.lowerBound..<week.upperBound.addingTimeInterval(7 * 86_400)
        var someLeftOut = false
        for length in [hour, 24 * hour] {
            for start in stride(from: span.lowerBound.timeIntervalSince1970, to: span.upperBound.timeIntervalSince1970, by: length) {
                let period = Date(timeIntervalSince1970: start)..<Date(timeIntervalSince1970: start + length)
                let touched = report.touching(period)
                someLeftOut = someLeftOut || touched.tickets.count < report.tickets.count
                #expect(touched.firstResponseTime(in: period) == report.firstResponseTime(in: period))
                #expect(touched.resolutionTime(in: period) == report.resolutionTime(in: period))
                #expect(touched.resolutionTime(in: period, measure: business) == report.resolutionTime(in: period, measure: business))
                #expect(touched.reopenRate(in: period) == report.reopenRate(in: period))
                #expect(touched.firstContactResolution(in: period) == report.firstContactResolution(in: period))
                #expect(touched.repliesPerTicket(in: period) == report.repliesPerTicket(in: period))
                #expect(touched.backlog(at: period.upperBound) == report.backlog(at: period.upperBound))
                #expect(touched.ticketsPerAgent(in: period) == report.ticketsPerAgent(in: period))
                #expect(
                    touched.volume(.custom(period), covering: period, calendar: riyadh)
                        == report.volume(.custom(period), covering: period, calendar: riyadh))
            }
        }
        #expect(someLeftOut)
    }

    @Test("a channel's or an agent's part of a report, also of one bucket, equals a report of those tickets alone — جزء من التقرير")
    func parts() {
        let periods = [week, TicketHistoryFixture.weekBefore, december(9, "10:00")..<december(9, "11:00")]
        for whole in [report] + periods.map(report.touching) {
            var byAgent: [Int: [TicketFacts]] = [:]
            for ticket in whole.tickets { if let agent = ticket.assigneeID { byAgent[agent, default: []].append(ticket) } }
            let grouped = whole.grouped(by: \.assigneeID)
            #expect(Set(grouped.keys) == Set(byAgent.keys))
            var parts = grouped.map { agent, part in (part, TicketReport(byAgent[agent] ?? [])) }
            for channel in Channel.allCases {
                parts.append((whole.filtered { $0.channel == channel }, TicketReport(whole.tickets.filter { $0.channel == channel })))
            }
            for (part, alone) in parts {
                #expect(part.tickets == alone.tickets)
                for period in periods {
                    #expect(part.firstResponseTime(in: period) == alone.firstResponseTime(in: period))
                    #expect(part.resolutionTime(in: period, measure: business) == alone.resolutionTime(in: period, measure: business))
                    #expect(part.reopenRate(in: period) == alone.reopenRate(in: period))
                    #expect(part.repliesPerTicket(in: period) == alone.repliesPerTicket(in: period))
                }
            }
        }
        // The e-mail tickets waiting at the end of the week, dormant ones included, whether a bucket kept them or not.
        let email = { (ticket: TicketFacts) in ticket.channel == .email }
        #expect(report.touching(week).filtered(email).backlog(at: week.upperBound) == TicketReport(tickets.filter(email)).backlog(at: week.upperBound))
    }

    @Test("tickets per agent and replies per ticket — التذاكر لكل موظف والردود لكل تذكرة")
    func agentsAndReplies() {
        let load = report.ticketsPerAgent(in: week)
        #expect(load.solvedByAgent == [10: 2, 11: 3])
        #expect(load.average == 2.5)
        let replies = report.repliesPerTicket(in: week)
        #expect(replies.median == 2)
        #expect(replies.p90 == 3)
        #expect(replies.average == 1.8)
    }

    @Test("filters: tag, channel, group, agent, priority, organization — المرشحات")
    func filters() {
        func ids(_ filter: ReportFilter) -> [Int] { TicketReport(tickets, filter: filter).tickets.map(\.id) }
        #expect(ids(ReportFilter(tags: [TicketHistoryFixture.billing])) == [1, 3, 5])
        #expect(ids(ReportFilter(tags: [TicketHistoryFixture.urgent, TicketHistoryFixture.shipping])) == [2, 3])
        #expect(ids(ReportFilter(channels: [.chat])) == [2, 8])
        #expect(ids(ReportFilter(groups: [2])) == [2, 6, 8])
        #expect(ids(ReportFilter(agents: [10])) == [1, 3, 6])
        #expect(ids(ReportFilter(priorities: [.urgent, .low])) == [3, 4])
        #expect(ids(ReportFilter(organizations: [100])) == [1, 3, 5])
        // Every field must match: email tickets of group 1 (#7 has no group).
        #expect(ids(ReportFilter(channels: [.email], groups: [1])) == [1, 3, 5])
        #expect(ids(.all) == [1, 2, 3, 4, 5, 6, 7, 8])

        let billing = TicketReport(tickets, filter: ReportFilter(tags: [TicketHistoryFixture.billing]))
        #expect(billing.volume(.week, covering: week, calendar: riyadh).first?.byChannel == [.email: 2])
        #expect(billing.firstResponseTime(in: week).median == 1 * hour)
        #expect(billing.firstResponseTime(in: week).p90 == 42 * hour)
        #expect(billing.backlog(at: week.upperBound) == 1)
    }
}

@Suite("Insights: ticket facts from stored events and messages — حقائق التذكرة من سجلها")
struct InsightsTicketFactsTests {
    private typealias Event = TicketFacts.Event
    private typealias Message = TicketFacts.Message

    private func statusChange(_ from: TicketStatus, _ to: TicketStatus, at instant: Date) -> Event {
        Event(.statusChanged, at: instant, details: ["from": from.rawValue, "to": to.rawValue])
    }

    @Test("ticket #2 rebuilt from its history equals the hand-built facts — إعادة بناء التذكرة ٢")
    func reopenedChat() {
        let events: [Event] = [
            Event(.created, at: december(6, "16:30"), details: ["channel": "chat"]),
            Event(.tagsChanged, at: december(6, "16:31"), details: ["added": "شحن", "removed": ""]),
            statusChange(.new, .open, at: december(7, "09:30")),
            Event(.firstResponse, at: december(7, "09:30")),
            statusChange(.open, .solved, at: december(7, "11:00")),
            // Stored in any order: the reopen comes before the solve it led to.
            statusChange(.open, .solved, at: december(8, "12:00")),
            statusChange(.solved, .open, at: december(8, "10:00")),
            Event(.reopened, at: december(8, "10:00"), details: ["by": "customer"]),
        ]
        let messages: [Message] = [
            Message(author: .customer, isInternal: false, at: december(6, "16:30")),
            Message(author: .agent, isInternal: true, at: december(6, "17:00")),  // a note is not a reply
            Message(author: .bot, isInternal: false, at: december(6, "16:31")),  // nor is the bot
            Message(author: .agent, isInternal: false, at: december(7, "10:30")),
            Message(author: .agent, isInternal: false, at: december(7, "09:30")),
            Message(author: .customer, isInternal: false, at: december(8, "10:00")),
            Message(author: .agent, isInternal: false, at: december(8, "11:00")),
        ]
        let facts = TicketFacts(
            id: 2, createdAt: .distantPast, channel: .chat, groupID: 2, assigneeID: 11,
            tags: [TicketHistoryFixture.shipping], priority: .high, organizationID: nil, events: events,
            messages: messages)
        #expect(facts == tickets[1])
    }

    @Test("a merged ticket is closed but not resolved — تذكرة مدموجة")
    func merged() {
        let facts = TicketFacts(
            id: 7, createdAt: december(9, "10:00"), channel: .email, groupID: nil, assigneeID: nil, tags: [],
            priority: .normal, organizationID: nil,
            events: [
                Event(.created, at: december(9, "10:00")),
                statusChange(.new, .closed, at: december(9, "10:30")),
                Event(.merged, at: december(9, "10:30"), details: ["into": "1"]),
            ],
            messages: [Message(author: .customer, isInternal: false, at: december(9, "10:00"))])
        #expect(facts == tickets[6])
        #expect(facts.resolvedAt.isEmpty)
    }

    @Test("a close resolves only an active ticket — الإغلاق بعد الحل لا يُحسب مرتين")
    func closeAfterSolve() {
        let solvedThenClosed = tickets[4]
        #expect(solvedThenClosed.resolvedAt == [december(7, "09:00")])
        let closedFromOpen = tickets[7]
        #expect(closedFromOpen.resolvedAt == [december(9, "12:30")])
        // Solved, reopened, then closed by an agent: the close resolves the second cycle.
        let reopenedThenClosed = TicketFacts(
            id: 9, createdAt: december(6, "09:00"), channel: .email, solvedAt: [december(6, "10:00")],
            reopenedAt: [december(6, "11:00")], closedAt: december(6, "12:00"), status: .closed)
        #expect(reopenedThenClosed.resolvedAt == [december(6, "10:00"), december(6, "12:00")])
        #expect(reopenedThenClosed.resolutionCycles.map(\.start) == [december(6, "09:00"), december(6, "11:00")])
        #expect(!reopenedThenClosed.isUnresolved(before: december(6, "12:01")))
        #expect(reopenedThenClosed.isUnresolved(before: december(6, "11:30")))
        #expect(!reopenedThenClosed.isUnresolved(before: december(6, "10:30")))
    }
}
