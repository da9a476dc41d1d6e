import Fluent
import Foundation
import RaayaCore
import Vapor

/// Sample data in Arabic and English: the demo a newcomer signs in to, and bulk tickets for benchmarks.
/// Everything goes through the same services as the API, so the demo shows real events and search.
struct DemoData {
    let app: Application

    static let mailboxAddress = "support@demo.raaya.test"
    static let adminEmail = "admin@demo.raaya.test"
    static let password = "raaya-demo"

    /// Groups, staff, customers and tickets on every channel and in every status.
    func seed() async throws -> (email: String, password: String) {
        let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
        let hash = try await hasher.hash(Self.password)
        let clock = app.raaya.clock
        try await app.raaya.writer.write { database in
            let now = clock.now()
            let accounts = AccountService(database: database, now: now)
            let tier1 = try await accounts.createGroup(name: "الدعم — Tier 1 Support", tier: 1).requireID()
            let billing = try await accounts.createGroup(name: "الفواتير — Billing", tier: 2).requireID()
            let specialists = try await accounts.createGroup(name: "المتخصصون — Specialists", tier: 3).requireID()
            let staff: [(String, String, Role, [Int])] = [
                (Self.adminEmail, "مدير النظام — Demo Admin", .admin, []),
                ("huda@demo.raaya.test", "هدى الزهراني", .supervisor, [tier1, billing]),
                ("omar@demo.raaya.test", "عمر الحربي", .agent, [tier1]),
                ("sarah@demo.raaya.test", "Sarah Collins", .agent, [tier1, billing]),
                ("khalid@demo.raaya.test", "خالد العتيبي", .agent, [specialists]),
            ]
            var ids: [String: Int] = [:]
            for (email, name, role, groups) in staff {
                ids[email] = try await accounts.createUser(
                    NewUser(email: email, name: name, passwordHash: hash, role: role, groupIDs: groups))
            }
            let omar = try await principal(ids["omar@demo.raaya.test"], on: database)
            let sarah = try await principal(ids["sarah@demo.raaya.test"], on: database)
            let khalid = try await principal(ids["khalid@demo.raaya.test"], on: database)

            let customers = CustomerService(sql: try database.sqlDatabase(), now: now)
            _ = try await customers.create(
                CustomerDraft(name: "شركة الأفق للتجارة", email: "info@alofoq.example", phone: nil,
                    organization: "شركة الأفق", language: "ar"))

            let stories: [DemoTicket] = [
                DemoTicket(
                    subject: "لم تصلني الفاتورة لشهر أكتوبر", body: "السلام عليكم، لم تصلني فاتورة شهر أكتوبر حتى الآن. أرجو إرسالها.",
                    channel: .email, customer: ("نورة القحطاني", "noura@example.com", nil), group: billing,
                    reply: (sarah, "وعليكم السلام نورة، أرسلنا الفاتورة إلى بريدك الآن."), status: .solved),
                DemoTicket(
                    subject: "Refund for a double charge", body: "I was charged twice for my subscription this month. Please refund one payment.",
                    channel: .web, customer: ("James Walker", "james.walker@example.com", nil), group: billing,
                    reply: (sarah, "Hi James, I can see both charges. The refund is on its way."), status: .pending),
                DemoTicket(
                    subject: "التطبيق يتوقف عند تسجيل الدخول", body: "كلما حاولت تسجيل الدخول من الجوال يتوقف التطبيق فجأة.",
                    channel: .chat, customer: ("فهد الشمري", nil, "+966501234567"), group: specialists,
                    reply: (khalid, "شكرًا فهد، نحتاج رقم إصدار التطبيق ونوع الجهاز."), status: .onHold),
                DemoTicket(
                    subject: "استفسار عن أسعار الباقات", body: "ما الفرق بين الباقة الأساسية والمتقدمة؟ وهل توجد خصومات سنوية؟",
                    channel: .phone, customer: ("ريم السبيعي", "reem@example.com", "+966555000111"), group: tier1,
                    reply: nil, status: .new),
                DemoTicket(
                    subject: "Complaint about late delivery", body: "My order #5531 is a week late and nobody answers the phone.",
                    channel: .social, customer: ("Aisha Rahman", "aisha.r@example.com", nil), group: tier1,
                    reply: (omar, "We are sorry, Aisha. Your order ships today; tracking follows by email."), status: .open),
                DemoTicket(
                    subject: "تغيير عنوان التوصيل", body: "أرغب بتغيير عنوان التوصيل إلى الرياض، حي النرجس.",
                    channel: .email, customer: ("نورة القحطاني", "noura@example.com", nil), group: tier1,
                    reply: (omar, "تم تحديث العنوان، شكرًا لك."), status: .closed),
                DemoTicket(
                    subject: "API key does not work", body: "Our integration gets 401 with the new API key since this morning.",
                    channel: .api, customer: ("Daniel Kim", "daniel@techco.example", nil), group: specialists,
                    reply: nil, status: .new),
                DemoTicket(
                    subject: "شكر على سرعة الاستجابة", body: "أشكركم على حل مشكلتي بسرعة، خدمة ممتازة!",
                    channel: .chat, customer: ("عبدالله المطيري", "abdullah@example.com", nil), group: nil,
                    reply: (omar, "سعداء بخدمتك دائمًا يا عبدالله."), status: .solved),
            ]
            for (index, story) in stories.enumerated() {
                // Spread the stories over the last days, so lists and times look like a real queue.
                let created = now.addingTimeInterval(-Double(stories.count - index) * 5 * 3600)
                let answered = created.addingTimeInterval(25 * 60)
                let creator = story.reply?.0 ?? omar
                let service = TicketService(database: database, now: created, actor: creator)
                let id = try await service.create(
                    NewTicket(
                        subject: story.subject, body: story.body, channel: story.channel, priority: .normal, customerID: nil,
                        customer: CustomerDraft(name: story.customer.0, email: story.customer.1, phone: story.customer.2),
                        groupID: story.group, assigneeID: story.reply?.0.userID, tags: story.channel == .social ? ["شكوى"] : []))
                if let (agent, text) = story.reply {
                    _ = try await TicketService(database: database, now: answered, actor: agent)
                        .addMessage(to: id, NewMessage(body: text, isInternal: false, author: .agent, channel: nil))
                }
                if story.status != .new && story.status != .open {
                    try await TicketService(database: database, now: answered.addingTimeInterval(3600), actor: creator)
                        .update(id, TicketChanges(status: story.status))
                }
            }
            // Two months of solved requests and what their customers said about them, before there is a mailbox
            // (history puts nothing in the outbox).
            let history = try await Self.seedHistory(agents: [omar, sarah, khalid], groups: [tier1, billing, specialists], on: database, now: now)
            try await Self.seedSurveys(history: history, on: database, now: now)
            // Mail to this address (SMTP on RAAYA_SMTP_LISTEN, or the inbound endpoint) opens Tier 1 tickets. Added
            // after the stories, so their replies (history, not news) put nothing in the outbox.
            try await database.sqlDatabase().insertRow(
                into: "mailboxes",
                [
                    "address": Self.mailboxAddress, "name": "الدعم — Support", "group_id": tier1, "language": "ar",
                    "signature": "فريق الدعم — The Support Team", "created_at": now,
                ])
            // Chat answers in Riyadh office hours (Sunday to Thursday), in Tier 1; outside them, or with no agent
            // connected, the widget takes an email address instead.
            let workWeek = BusinessCalendar.Interval(start: "08:00", end: "18:00")
            let calendarID = try await BusinessCalendars.create(
                name: "الرياض — Riyadh office",
                BusinessCalendar(timeZone: "Asia/Riyadh", hours: [.sun: [workWeek], .mon: [workWeek], .tue: [workWeek], .wed: [workWeek], .thu: [workWeek]]),
                on: database.sqlDatabase(), now: now)
            try await StoredSetting.save(
                ChatSettings(calendarID: calendarID, groupID: tier1), as: ChatSettings.key, on: database.sqlDatabase(), now: now)
            // The help center's articles, in Arabic and English.
            try await DemoKnowledgeFile.embedded().store(on: database.sqlDatabase(), now: now, authorID: nil)
            // Canned replies in both languages, one that closes the loop and one that asks for what is missing.
            let macros = MacroService(sql: try database.sqlDatabase(), now: now)
            for draft in [
                MacroDraft(
                    title: "طلب رقم الطلب — Ask for the order number",
                    body: "أهلاً {{customer.name}}، نرجو تزويدنا برقم الطلب لنتابع طلبك.\nHello {{customer.name}}, please send us your order number so we can follow up.",
                    isInternal: false, setStatus: .pending, addTags: ["معلومات-ناقصة"]),
                MacroDraft(
                    title: "تم الحل — Solved",
                    body: "يسعدنا أننا ساعدناك يا {{customer.name}}. إن احتجت أي شيء آخر فقط رد على هذه الرسالة.\nGlad we could help, {{customer.name}}. Just reply if you need anything else.\n— {{agent.name}}",
                    isInternal: false, setStatus: .solved, addTags: []),
                MacroDraft(
                    title: "تصعيد إلى المستوى الثاني — Escalate to tier 2", body: "يحتاج هذا الطلب إلى فريق المستوى الثاني.",
                    isInternal: true, setStatus: .onHold, addTags: ["تصعيد"]),
            ] {
                _ = try await macros.create(draft)
            }
        }
        return (Self.adminEmail, Self.password)
    }

