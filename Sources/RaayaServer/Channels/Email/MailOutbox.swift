import Foundation
import RaayaCore
import RaayaMail
import SQLKit

/// Puts mail for customers in the outbox, composed and ready, inside the transaction of what it reports.
///
/// `OutboxDelivery` hands it to the relay later and retries; the Message-ID is recorded at once, so the
/// customer's answer threads into the ticket whichever way it comes back.
enum MailOutbox {
    /// Queues an agent's public reply on an email ticket (or a chat continued by email). Does nothing when the ticket has no mailbox to send
    /// from or its customer no email address.
    static func enqueueReply(ticketID: Int, body: String, on sql: any SQLDatabase, now: Date) async throws {
        guard let context = try await Context.load(ticketID: ticketID, on: sql) else { return }
        try await enqueue(
            context, kind: "reply", subject: "Re: \(context.subject) \(TicketToken.tag(ticketID))",
            text: body + signatureBlock(context.mailbox.signature), automatic: false, on: sql, now: now)
    }

    /// Queues the acknowledgement of a new ticket opened by mail, in the customer's language, with the articles
    /// that may already answer it.
    static func enqueueAcknowledgement(
        ticketID: Int, suggestions: ArticleSuggester.Suggestions? = nil, on sql: any SQLDatabase, now: Date
    ) async throws {
        guard let context = try await Context.load(ticketID: ticketID, on: sql) else { return }
        let text = try await Acknowledgement.text(
            language: context.language, ticketID: ticketID, subject: context.subject, name: context.customerName,
            signature: context.mailbox.signature, suggestions: suggestions, on: sql)
        try await enqueue(
            context, kind: "acknowledgement", subject: text.subject, text: text.body, automatic: true, on: sql, now: now)
    }

    /// Mails a customer the portal's sign-in link (about their latest ticket, through its mailbox). Returns
    /// whether there was a ticket to send it about.
    static func enqueueSignInLink(customerID: Int, link: String, on sql: any SQLDatabase, now: Date) async throws -> Bool {
        guard
            let latest = try await sql.raw(
                "SELECT id FROM tickets WHERE customer_id = \(bind: customerID) ORDER BY id DESC LIMIT 1"
            ).first()?.decode(column: "id", as: Int.self),
            let context = try await Context.load(ticketID: latest, on: sql, anyChannel: true)
        else { return false }
        let arabic = context.language?.hasPrefix("ar") ?? true
        let text =
            arabic
            ? "مرحباً \(context.customerName)،\n\nلمتابعة طلباتك افتح هذا الرابط (صالح لمرة واحدة ولمدة ٣٠ دقيقة):\n\(link)\n"
            : "Hello \(context.customerName),\n\nTo follow your requests, open this link (it works once, for 30 minutes):\n\(link)\n"
        try await enqueue(
            context, kind: "sign_in_link", subject: arabic ? "رابط الدخول إلى طلباتك" : "Your sign-in link",
            text: text + signatureBlock(context.mailbox.signature), automatic: true, on: sql, now: now)
        return true
    }

    /// Mails a survey invitation about a ticket (through its mailbox, whatever its channel); `compose` gets the
    /// customer's language and name. Returns whether the customer could be mailed.
    @discardableResult
    static func enqueueSurvey(
        ticketID: Int, on sql: any SQLDatabase, now: Date,
        compose: (_ language: String?, _ name: String) -> (subject: String, body: String)
    ) async throws -> Bool {
        guard let context = try await Context.load(ticketID: ticketID, on: sql, anyChannel: true) else { return false }
        let text = compose(context.language, context.customerName)
        try await enqueue(
            context, kind: "survey", subject: text.subject, text: text.body + signatureBlock(context.mailbox.signature),
            automatic: true, on: sql, now: now)
        return true
    }

    /// A mailbox's signature below the mail's text, after the `-- ` line mail readers fold away.
    static func signatureBlock(_ signature: String?) -> String {
        signature.map { "\n\n-- \n\($0)" } ?? ""
    }

    private static func enqueue(
        _ context: Context, kind: String, subject: String, text: String, automatic: Bool, on sql: any SQLDatabase,
        now: Date
    ) async throws {
        let domain = context.mailbox.address.split(separator: "@").last.map(String.init) ?? "raaya.invalid"
        let messageID = "raaya.\(context.ticketID).\(UUID().uuidString.lowercased())@\(domain)"
        var composer = MailComposer(
            from: MailAddress(name: context.mailbox.name, address: context.mailbox.address),
            to: [MailAddress(name: context.customerName, address: context.customerEmail)], subject: subject,
            date: Int64(now.timeIntervalSince1970), messageID: messageID, text: text)
        composer.inReplyTo = context.references.last
        composer.references = context.references
        composer.isAutomatic = automatic
        try await sql.insertRow(
            into: "outbox",
            [
                "ticket_id": context.ticketID, "kind": kind, "mail_message_id": messageID,
                "sender": context.mailbox.address, "recipient": context.customerEmail, "payload": Data(composer.compose()),
                "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
            ])
        try await sql.insertRow(
            into: "mail_ids",
            ["message_id": messageID, "ticket_id": context.ticketID, "direction": "out", "created_at": now])
    }

    /// Who writes to whom about what: the ticket, its customer's address, the mailbox it came through.
    private struct Context {
        let ticketID: Int
        let subject: String
        let customerName: String
        let customerEmail: String
        let language: String?
        let mailbox: (address: String, name: String, signature: String?)
        /// Message-IDs of the ticket's mail so far, oldest first; the last one is what a new mail answers.
        let references: [String]

