import Foundation
import RaayaCore
import SQLKit

/// Two years of service history written straight into the tables the migrations made, the way `TicketService`
/// leaves them: each ticket with its customer's first message, agents' replies, customers' answers and internal
/// notes (five messages a ticket on average), and the events `created`, `message_added`, `first_response`,
/// `status_changed`, `reopened` and `merged`. Most tickets are solved within hours (chat and phone within minutes)
/// and closed four days later; every seventh solved ticket is reopened a day later and solved again; one in a
/// hundred is merged into the ticket before it; the last ten days keep an open backlog.
///
/// Not written: the search index (no report reads it), surveys and the bot's events.
struct HistoryGenerator {
    let tickets: Int
    let end: Date
    var days = 730
    var ticketsPerTransaction = 5_000
    let agents = 40
    let groups = 8
    let organizations = 2_000
    var customers: Int { max(1, tickets / 10) }

    static let tags = ["billing", "delivery", "login", "refund", "contract", "complaint", "فاتورة", "توصيل", "استرجاع"]
    static let customerTexts = [
        "مرحبًا، وصلتني فاتورة هذا الشهر بمبلغ أعلى من المعتاد، أرجو التوضيح.",
        "Hello, I returned the item last week and have not received my refund yet.",
        "لا أستطيع تسجيل الدخول إلى حسابي منذ أمس رغم أنني غيرت كلمة المرور.",
        "My order was supposed to arrive three days ago and the tracking page has not changed.",
        "شكرًا، لكن المشكلة ما زالت قائمة. Still not working on my side.",
    ]
    /// What the sentiment model makes of each of `customerTexts`, stored with the message as `TicketService` does.
    static let customerSentiments = customerTexts.map(SentimentModel.shared.analyze)
    static let agentTexts = [
        "شكرًا لتواصلك معنا، راجعنا طلبك وتم تصحيح المبلغ في الفاتورة القادمة.",
        "Thank you for your patience; the refund was issued today and reaches your bank in 3–5 days.",
        "أرسلنا لك رابطًا جديدًا لإعادة تعيين كلمة المرور، يرجى المحاولة مرة أخرى.",
        "The courier confirmed delivery for tomorrow morning. نعتذر عن التأخير.",
    ]
    static let notes = ["تم التحقق من الطلب مع قسم المالية.", "Escalated to the courier's account manager."]
    static let subjects = [
        "استفسار عن الفاتورة الشهرية", "Refund request for order", "مشكلة في تسجيل الدخول", "Delivery is late",
        "طلب تغيير الباقة", "Complaint about service quality",
    ]

