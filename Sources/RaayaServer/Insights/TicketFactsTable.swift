import Foundation
import RaayaCore
import SQLKit

/// The reports' pre-aggregate: one row per ticket in `ticket_facts` holding what `TicketFacts` derives from the
/// ticket's events and messages (creation, first public agent reply and reply count, solves, reopens, closure,
/// merge, status). A report reads a row per ticket instead of every event and message of it.
///
/// The row is exact because it is rebuilt from the raw history (`TicketHistory.rebuilt`) inside the same
/// transaction as every write that changes them: each `TicketService` operation on a ticket (status, priority,
/// assignee, group, a message, a merge) refreshes it once at its end, `TicketCreation` builds it, and a change of a
/// customer's organization refreshes the customer's tickets. The attributes reports filter on are copied here as
/// the ticket has them now (channel, priority, group, assignee, the customer's organization), so a report reads
/// this table alone; tags stay in `ticket_tags`.
///
/// Columns: `created_at`, `last_at` (`TicketFacts.lastInstant`) and `unresolved` (now) pick a range's tickets;
/// the attribute columns filter them; `opening_sentiment` and `latest_sentiment` are the customer's
/// (`TicketSentiment`), which the satisfaction report counts by creation; `facts` holds the facts and attributes as
/// one line of text (`Line`), which is all a report reads of a row: both drivers decode a column at a cost that
/// dwarfs the query, and building the line in SQL cost more than reading it. Instants are seconds since
/// Foundation's reference date (2001-01-01 UTC), written in the shortest form that reads back as the same
/// `Double`, so every `Date` comes back exactly.
enum TicketFactsTable {
    static let name = "ticket_facts"

    /// What a row holds of one ticket: its facts (with the attributes) and its customer's sentiment.
    struct Row: Sendable, Equatable {
        var facts: TicketFacts
        var sentiment: TicketSentiment
    }

