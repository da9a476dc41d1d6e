import Foundation
@testable import RaayaCore

/// A hand-built fortnight of tickets for a team in Riyadh whose hours are Sunday–Thursday 09:00–17:00.
/// The report week is Sunday 6 to Saturday 12 December 2026; ticket #5 arrived the week before.
///
/// | # | channel | group | agent | created | first reply | replies | resolved | then |
/// |---|---------|-------|-------|---------|-------------|---------|----------|------|
/// | 1 | email | 1 | 10 | Sun 09:00 | Sun 10:00 | 1 | solved Sun 12:00 | |
/// | 2 | chat | 2 | 11 | Sun 16:30 | Mon 09:30 | 3 | solved Mon 11:00 | reopened Tue 10:00, solved Tue 12:00 |
/// | 3 | email | 1 | 10 | Thu 16:00 | Sat 10:00 | 1 | — | open |
/// | 4 | web | — | — | Mon 08:00 | — | 0 | — | new |
/// | 5 | email | 1 | 11 | Thu 3 Dec 10:00 | Thu 3 Dec 11:00 | 1 | solved Mon 09:00 | closed Thu 09:00 |
/// | 6 | phone | 2 | 10 | Tue 09:00 | Tue 09:05 | 2 | solved Tue 09:20 | reopened Wed 10:00, open |
/// | 7 | email | — | — | Wed 10:00 | — | 0 | — | merged into #1 Wed 10:30 |
/// | 8 | chat | 2 | 11 | Wed 12:00 | Wed 12:02 | 2 | closed Wed 12:30 without solving | |
enum TicketHistoryFixture {
    /// An instant in Riyadh on a day of December 2026.
    static func december(_ day: Int, _ time: String) -> Date {
        InsightsFixture.at("2026-12-\(day < 10 ? "0" : "")\(day)T\(time):00+03:00")
    }

    static let reportWeek = december(6, "00:00")..<december(13, "00:00")
    static let weekBefore = InsightsFixture.at("2026-11-29T00:00:00+03:00")..<december(6, "00:00")

    static let billing = "فواتير"
    static let shipping = "شحن"
    static let urgent = "عاجل"

    static let tickets: [TicketFacts] = [
        TicketFacts(
            id: 1, createdAt: december(6, "09:00"), channel: .email, groupID: 1, assigneeID: 10, tags: [billing],
            organizationID: 100, firstPublicAgentReplyAt: december(6, "10:00"), publicAgentReplyCount: 1,
            solvedAt: [december(6, "12:00")], status: .solved),
        TicketFacts(
            id: 2, createdAt: december(6, "16:30"), channel: .chat, groupID: 2, assigneeID: 11, tags: [shipping],
            priority: .high, firstPublicAgentReplyAt: december(7, "09:30"), publicAgentReplyCount: 3,
            solvedAt: [december(7, "11:00"), december(8, "12:00")], reopenedAt: [december(8, "10:00")],
            status: .solved),
        TicketFacts(
            id: 3, createdAt: december(10, "16:00"), channel: .email, groupID: 1, assigneeID: 10,
            tags: [billing, urgent], priority: .urgent, organizationID: 100,
            firstPublicAgentReplyAt: december(12, "10:00"), publicAgentReplyCount: 1, status: .open),
        TicketFacts(id: 4, createdAt: december(7, "08:00"), channel: .web, priority: .low, status: .new),
        TicketFacts(
            id: 5, createdAt: december(3, "10:00"), channel: .email, groupID: 1, assigneeID: 11, tags: [billing],
            organizationID: 100, firstPublicAgentReplyAt: december(3, "11:00"), publicAgentReplyCount: 1,
            solvedAt: [december(7, "09:00")], closedAt: december(10, "09:00"), status: .closed),
        TicketFacts(
            id: 6, createdAt: december(8, "09:00"), channel: .phone, groupID: 2, assigneeID: 10,
            firstPublicAgentReplyAt: december(8, "09:05"), publicAgentReplyCount: 2, solvedAt: [december(8, "09:20")],
            reopenedAt: [december(9, "10:00")], status: .open),
        TicketFacts(
            id: 7, createdAt: december(9, "10:00"), channel: .email, closedAt: december(9, "10:30"), isMerged: true,
            status: .closed),
        TicketFacts(
            id: 8, createdAt: december(9, "12:00"), channel: .chat, groupID: 2, assigneeID: 11,
            firstPublicAgentReplyAt: december(9, "12:02"), publicAgentReplyCount: 2, closedAt: december(9, "12:30"),
            status: .closed),
    ]
}
