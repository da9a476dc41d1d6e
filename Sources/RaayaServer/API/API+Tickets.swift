import Fluent
import Foundation
import RaayaCore
import Vapor

enum TicketsAPI {
    @Sendable static func create(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let new = try request.decodeJSON(CreateTicketRequest.self).validated()
        guard Idempotency.isRequested(by: request) else {
            // Without a key, the create joins its neighbours in the write queue.
            let ticket = try await request.raaya.writer.write(
                TicketCreation(ticket: new, actor: principal, now: request.raaya.clock.now()))
            return JSON.response(writing: ticket, status: .created)
        }
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await TicketService(database: database, now: now, actor: principal).create(new)
        } render: { id in
            JSON.response(writing: try await TicketQueries(database: request.db, visibility: nil).detail(id))
        }
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let parameters = request.queryParameters
        let filter = TicketFilter(
            status: try parameters.value("status", as: TicketStatus.self),
            priority: try parameters.value("priority", as: TicketPriority.self),
            groupID: try parameters.integer("group_id"),
            assigneeID: try parameters.integer("assignee_id"),
            channel: try parameters.value("channel", as: Channel.self),
            customerID: try parameters.integer("customer_id"),
            tag: parameters.string("tag").map(Tags.normalize),
            sentiment: try parameters.value("sentiment", as: SentimentLabel.self))
        let page = try await TicketQueries(database: request.db, visibility: principal.visibility)
            .list(
                filter, order: try parameters.value("sort", as: TicketOrder.self) ?? .activity, limit: try parameters.limit,
                after: parameters.string("cursor"))
        return JSON.response(writing: page)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        return JSON.response(writing: try await TicketQueries(database: request.db, visibility: principal.visibility).detail(id))
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        let changes = try request.decodeJSON(UpdateTicketRequest.self).validated()
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await TicketService(database: database, now: clock.now(), actor: principal).update(id, changes)
        }
        return JSON.response(writing: try await TicketQueries(database: request.db, visibility: principal.visibility).detail(id))
    }

    @Sendable static func addMessage(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        let new = try request.decodeJSON(CreateMessageRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await TicketService(database: database, now: now, actor: principal).addMessage(to: id, new)
        } render: { messageID in
            try JSON.response(try await TicketQueries(database: request.db, visibility: principal.visibility).message(messageID))
        }
    }

    @Sendable static func messages(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        let messages = try await TicketQueries(database: request.db, visibility: principal.visibility).messages(of: id)
        return try JSON.response(Page(data: messages, nextCursor: nil))
    }

    /// The bytes of an attached file, as a download (the name in RFC 6266's UTF-8 form, so Arabic names survive).
    @Sendable static func attachment(_ request: Request) async throws -> Response {
        let principal = try request.principal
        return try await download(try request.pathID(resource: "attachment"), visibility: principal.visibility, request)
    }

    /// An attachment as a download, if its ticket is visible (the API and the workspace both come here).
    static func download(_ id: Int, visibility: TicketVisibility, _ request: Request) async throws -> Response {
        let attachment = try await TicketQueries(database: request.db, visibility: visibility).attachment(id)
        let bytes = try await request.raaya.files.read(attachment.path)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }

    @Sendable static func events(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        let events = try await TicketQueries(database: request.db, visibility: principal.visibility).events(of: id)
        return try JSON.response(Page(data: events, nextCursor: nil))
    }

    @Sendable static func merge(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        let input = try request.decodeJSON(MergeRequest.self)
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await TicketService(database: database, now: clock.now(), actor: principal).merge(id, into: input.into)
        }
        return JSON.response(writing: try await TicketQueries(database: request.db, visibility: principal.visibility).detail(id))
    }

    /// A draft reply written by the configured language model from the ticket's suggested articles; it is only
    /// returned (the agent edits and sends it), never stored.
    @Sendable static func draftReply(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        return try JSON.response(try await DraftReplies(request).draft(ticket: id, visibility: principal.visibility, on: request.db))
    }

    @Sendable static func search(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let parameters = request.queryParameters
        guard let text = parameters.string("q") else { throw DomainError.invalid("q", "is required") }
        let limit = try parameters.integer("limit", in: 1...Limits.pageSizeMax) ?? 20
        guard let query = SearchIndex.Query(text) else { return JSON.response(writing: SearchResponse(tickets: [], customers: [])) }
        let tickets = try await TicketQueries(database: request.db, visibility: principal.visibility)
            .search(query, limit: limit)
        let customers = try await CustomerQueries(database: request.db).search(query, limit: limit)
        return JSON.response(writing: SearchResponse(tickets: tickets, customers: customers))
    }
}