    /// Replaces the rows of `rows`' tickets.
    static func write(_ rows: [Row], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let page = rows[start..<min(start + rowsPerStatement, rows.count)]
            try await sql.raw("DELETE FROM ticket_facts WHERE ticket_id IN (\(binds: page.map(\.facts.id)))").run()
            try await sql.insertRows(
                into: name,
                columns: [
                    "ticket_id", "created_at", "last_at", "unresolved", "facts", "channel", "priority", "group_id",
                    "assignee_id", "organization_id", "opening_sentiment", "latest_sentiment",
                ],
                page.map { row in
                    let ticket = row.facts
                    return [
                        ticket.id, seconds(ticket.createdAt), seconds(ticket.lastInstant), ticket.isUnresolvedNow,
                        Line.text(ticket), ticket.channel.rawValue, ticket.priority.rawValue, ticket.groupID,
                        ticket.assigneeID, ticket.organizationID, row.sentiment.opening?.rawValue, row.sentiment.latest?.rawValue,
                    ]
                })
        }
    }

    /// Well under the bound values a statement may hold on either database (SQLite 32,766).
    private static let rowsPerStatement = 2_500

    /// Rebuilds the rows of `ids` from their raw history: call it in the transaction that changed it.
    static func refresh(_ ids: [Int], on sql: any SQLDatabase) async throws {
        try await write(try await TicketHistory.rebuilt(ofIDs: ids, on: sql), on: sql)
    }

    /// Builds the rows of the tickets that have none from their raw history, a page of tickets at a time: the
    /// migration that completes the table and tools that fill a database with plain SQL.
    static func fillMissing(on sql: any SQLDatabase) async throws {
        var after = 0
        while true {
            let ids = try await sql.raw("""
                SELECT t.id FROM tickets t WHERE t.id > \(bind: after) \
                AND NOT EXISTS (SELECT 1 FROM ticket_facts f WHERE f.ticket_id = t.id) \
                ORDER BY t.id LIMIT \(literal: TicketHistory.idsPerStatement)
                """).all(decodingColumn: "id", as: Int.self)
            guard let last = ids.last else { return }
            try await refresh(ids, on: sql)
            after = last
        }
    }

    /// An instant as the table stores it.
    static func seconds(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }

    /// A ticket's facts and attributes as one line of fields separated by spaces: creation, status, first reply
    /// (`-` for none), reply count, closure (`-`), merged (`1` or `0`), solves and reopens (instants separated by
    /// commas, `-` for none), then the ticket's id, channel, priority, group, assignee and organization (`-` for
    /// none). Tags are not in it.
    enum Line {
        static func text(_ ticket: TicketFacts) -> String {
            func instant(_ date: Date?) -> String { date.map { String(seconds($0)) } ?? "-" }
            func list(_ dates: [Date]) -> String { dates.isEmpty ? "-" : dates.map { String(seconds($0)) }.joined(separator: ",") }
            func optional(_ id: Int?) -> String { id.map(String.init) ?? "-" }
            return [
                instant(ticket.createdAt), ticket.status.rawValue, instant(ticket.firstPublicAgentReplyAt),
                String(ticket.publicAgentReplyCount), instant(ticket.closedAt), ticket.isMerged ? "1" : "0",
                list(ticket.solvedAt), list(ticket.reopenedAt), String(ticket.id), ticket.channel.rawValue,
                ticket.priority.rawValue, optional(ticket.groupID), optional(ticket.assigneeID), optional(ticket.organizationID),
            ].joined(separator: " ")
        }

        /// The facts of a line, without tags; nil when the line is not one `text` makes. The line
        /// is ASCII and read on its bytes: a report reads tens of thousands, and cutting them into strings was a
        /// fifth of its time.
        static func facts(_ line: String) -> TicketFacts? {
            var line = line
            return line.withUTF8 { facts(bytes: $0) }
        }

        private static func facts(bytes: UnsafeBufferPointer<UInt8>) -> TicketFacts? {
            // The fields in order, each cut where it is read: no list of them, no allocation but the ticket's own.
            var fields = Fields(rest: bytes[...], separator: UInt8(ascii: " "))
            guard let created = fields.next().flatMap(instant), let status = fields.next().flatMap(statuses.value),
                let reply = fields.next(), let replies = fields.next().flatMap(integer), let closed = fields.next(),
                let merged = fields.next(), let solves = fields.next(), let reopens = fields.next(),
                let id = fields.next().flatMap(integer), let channel = fields.next().flatMap(channels.value),
                let priority = fields.next().flatMap(priorities.value), let group = fields.next(),
                let assignee = fields.next(), let organization = fields.next(), fields.next() == nil
            else { return nil }
            func optional(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? { isNone(field) ? nil : integer(field) }
            func list(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> [Date] {
                guard !isNone(field) else { return [] }
                var dates: [Date] = []
                var items = Fields(rest: field, separator: UInt8(ascii: ","))
                while let item = items.next() { if let date = instant(item) { dates.append(date) } }
                return dates
            }
            return TicketFacts(
                id: id, createdAt: created, channel: channel, groupID: optional(group), assigneeID: optional(assignee),
                priority: priority, organizationID: optional(organization), firstPublicAgentReplyAt: instant(reply),
                publicAgentReplyCount: replies, solvedAt: list(solves), reopenedAt: list(reopens), closedAt: instant(closed),
                isMerged: merged.count == 1 && merged.first == UInt8(ascii: "1"), status: status)
        }

        private static let statuses = Cases<TicketStatus>()
        private static let channels = Cases<Channel>()
        private static let priorities = Cases<TicketPriority>()

        /// The cases of an enumeration by the bytes of their raw values, to read them without making a string: the
        /// synthesized `init(rawValue:)` compares a string with each case in turn.
        private struct Cases<Value: CaseIterable & RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
            let all: [(bytes: [UInt8], value: Value)] = Value.allCases.map { (Array($0.rawValue.utf8), $0) }

            func value(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Value? {
                all.first { $0.bytes.count == field.count && $0.bytes.elementsEqual(field) }?.value
            }
        }

        /// The fields of a line (or the items of a list field), one at a time: up to the next separator, the last
        /// one up to the end.
        private struct Fields {
            var rest: Slice<UnsafeBufferPointer<UInt8>>?
            let separator: UInt8

            mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
                guard let line = rest else { return nil }
                guard let end = line.firstIndex(of: separator) else {
                    rest = nil
                    return line
                }
                rest = line[(end + 1)...]
                return line[..<end]
            }
        }

        private static func isNone(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            field.count == 1 && field.first == UInt8(ascii: "-")
        }

        /// A whole number of decimal digits, or nil.
        private static func integer(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            guard !field.isEmpty, field.count <= 18 else { return nil }
            var value = 0
            for byte in field {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }

        /// An instant written by `text(of:)`, or nil (`-`). Numbers of at most 15 significant digits with a decimal
        /// point (every microsecond instant of this century) are read as digits ÷ a power of ten: both exact in a
        /// `Double`, so the one correctly rounded division is the nearest `Double`, as a full parse gives. Other
        /// forms take the full parse.
        private static func instant(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Date? {
            guard !isNone(field) else { return nil }
            var digits = 0
            var count = 0
            var decimals: Int?
            var negative = false
            for (offset, byte) in field.enumerated() {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits = digits &* 10 &+ Int(byte - UInt8(ascii: "0"))
                    count += 1
                    if let places = decimals { decimals = places + 1 }
                case UInt8(ascii: ".") where decimals == nil:
                    decimals = 0
                case UInt8(ascii: "-") where offset == 0:
                    negative = true
                default:
                    count = .max
                }
                if count > 15 { break }
            }
            if count > 0, count <= 15, let places = decimals, places > 0 {
                let seconds = Double(digits) / powersOfTen[places]
                return Date(timeIntervalSinceReferenceDate: negative ? -seconds : seconds)
            }
            return Double(String(decoding: field, as: UTF8.self)).map { Date(timeIntervalSinceReferenceDate: $0) }
        }

        private static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }
    }
}