        /// Email and portal tickets, and chats the visitor left while nobody could answer, are answered by mail.
        private static func goesByMail(_ ticket: any SQLRow) throws -> Bool {
            switch try ticket.decodeRaw(column: "channel", as: Channel.self) {
            case .email, .web: true
            case .chat: try ticket.decodeOptional(column: "chat_by_email", as: Bool.self) ?? false
            default: false
            }
        }

        static func load(ticketID: Int, on sql: any SQLDatabase, anyChannel: Bool = false) async throws -> Context? {
            guard
                let ticket = try await sql.raw("""
                    SELECT t.subject, t.channel, c.name, c.language, \
                    (SELECT value FROM customer_identities WHERE customer_id = c.id AND kind = 'email' ORDER BY id LIMIT 1) AS email, \
                    (SELECT by_email FROM chat_conversations WHERE ticket_id = t.id) AS chat_by_email \
                    FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = \(bind: ticketID)
                    """).first(),
                try anyChannel || Self.goesByMail(ticket),
                let email = try ticket.decodeOptional(column: "email", as: String.self)
            else { return nil }
            // The mailbox the customer wrote to (or, for a follow-up, the one its first ticket came through);
            // else the first mailbox there is.
            guard
                let mailbox = try await sql.raw("""
                    SELECT m.address, m.name, m.signature, m.language FROM mailboxes m \
                    LEFT JOIN inbound_mails i ON i.mailbox_id = m.id AND i.ticket_id = \(bind: ticketID) \
                    ORDER BY i.id IS NULL, m.id LIMIT 1
                    """).first()
            else { return nil }
            let references = try await sql.raw(
                "SELECT message_id FROM mail_ids WHERE ticket_id = \(bind: ticketID) ORDER BY id"
            ).all().map { try $0.decode(column: "message_id", as: String.self) }
            return Context(
                ticketID: ticketID, subject: try ticket.decode(column: "subject", as: String.self),
                customerName: try ticket.decode(column: "name", as: String.self), customerEmail: email,
                language: try ticket.decodeOptional(column: "language", as: String.self)
                    ?? mailbox.decodeOptional(column: "language", as: String.self),
                mailbox: (
                    try mailbox.decode(column: "address", as: String.self), try mailbox.decode(column: "name", as: String.self),
                    try mailbox.decodeOptional(column: "signature", as: String.self)
                ),
                references: Array(references.suffix(20)))
        }
    }
}

/// The acknowledgement a customer gets for a new ticket: the admin's text for the customer's language when
/// there is one (`PUT /api/v1/mail-templates/acknowledgement/{language}`), else the built-in Arabic or English
/// text, or both when the language is neither. `{{ticket}}`, `{{subject}}` and `{{name}}` are filled in.
enum Acknowledgement {
    static let key = "acknowledgement"
    static let languages = ["ar", "en"]

    static func builtIn(_ language: String) -> (subject: String, body: String) {
        language == "ar"
            ? (
                "تم استلام طلبك {{ticket}}: {{subject}}",
                """
                مرحباً {{name}}،

                استلمنا طلبك «{{subject}}» وسجّلناه برقم {{ticket}}. سيردّ عليك أحد أعضاء فريقنا في أقرب وقت.
                للمتابعة، يكفي الرد على هذه الرسالة.
                """
            )
            : (
                "We received your request {{ticket}}: {{subject}}",
                """
                Hello {{name}},

                We have received your request "{{subject}}" as {{ticket}}. Someone from our team will answer you soon.
                To add anything, just reply to this mail.
                """
            )
    }

    static func text(
        language: String?, ticketID: Int, subject: String, name: String, signature: String?,
        suggestions: ArticleSuggester.Suggestions? = nil, on sql: any SQLDatabase
    ) async throws -> (subject: String, body: String) {
        let base = language?.split(separator: "-").first.map(String.init)
        let wanted = base.map { languages.contains($0) ? [$0] : languages } ?? languages
        var parts: [(subject: String, body: String, customized: Bool)] = []
        for language in wanted {
            parts.append(try await template(language, on: sql))
        }
        // Filled in before the suggestions are added: an article's title is not a template.
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{{ticket}}", with: TicketToken.tag(ticketID))
                .replacingOccurrences(of: "{{subject}}", with: subject)
                .replacingOccurrences(of: "{{name}}", with: name)
        }
        return (
            fill(parts.map(\.subject).joined(separator: " — ")),
            zip(wanted, parts).map { language, part in
                fill(part.body) + (suggestions?.text(language: language, ticketID: ticketID) ?? "")
            }.joined(separator: "\n\n") + MailOutbox.signatureBlock(signature)
        )
    }

    /// The text in force for `language`: the admin's, else the built-in one.
    static func template(_ language: String, on sql: any SQLDatabase) async throws
        -> (subject: String, body: String, customized: Bool)
    {
        guard
            let row = try await sql.raw(
                "SELECT subject, body FROM mail_templates WHERE key = \(bind: key) AND language = \(bind: language)"
            ).first()
        else {
            let builtIn = builtIn(language)
            return (builtIn.subject, builtIn.body, false)
        }
        return (try row.decode(column: "subject", as: String.self), try row.decode(column: "body", as: String.self), true)
    }
}