    /// `tickets` generated tickets from `customers` customers, 500 to a transaction.
    func seedBulk(tickets: Int, customers: Int) async throws {
        let clock = app.raaya.clock
        let batch = 500
        var made = 0
        while made < tickets {
            let start = made
            let count = min(batch, tickets - made)
            try await app.raaya.writer.write { database in
                let now = clock.now()
                let creations = (start..<(start + count)).map { n in
                    let customer = n % max(customers, 1)
                    let topic = Self.topics[n % Self.topics.count]
                    return TicketCreation(
                        ticket: NewTicket(
                            subject: "\(topic.subject) #\(n)", body: topic.body, channel: Channel.allCases[n % Channel.allCases.count],
                            priority: TicketPriority.allCases[n % TicketPriority.allCases.count], customerID: nil,
                            customer: CustomerDraft(name: "عميل \(customer) Customer", email: "customer\(customer)@example.com"),
                            groupID: nil, assigneeID: nil, tags: []),
                        actor: nil, now: now)
                }
                for result in try await TicketCreation.apply(creations, on: try database.sqlDatabase()) { _ = try result.get() }
            }
            made += count
            if made % 10_000 == 0 { app.logger.info("seeded \(made) tickets") }
        }
    }

    private func principal(_ id: Int?, on database: any Database) async throws -> Principal {
        guard let id, let user = try await User.find(id, on: database) else { throw DomainError.notFound(resource: "user") }
        let groups = try await UserGroup.query(on: database).filter(\.$user.$id == id).all().map(\.$group.id)
        return Principal(userID: id, role: user.role, groupIDs: Set(groups))
    }