    /// Agents, groups, organizations and customers, then the tickets a transaction at a time.
    func generate(
        write: (@escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Void,
        progress: (Int) -> Void
    ) async throws {
        let start = end.addingTimeInterval(-Double(days) * 86_400)
        let past = start.addingTimeInterval(-86_400)
        let (agents, groups, organizations, customers) = (agents, groups, organizations, customers)
        try await write { sql in
            try await sql.insertAll(
                into: "groups", columns: ["name", "tier", "created_at"],
                (1...groups).map { ["فريق \($0) Team \($0)", $0 % 3 + 1, past] })
            try await sql.insertAll(
                into: "users", columns: ["email", "name", "role", "password_hash", "failed_sign_ins", "created_at"],
                (1...agents).map { ["agent\($0)@bench.example", "وكيل \($0) Agent \($0)", "agent", "!", 0, past] })
            try await sql.insertAll(
                into: "organizations", columns: ["name", "created_at"], (1...organizations).map { ["شركة \($0) Org \($0)", past] })
        }
        for first in stride(from: 1, through: customers, by: 3_000) {
            try await write { sql in
                try await sql.insertAll(
                    into: "customers", columns: ["name", "organization_id", "language", "created_at", "updated_at"],
                    (first...min(first + 2_999, customers)).map { n in
                        ["عميل \(n) Customer \(n)", n % 5 < 3 ? n % organizations + 1 : nil, n % 2 == 0 ? "ar" : "en", past, past]
                    })
            }
        }
        for first in stride(from: 1, through: tickets, by: ticketsPerTransaction) {
            let batch = Batch(generator: self, ids: first...min(first + ticketsPerTransaction - 1, tickets), start: start)
            try await write { sql in try await batch.insert(on: sql) }
            progress(batch.ids.upperBound)
        }
    }

    /// The rows of some consecutive tickets. Ticket ids are handed out in order on an empty database, so the
    /// rows name them before they are inserted.
    struct Batch: Sendable {
        let ids: ClosedRange<Int>
        var tickets: [[any Encodable & Sendable]] = []
        var messages: [[any Encodable & Sendable]] = []
        var events: [[any Encodable & Sendable]] = []
        var tags: [[any Encodable & Sendable]] = []

        init(generator: HistoryGenerator, ids: ClosedRange<Int>, start: Date) {
            self.ids = ids
            var random = SeededGenerator(seed: UInt64(ids.lowerBound))
            let span = generator.end.timeIntervalSince(start)
            for id in ids {
                let created = start.addingTimeInterval((Double(id - 1) + Double.random(in: 0..<1, using: &random)) * span / Double(generator.tickets))
                add(id, created: created, generator: generator, using: &random)
            }
        }

        private mutating func add(_ id: Int, created: Date, generator: HistoryGenerator, using random: inout SeededGenerator) {
            let end = generator.end
            let channel: Channel =
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<45: .email
                case 45..<65: .chat
                case 65..<80: .web
                case 80..<90: .phone
                case 90..<97: .social
                default: .api
                }
            let priority: TicketPriority =
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<15: .low
                case 15..<75: .normal
                case 75..<95: .high
                default: .urgent
                }
            let customerID = Int.random(in: 1...generator.customers, using: &random)
            let assigneeID: Int? = Int.random(in: 0..<20, using: &random) == 0 ? nil : Int.random(in: 1...generator.agents, using: &random)
            let live = channel == .chat || channel == .phone
            /// A wait drawn from an exponential distribution with the given mean, in seconds.
            func wait(_ mean: Double) -> TimeInterval { -mean * log(1 - Double.random(in: 0..<1, using: &random)) }
            var status = TicketStatus.new
            var at = created
            var firstResponse: Date?
            var solved: Date?
            var reopens = 0
            var isFirst = true
            func event(_ kind: TicketEventKind, _ data: String = "{}", at instant: Date) {
                events.append([id, kind.rawValue, assigneeID, data, instant])
            }
            func message(_ author: AuthorKind, _ body: String, internal isInternal: Bool = false, at instant: Date) {
                let sentiment = author == .customer ? HistoryGenerator.customerTexts.firstIndex(of: body).map { HistoryGenerator.customerSentiments[$0] } : nil
                messages.append([
                    id, author.rawValue, author == .agent ? assigneeID : nil, author == .customer ? customerID : nil, body, isInternal,
                    channel.rawValue, instant, sentiment?.label.rawValue, sentiment?.score,
                ])
                // The first message comes with the ticket's `created` event, as `TicketCreation` writes it.
                if !isFirst {
                    event(.messageAdded, "{\"author\":\"\(author.rawValue)\",\"internal\":\"\(isInternal)\"}", at: instant)
                }
                isFirst = false
            }
            func move(to target: TicketStatus, at instant: Date) {
                event(.statusChanged, "{\"from\":\"\(status.rawValue)\",\"to\":\"\(target.rawValue)\"}", at: instant)
                if status == .solved && target.isActive {
                    reopens += 1
                    event(.reopened, "{\"by\":\"customer\"}", at: instant)
                }
                if target == .solved { solved = instant }
                status = target
            }
            event(.created, "{\"channel\":\"\(channel.rawValue)\"}", at: created)
            message(.customer, HistoryGenerator.customerTexts.randomElement(using: &random)!, at: created)
            // Three to seven messages: the customer's, then agents and customers in turn, a note now and then.
            let count = Int.random(in: 3...7, using: &random)
            let recent = end.timeIntervalSince(created) < 10 * 86_400
            let staysOpen = recent && Int.random(in: 0..<10, using: &random) < 4
            for n in 1..<count {
                at = at.addingTimeInterval(live ? wait(240) : wait(4 * 3_600))
                guard at < end else { break }
                if n % 2 == 1 || Int.random(in: 0..<5, using: &random) == 0 {
                    let isNote = n > 1 && Int.random(in: 0..<4, using: &random) == 0
                    if isNote {
                        message(.agent, HistoryGenerator.notes.randomElement(using: &random)!, internal: true, at: at)
                        continue
                    }
                    if status == .new { move(to: .open, at: at) }
                    if firstResponse == nil {
                        firstResponse = at
                        event(.firstResponse, at: at)
                    }
                    message(.agent, HistoryGenerator.agentTexts.randomElement(using: &random)!, at: at)
                } else {
                    if status == .pending { move(to: .open, at: at) }
                    message(.customer, HistoryGenerator.customerTexts.randomElement(using: &random)!, at: at)
                }
            }
            var merged: Int?
            if id > 1 && Int.random(in: 0..<100, using: &random) == 0 {
                let mergeAt = at.addingTimeInterval(wait(1_800))
                if mergeAt < end {
                    move(to: .closed, at: mergeAt)
                    merged = id - 1
                    event(.merged, "{\"into\":\"\(id - 1)\"}", at: mergeAt)
                    at = mergeAt
                }
            } else if !staysOpen {
                let solveAt = at.addingTimeInterval(live ? wait(300) : wait(3_600))
                if solveAt < end {
                    if status == .new { move(to: .open, at: solveAt) }
                    move(to: .solved, at: solveAt)
                    at = solveAt
                    if Int.random(in: 0..<7, using: &random) == 0, at.addingTimeInterval(86_400) < end {
                        at = at.addingTimeInterval(86_400)
                        message(.customer, HistoryGenerator.customerTexts[4], at: at)
                        move(to: .open, at: at)
                        let again = at.addingTimeInterval(live ? wait(600) : wait(3 * 3_600))
                        if again < end {
                            message(.agent, HistoryGenerator.agentTexts.randomElement(using: &random)!, at: again)
                            move(to: .solved, at: again)
                            at = again
                        }
                    }
                    if status == .solved, at.addingTimeInterval(4 * 86_400) < end {
                        at = at.addingTimeInterval(4 * 86_400)
                        move(to: .closed, at: at)
                    }
                }
            } else if status == .open, Bool.random(using: &random) {
                at = at.addingTimeInterval(60)
                move(to: .pending, at: at)
            }
            tickets.append([
                HistoryGenerator.subjects.randomElement(using: &random)!, status.rawValue, priority.rawValue, channel.rawValue,
                customerID, Int.random(in: 1...generator.groups, using: &random), assigneeID, created, at, firstResponse, solved,
                reopens, merged,
            ])
            if Int.random(in: 0..<10, using: &random) < 7 {
                tags.append([id, HistoryGenerator.tags.randomElement(using: &random)!])
            }
        }

