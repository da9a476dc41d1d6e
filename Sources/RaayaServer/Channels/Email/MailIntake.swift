import Fluent
import Foundation
import Logging
import RaayaCore
import RaayaMail
import SQLKit

/// What became of one inbound mail.
enum MailOutcome: Equatable, Sendable {
    /// A new ticket was opened.
    case opened(ticketID: Int)
    /// The mail was added to an existing ticket (or to the follow-up of a closed one).
    case added(ticketID: Int)
    /// A Message-ID seen before: nothing new was stored.
    case duplicate(ticketID: Int)
    /// An auto-reply, bounce or bulk mail: kept, but no ticket and no reply (no mail loops).
    case ignored(reason: String)
    /// Not understood (no sender): kept as it arrived, for a person to look at.
    case kept(reason: String)

    var ticketID: Int? {
        switch self {
        case .opened(let id), .added(let id), .duplicate(let id): id
        case .ignored, .kept: nil
        }
    }

    /// The outcomes by name, as stored in `inbound_mails.outcome`, answered over HTTP and filtered by.
    enum Kind: String, CaseIterable, Sendable {
        case opened, added, duplicate, ignored, kept
    }

    var kind: Kind {
        switch self {
        case .opened: .opened
        case .added: .added
        case .duplicate: .duplicate
        case .ignored: .ignored
        case .kept: .kept
        }
    }

    var name: String { kind.rawValue }

    /// Why no ticket, for mail kept without one.
    var reason: String? {
        switch self {
        case .opened, .added, .duplicate: nil
        case .ignored(let reason), .kept(let reason): reason
        }
    }
}

/// Turns an inbound mail into a ticket or a message on one: the email channel's side of the intake.
///
/// The raw message is stored in the same transaction as what it became, so once `receive` returns the mail is
/// durable, and only then does the SMTP listener say 250 or the HTTP endpoint 202.
struct MailIntake: Sendable {
    let writer: WriteQueue
    let clock: any WallClock
    let files: FileStore
    let logger: Logger
    /// Finds the articles a new request's acknowledgement suggests; none without it.
    var suggester: ArticleSuggester? = nil

    /// A mailbox Raaya receives mail for.
    struct Mailbox: Sendable {
        let id: Int
        let address: String
        let groupID: Int?
        let language: String?
    }

    /// The mailbox for the first of `addresses` that is one (envelope recipients first, then To and Cc).
    static func mailbox(for addresses: [String], on sql: any SQLDatabase) async throws -> Mailbox? {
        let candidates = addresses.compactMap { Identity.normalizedEmail($0) }
        guard !candidates.isEmpty else { return nil }
        let rows = try await sql.raw(
            "SELECT id, address, group_id, language FROM mailboxes WHERE address IN (\(binds: candidates))"
        ).all()
        let found = try rows.map {
            Mailbox(
                id: try $0.decode(column: "id", as: Int.self), address: try $0.decode(column: "address", as: String.self),
                groupID: try $0.decodeOptional(column: "group_id", as: Int.self),
                language: try $0.decodeOptional(column: "language", as: String.self))
        }
        return candidates.lazy.compactMap { address in found.first { $0.address == address } }.first
    }

    /// Stores `raw` and makes it a ticket or a message. `recipients` are the SMTP envelope's (empty over HTTP).
    /// Throws `DomainError.invalid("to", …)` when no recipient is one of Raaya's mailboxes; nothing is stored then.
    ///
    /// Most mail opens a ticket (or is a duplicate, or automatic): that takes plain SQL only, so it is applied
    /// together with other mail arriving at the same time (see `MailArrival`). A reply to an existing ticket
    /// needs the ticket service (reopening, follow-ups) and is applied on its own.
    func receive(_ raw: [UInt8], recipients: [String] = []) async throws -> MailOutcome {
        // Parsing is the costly part and needs no database: it happens before the write, and so does storing
        // the attachments (the rows naming them are written with the message).
        let mail = MailMessage.parse(raw)
        var attachments: [StoredAttachment] = []
        for attachment in mail.attachments.prefix(Limits.attachmentsPerMessage) where !attachment.bytes.isEmpty {
            guard attachment.size <= Limits.attachmentBytes else {
                logger.notice(
                    "attachment larger than the limit kept only in the raw mail",
                    metadata: ["filename": "\(attachment.filename ?? "-")", "bytes": "\(attachment.size)"])
                continue
            }
            attachments.append(
                StoredAttachment(
                    filename: attachment.filename ?? "attachment", contentType: attachment.contentType,
                    contentID: attachment.contentID, inline: attachment.disposition == .inline,
                    file: try await files.store(attachment.bytes)))
        }
        // A mail answering one of ours continues its ticket and gets no acknowledgement to suggest articles in.
        let opensTicket = mail.inReplyTo.isEmpty && mail.references.isEmpty && mail.ticketNumber == nil
        let suggestions = opensTicket
            ? await suggester?.suggestions(
                for: MailIntake.subject(of: mail) + "\n" + mail.preferredText.prefix(Limits.suggestionQueryCharacters),
                language: nil)
            : nil
        let arrival = MailArrival(
            raw: raw, mail: mail, attachments: attachments, recipients: recipients, suggestions: suggestions,
            now: clock.now())
        let outcome: MailOutcome
        if let applied = try await writer.write(arrival) {
            outcome = applied
        } else {
            outcome = try await writer.write { database -> MailOutcome in
                try await arrival.apply(on: database.sqlDatabase(), replies: TicketService(database: database, now: arrival.now, actor: nil))
                    ?? .kept(reason: "could not be threaded")
            }
        }
        switch outcome {
        case .kept(let reason):
            logger.notice(
                "inbound mail kept without a ticket",
                metadata: ["reason": "\(reason)", "message-id": "\(mail.messageID ?? "-")", "bytes": "\(raw.count)"])
        case .ignored(let reason):
            logger.info("automatic mail stored, no ticket", metadata: ["kind": "\(reason)", "from": "\(mail.from?.address ?? "-")"])
        default:
            if !mail.problems.isEmpty {
                logger.info("inbound mail parsed with problems", metadata: ["problems": "\(mail.problems)"])
            }
        }
        return outcome
    }