/// Tags are compared lower-cased and trimmed, runs of inner whitespace made one space; they may be Arabic. A
/// ticket's (and a macro's) are single words, which filters and reports name; an article's may be phrases, the
/// words customers ask with ("where is my order", "وين وصل الطلب"), which knowledge search matches.
enum Tags {
    enum Form {
        case word, phrase
    }

    static func normalize(_ tag: String) -> String {
        tag.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    static func validated(_ tags: [String]?, as form: Form = .word, into validation: inout Validation) -> [String] {
        guard let tags else { return [] }
        if tags.count > Limits.tagsPerTicket { validation.fail("tags", "must be at most \(Limits.tagsPerTicket)") }
        var seen: [String] = []
        for (index, raw) in tags.enumerated() {
            let tag = normalize(raw)
            let fits =
                switch form {
                case .word: !tag.contains(" ")
                // The editor's field separates phrases with commas, so one cannot hold a comma.
                case .phrase: !tag.contains(where: { $0 == "," || $0 == "،" })
                }
            if tag.isEmpty || !fits || tag.count > Limits.tagCharacters {
                validation.fail(
                    "tags[\(index)]",
                    form == .word
                        ? "must be one word of 1 to \(Limits.tagCharacters) characters"
                        : "must be a word or phrase of 1 to \(Limits.tagCharacters) characters, without commas")
            } else if !seen.contains(tag) {
                seen.append(tag)
            }
        }
        return seen
    }
}

extension CreateTicketRequest {
    func validated() throws -> NewTicket {
        var validation = Validation()
        let subject = validation.requiredText(subject, field: "subject", maxCharacters: Limits.subjectCharacters)
        let body = validation.requiredBody(body, field: "body")
        let draft = CustomerDraft(
            name: validation.optionalText(customer.name, field: "customer.name", maxCharacters: Limits.nameCharacters),
            email: validation.email(customer.email, field: "customer.email"),
            phone: validation.phone(customer.phone, field: "customer.phone"))
        if customer.id == nil && draft.email == nil && draft.phone == nil && validation.errors.isEmpty {
            validation.fail("customer", "needs an id, an email or a phone")
        }
        let tags = Tags.validated(tags, into: &validation)
        try validation.check()
        return NewTicket(
            subject: subject, body: body, channel: channel, priority: priority ?? .normal, customerID: customer.id,
            customer: draft, groupID: groupID, assigneeID: assigneeID, tags: tags)
    }
}

extension UpdateTicketRequest {
    func validated() throws -> TicketChanges {
        var validation = Validation()
        let tags = self.tags.map { Tags.validated($0, into: &validation) }
        try validation.check()
        return TicketChanges(status: status, priority: priority, assigneeID: assigneeID, groupID: groupID, tags: tags)
    }
}

extension CreateMessageRequest {
    func validated() throws -> NewMessage {
        var validation = Validation()
        let body = validation.requiredBody(body, field: "body")
        let isInternal = self.internal ?? false
        let author: AuthorKind = author == .customer ? .customer : .agent
        if isInternal && author == .customer { validation.fail("internal", "notes are written by agents, not customers") }
        try validation.check()
        return NewMessage(body: body, isInternal: isInternal, author: author, channel: channel)
    }
}