    private struct DemoTicket {
        let subject: String
        let body: String
        let channel: Channel
        let customer: (String, String?, String?)
        let group: Int?
        let reply: (Principal, String)?
        let status: TicketStatus
    }

    /// About 430 bytes each of Arabic and English, like real requests.
    static let topics: [(subject: String, body: String)] = [
        ("استفسار عن الفاتورة الشهرية", "مرحبًا، وصلتني فاتورة هذا الشهر بمبلغ أعلى من المعتاد. أرجو توضيح سبب الزيادة في الأسعار وهل يمكن تقسيط المبلغ. Thank you for checking my invoice."),
        ("Refund request for order", "Hello, I returned the item last week but have not received my refund yet. Could you please check the status? شكرًا لكم على المساعدة السريعة."),
        ("مشكلة في تسجيل الدخول", "لا أستطيع تسجيل الدخول إلى حسابي منذ أمس، تظهر رسالة خطأ في كلمة المرور رغم أنني غيرتها. أرجو المساعدة. I tried resetting the password twice."),
        ("Delivery is late", "My order was supposed to arrive three days ago and the tracking page has not changed. الطلب متأخر جدًا وأحتاجه بشكل عاجل لهذا الأسبوع."),
        ("طلب تغيير الباقة", "أرغب في الترقية إلى الباقة المتقدمة اعتبارًا من الشهر القادم، وما هي الأسعار الحالية للاشتراك السنوي؟ Please send the new contract."),
        ("Complaint about service quality", "The technician did not arrive at the scheduled time and nobody called to explain. الخدمة سيئة هذه المرة وأرجو التعويض المناسب."),
    ]
}