    /// The ticket a reply belongs to: by the Message-IDs it answers, else by a `[#1042]` token in its subject
    /// when the sender is that ticket's customer.
    static func thread(_ mail: MailMessage, from email: String, on sql: any SQLDatabase) async throws -> Int? {
        if let ticketID = try await ticket(ofMessageIDs: mail.inReplyTo + mail.references, on: sql) {
            return ticketID
        }
        guard let number = mail.ticketNumber else { return nil }
        let row = try await sql.raw("""
            SELECT t.id FROM tickets t JOIN customer_identities i ON i.customer_id = t.customer_id \
            WHERE t.id = \(bind: number) AND i.kind = 'email' AND i.value = \(bind: email)
            """).first()
        return try row?.decode(column: "id", as: Int.self)
    }

    static func ticket(ofMessageIDs ids: [String], on sql: any SQLDatabase) async throws -> Int? {
        guard !ids.isEmpty else { return nil }
        let row = try await sql.raw(
            "SELECT ticket_id FROM mail_ids WHERE message_id IN (\(binds: ids)) ORDER BY id DESC LIMIT 1"
        ).first()
        return try row?.decode(column: "ticket_id", as: Int.self)
    }

    static func subject(of mail: MailMessage) -> String {
        let subject = mail.subject.trimmingWhitespace()
        guard !subject.isEmpty else { return "(بدون موضوع — no subject)" }
        return String(subject.prefix(Limits.subjectCharacters))
    }

    /// The text of the mail, within the size a message may have (the whole mail stays in `inbound_mails`).
    static func body(of mail: MailMessage) -> String {
        var text = mail.preferredText.trimmingWhitespace()
        if text.isEmpty { text = mail.attachments.isEmpty ? "(فارغ — empty)" : "(مرفقات فقط — attachments only)" }
        guard text.utf8.count > Limits.bodyBytes else { return text }
        var cut = text.utf8.prefix(Limits.bodyBytes - 64)
        while !cut.isEmpty, String(cut) == nil { cut = cut.dropLast() }
        return (String(cut) ?? "") + "\n[…]"
    }

    /// The mail's HTML, sanitized with the allow-list, when it has HTML and it fits the size of a message.
    static func html(of mail: MailMessage) -> String? {
        guard let html = mail.htmlBody, html.utf8.count <= Limits.bodyBytes else { return nil }
        let safe = HTMLSanitizer.sanitize(html).trimmingWhitespace()
        return safe.isEmpty ? nil : safe
    }

    /// The inbound_mails row of one mail.
    struct StoredMail {
        let raw: [UInt8]
        let mail: MailMessage
        let mailboxID: Int
        let now: Date
        var sender: String?

        func save(_ outcome: MailOutcome, on sql: any SQLDatabase) async throws -> MailOutcome {
            try await sql.insertRow(
                into: "inbound_mails",
                [
                    "mailbox_id": mailboxID, "message_id": mail.messageID, "sender": sender ?? mail.from?.address,
                    "raw": Data(raw), "outcome": outcome.name, "reason": outcome.reason, "ticket_id": outcome.ticketID,
                    "received_at": now,
                ])
            return outcome
        }
    }
}