        func insert(on sql: any SQLDatabase) async throws {
            try await sql.insertAll(
                into: "tickets",
                columns: [
                    "subject", "status", "priority", "channel", "customer_id", "group_id", "assignee_id", "created_at",
                    "updated_at", "first_response_at", "solved_at", "reopen_count", "merged_into_id",
                ], tickets)
            try await sql.insertAll(
                into: "messages",
                columns: [
                    "ticket_id", "author_kind", "author_user_id", "author_customer_id", "body", "internal", "channel", "created_at",
                    "sentiment", "sentiment_score",
                ], messages)
            try await sql.insertAll(into: "ticket_events", columns: ["ticket_id", "kind", "actor_user_id", "data", "created_at"], events)
            try await sql.insertAll(into: "ticket_tags", columns: ["ticket_id", "tag"], tags)
        }
    }
}

extension SQLDatabase {
    /// Inserts `rows` in statements of at most 30,000 bound values (SQLite allows 32,766, PostgreSQL 65,535).
    func insertAll(into table: String, columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        let perStatement = 30_000 / columns.count
        for first in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = self.insert(into: table).columns(columns)
            for row in rows[first..<min(first + perStatement, rows.count)] {
                insert = insert.values(row.map { SQLBind($0) as any SQLExpression })
            }
            try await insert.run()
        }
    }
}