/// One inbound mail on its way in (see `MailIntake.receive`).
struct MailArrival: CombinableWrite {
    let raw: [UInt8]
    let mail: MailMessage
    let attachments: [StoredAttachment]
    let recipients: [String]
    let suggestions: ArticleSuggester.Suggestions?
    let now: Date
    // Worked out before the write, off the writer's thread: the message's text and HTML, and the ticket's
    // search text if the mail opens one.
    let body: String
    let html: String?
    let searchText: String

    init(
        raw: [UInt8], mail: MailMessage, attachments: [StoredAttachment], recipients: [String],
        suggestions: ArticleSuggester.Suggestions? = nil, now: Date
    ) {
        self.raw = raw
        self.suggestions = suggestions
        self.mail = mail
        self.attachments = attachments
        self.recipients = recipients
        self.now = now
        body = MailIntake.body(of: mail)
        html = MailIntake.html(of: mail)
        searchText = TicketCreation.searchText(subject: MailIntake.subject(of: mail), body: body)
    }


    /// Each mail in turn, on one connection: nil for a mail that replies to an existing ticket, which then
    /// wrote nothing and goes through the ticket service alone.
    static func apply(_ items: [MailArrival], on sql: any SQLDatabase) async throws -> [Result<MailOutcome?, any Error>] {
        var results: [Result<MailOutcome?, any Error>] = []
        for item in items {
            do {
                results.append(.success(try await item.apply(on: sql, replies: nil)))
            } catch let error as DomainError {
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Stores the mail and what it became. Without `replies`, a mail that answers an existing ticket is left
    /// alone (nil, nothing written).
    func apply(on sql: any SQLDatabase, replies: TicketService?) async throws -> MailOutcome? {
        let addresses = recipients + (mail.to + mail.cc).map(\.address)
        guard let mailbox = try await MailIntake.mailbox(for: addresses, on: sql) else {
            throw DomainError.invalid("to", "names none of this Raaya's mailboxes")
        }
        var stored = MailIntake.StoredMail(raw: raw, mail: mail, mailboxID: mailbox.id, now: now)
        if let messageID = mail.messageID, let ticketID = try await MailIntake.ticket(ofMessageIDs: [messageID], on: sql) {
            return .duplicate(ticketID: ticketID)
        }
        if let automatic = mail.automatic {
            return try await stored.save(.ignored(reason: "\(automatic)"), on: sql)
        }
        guard let sender = mail.replyAddress ?? mail.from, let email = Identity.normalizedEmail(sender.address) else {
            return try await stored.save(.kept(reason: "no sender address"), on: sql)
        }
        stored.sender = email
        let outcome: MailOutcome
        if let ticketID = try await MailIntake.thread(mail, from: email, on: sql) {
            guard let replies else { return nil }
            let messageID = try await replies.addMessage(
                to: ticketID, NewMessage(body: body, isInternal: false, author: .customer, channel: .email, html: html))
            // A closed ticket's follow-up is another ticket: the message tells which.
            let row = try await sql.raw("SELECT ticket_id FROM messages WHERE id = \(bind: messageID)").first()
            outcome = .added(ticketID: try row?.decode(column: "ticket_id", as: Int.self) ?? ticketID)
            try await attach(to: messageID, on: sql)
        } else {
            let creation = TicketCreation(
                ticket: NewTicket(
                    subject: MailIntake.subject(of: mail), body: body, channel: .email, priority: .normal,
                    customerID: nil,
                    customer: CustomerDraft(
                        name: sender.name.flatMap { $0.isEmpty ? nil : String($0.prefix(Limits.nameCharacters)) },
                        email: email, language: mailbox.language),
                    groupID: mailbox.groupID, assigneeID: nil, tags: [], html: html),
                actor: nil, now: now, searchText: searchText)
            let ticketID = try await TicketCreation.apply([creation], on: sql)[0].get().id
            outcome = .opened(ticketID: ticketID)
            if !attachments.isEmpty {
                let first = try await sql.raw(
                    "SELECT id FROM messages WHERE ticket_id = \(bind: ticketID) ORDER BY id LIMIT 1"
                ).first()
                try await attach(to: try first?.decode(column: "id", as: Int.self) ?? 0, on: sql)
            }
        }
        if let messageID = mail.messageID, let ticketID = outcome.ticketID {
            try await sql.insertRow(
                into: "mail_ids", ["message_id": messageID, "ticket_id": ticketID, "direction": "in", "created_at": now])
        }
        if case .opened(let ticketID) = outcome {
            try await MailOutbox.enqueueAcknowledgement(ticketID: ticketID, suggestions: suggestions, on: sql, now: now)
        }
        return try await stored.save(outcome, on: sql)
    }

    private func attach(to messageID: Int, on sql: any SQLDatabase) async throws {
        try await StoredAttachment.insert(attachments, messageID: messageID, on: sql, now: now)
    }
}
