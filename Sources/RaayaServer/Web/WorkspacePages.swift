import Foundation
import RaayaCore
import SQLKit
import Vapor

/// The agents' workspace: the inbox with its views and the live chats waiting, a ticket with its conversation,
/// reply box and controls, and search. Pages call the same services as the API.
enum WorkspacePages {
    /// The inbox's views, each a filter of the ticket list.
    enum View: String, CaseIterable {
        case mine, unassigned, new, pending, solved

        var phrase: Phrase {
            switch self {
            case .mine: .myOpen
            case .unassigned: .unassigned
            case .new: .allNew
            case .pending: .pending
            case .solved: .recentlySolved
            }
        }

        func filter(for principal: Principal) -> TicketFilter {
            switch self {
            case .mine: TicketFilter(statuses: [.new, .open, .pending, .onHold], assigneeID: principal.userID)
            case .unassigned:
                TicketFilter(
                    statuses: [.new, .open], unassigned: true,
                    groupIDs: principal.role.seesAllTickets ? nil : principal.groupIDs.sorted())
            case .new: TicketFilter(status: .new)
            case .pending: TicketFilter(status: .pending)
            case .solved: TicketFilter(status: .solved)
            }
        }
    }

    /// Runs a page: a session that is needed but missing goes to the sign-in page; a missing ticket, a refused
    /// form or a failure shows an error page in the reader's language.
    static func page(
        _ request: Request, _ render: @escaping @Sendable (WebSession) async throws -> Response
    ) async throws -> Response {
        let session = try await WebSession.load(request)
        do {
            return try await render(session)
        } catch let redirect as WebRedirect {
            return Layout.redirect(redirect.to)
        } catch let error as DomainError {
            let (phrase, status): (Phrase, HTTPStatus) =
                switch error {
                case .notFound: (.notFound, .notFound)
                case .forbidden: (.forbidden, .forbidden)
                default: (.badRequest, .unprocessableEntity)
                }
            let detail = Problem(error).detail
            return Layout.page(
                session, title: phrase.text(session.language),
                body: "<p class=\"error\" role=\"alert\">\(phrase, session.language)</p><p class=\"muted\" dir=\"auto\">\(detail)</p>",
                status: status)
        } catch let abort as AbortError where abort.status == .forbidden {
            return Layout.page(
                session, title: Phrase.csrfFailed.text(session.language),
                body: "<p class=\"error\" role=\"alert\">\(Phrase.csrfFailed, session.language)</p>", status: .forbidden)
        }
    }

    @Sendable static func home(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        return Layout.redirect(session.principal == nil ? "/sign-in" : "/agent")
    }

    @Sendable static func inbox(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            let language = session.language
            let view = View(rawValue: (try? request.query.get(String.self, at: "view")) ?? "") ?? .mine
            let queries = TicketQueries(database: request.db, visibility: principal.visibility)
            // The filters narrow the view; a value that is not one of the choices is a bad request.
            let parameters = request.queryParameters
            var filter = view.filter(for: principal)
            let status = try parameters.value("status", as: TicketStatus.self)
            let priority = try parameters.value("priority", as: TicketPriority.self)
            let channel = try parameters.value("channel", as: Channel.self)
            let groupID = try parameters.integer("group_id")
            let assigneeID = try parameters.integer("assignee_id")
            let tag = parameters.string("tag").map(Tags.normalize)
            let sentiment = try parameters.value("sentiment", as: SentimentLabel.self)
            let order = try parameters.value("sort", as: TicketOrder.self) ?? .activity
            if let status { filter.status = status }
            filter.priority = priority
            filter.channel = channel
            if let groupID { filter.groupID = groupID }
            if let assigneeID { filter.assigneeID = assigneeID }
            filter.tag = tag
            filter.sentiment = sentiment
            let page = try await queries.list(filter, order: order, limit: 25, after: parameters.string("cursor"))
            let accounts = AccountQueries(database: request.db)
            let filters: HTML = """
                <form class="filters" method="get" action="/agent"><input type="hidden" name="view" value="\(view.rawValue)">
                <label>\(Phrase.status, language) \(Self.select("status", status?.rawValue, any: language, TicketStatus.allCases.map { ($0.rawValue, $0.name(language)) }))</label>
                <label>\(Phrase.priority, language) \(Self.select("priority", priority?.rawValue, any: language, TicketPriority.allCases.map { ($0.rawValue, $0.name(language)) }))</label>
                <label>\(Phrase.channel, language) \(Self.select("channel", channel?.rawValue, any: language, Channel.allCases.map { ($0.rawValue, $0.name(language)) }))</label>
                <label>\(Phrase.group, language) \(Self.select("group_id", groupID.map(String.init), any: language, try await accounts.groups().map { (String($0.id), $0.name) }))</label>
                <label>\(Phrase.assignee, language) \(Self.select("assignee_id", assigneeID.map(String.init), any: language, try await accounts.users().map { (String($0.id), $0.name) }))</label>
                <label>\(Phrase.tag, language) <input type="text" name="tag" dir="auto" size="10" value="\(tag ?? "")"></label>
                <label>\(Phrase.sentiment, language) \(Self.select("sentiment", sentiment?.rawValue, any: language, SentimentLabel.allCases.map { ($0.rawValue, $0.name(language)) }))</label>
                <label>\(Phrase.sortBy, language) <select name="sort">\(TicketOrder.allCases.map { option in
                    HTML("<option value=\"\(option.rawValue)\"\(HTML(trusted: option == order ? " selected" : ""))>\(option == .activity ? Phrase.lastActivity : Phrase.oldestFirst, language)</option>")
                })</select></label>
                <button class="primary" type="submit">\(Phrase.filter, language)</button></form>
                """
            var tabs: [HTML] = []
            for candidate in View.allCases {
                let count = try await queries.count(candidate.filter(for: principal), upTo: 1_000)
                tabs.append(
                    """
                    <a href="/agent?view=\(candidate.rawValue)"\(HTML(trusted: candidate == view ? " aria-current=\"page\"" : ""))>\
                    \(candidate.phrase, language)<span class="count">\(count < 1_000 ? String(count) : "1000+")</span></a>
                    """)
            }
            let rows: [HTML] = page.data.map { ticket in
                """
                <tr data-href="/agent/tickets/\(ticket.id)"><td>#\(ticket.id)</td>
                <td><a href="/agent/tickets/\(ticket.id)" dir="auto">\(ticket.subject)</a></td>
                <td dir="auto">\(ticket.customer.name)</td>
                <td><span class="badge \(ticket.status.rawValue)">\(ticket.status.name(language))</span></td>
                <td>\(ticket.priority.name(language))</td><td>\(ticket.channel.name(language))</td>
                <td dir="auto">\(ticket.assignee?.name ?? Phrase.nobody.text(language))</td>
                <td><time datetime="\(JSON.rfc3339(ticket.updatedAt))">\(Self.shortTime(ticket.updatedAt))</time></td></tr>
                """
            }
            let table: HTML =
                rows.isEmpty
                ? "<p class=\"muted\">\(Phrase.noTickets, language)</p>"
                : """
                <table class="tickets" id="tickets"><thead><tr><th>#</th><th>\(Phrase.subject, language)</th>\
                <th>\(Phrase.customer, language)</th><th>\(Phrase.status, language)</th><th>\(Phrase.priority, language)</th>\
                <th>\(Phrase.channel, language)</th><th>\(Phrase.assignee, language)</th><th>\(Phrase.updated, language)</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
            let more: HTML = page.nextCursor.map { cursor in
                var query = URLComponents()
                query.queryItems = [("view", view.rawValue), ("status", status?.rawValue), ("priority", priority?.rawValue),
                    ("channel", channel?.rawValue), ("group_id", groupID.map(String.init)), ("assignee_id", assigneeID.map(String.init)),
                    ("tag", tag), ("sentiment", sentiment?.rawValue), ("sort", order.rawValue), ("cursor", cursor)]
                    .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
                return "<p><a href=\"/agent?\(query.percentEncodedQuery ?? "")\">\(Phrase.next, language)</a></p>"
            } ?? ""
            let chats = try await chatPanel(request, session: session, principal: principal)
            let closeLoop = try await SatisfactionPages.inboxNotice(request, principal: principal, language: language)
            let body: HTML = """
                <div class="layout"><section><h1>\(Phrase.inbox, language)</h1>
                <nav class="views" aria-label="\(Phrase.inbox, language)">\(tabs)</nav>\(filters)
                \(table)\(more)<p class="muted">\(Phrase.keyboardHint, language)</p></section>
                <aside>\(closeLoop)<div class="chats" id="chats" aria-live="polite">\(chats)</div></aside></div>
                """
            return Layout.page(
                session, title: Phrase.inbox.text(language), body: body,
                script: "<script src=\"/assets/workspace.js\" defer></script>")
        }
    }

    /// The live chats waiting for an answer, longest first, those past the alert time marked overdue. The
    /// inbox shows it, and its script fetches it again when the chat socket says something changed.
    @Sendable static func chats(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            var headers = HTTPHeaders()
            headers.contentType = .html
            headers.add(name: .cacheControl, value: "no-store")
            return Response(
                status: .ok, headers: headers,
                body: .init(string: try await chatPanel(request, session: session, principal: principal).description))
        }
    }

    private static func chatPanel(_ request: Request, session: WebSession, principal: Principal) async throws -> HTML {
        let language = session.language
        let settings = try await ChatSettings.load(on: request.db.sqlDatabase())
        let waiting = try await TicketQueries(database: request.db, visibility: principal.visibility)
            .waitingChats(now: request.raaya.clock.now(), alertAfter: settings.waitAlertSeconds)
        let items: [HTML] = waiting.map { chat in
            """
            <li class="\(chat.overdue ? "overdue" : "waiting")" data-since="\(JSON.rfc3339(chat.waitingSince))">\
            <a href="/agent/tickets/\(chat.ticketID)" dir="auto">\(chat.customerName): \(chat.subject)</a>
            <div class="muted">\(Phrase.waitingSince, language) \(Self.shortTime(chat.waitingSince))\
            \(chat.overdue ? HTML(" · <span class=\"late\">\(Phrase.overdue, language)</span>") : "")</div></li>
            """
        }
        return """
            <h2>\(Phrase.liveChats, language)</h2><div data-wait-alert="\(settings.waitAlertSeconds)"></div>
            \(items.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noWaitingChats, language)</p>") : "<ul>\(items)</ul>")
            """
    }

    @Sendable static func ticket(_ request: Request) async throws -> Response {
        try await page(request) { session in try await ticketPage(request, session: session) }
    }

    /// Puts a draft from the suggested articles in the reply box, after whatever the agent had typed, and shows
    /// the ticket again. Nothing is stored: the agent edits the draft and sends it as any reply.
    @Sendable static func draftReply(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "ticket")
            let typed = ((try? request.content.get(String.self, at: "body")) ?? "").trimmingWhitespace()
            let language = session.language
            do {
                let draft = try await DraftReplies(request).draft(ticket: id, visibility: principal.visibility, on: request.db)
                return try await ticketPage(
                    request, session: session, replyBox: typed.isEmpty ? draft.draft : typed + "\n\n" + draft.draft,
                    notice: "<p class=\"notice\" role=\"status\">\(Phrase.draftWritten, language)</p>")
            } catch let failure as DraftReplyFailure {
                return try await ticketPage(
                    request, session: session, replyBox: typed,
                    notice: """
                        <p class="error" role="alert">\(Phrase.draftFailed, language)</p>\
                        <p class="muted" dir="ltr">\(failure.reason)</p>
                        """,
                    status: failure.status)
            }
        }
    }

    /// The ticket with its conversation, reply box (holding `replyBox`), controls and the customer's panel.
    private static func ticketPage(
        _ request: Request, session: WebSession, replyBox: String = "", notice given: HTML? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let principal = try session.requirePrincipal()
        let language = session.language
        let id = try request.pathID(resource: "ticket")
        let queries = TicketQueries(database: request.db, visibility: principal.visibility)
        let ticket = try await queries.detail(id)
        let messages = try await queries.messages(of: id)
        let events = try await queries.events(of: id)
        let others = try await queries.list(TicketFilter(customerID: ticket.customer.id), limit: 6, after: nil).data
            .filter { $0.id != id }.prefix(5)
        let notice: HTML =
            if let given {
                given
            } else {
                switch try? request.query.get(String.self, at: "done") {
                case "sent": "<p class=\"notice\" role=\"status\">\(Phrase.replySent, language)</p>"
                case "saved": "<p class=\"notice\" role=\"status\">\(Phrase.changesSaved, language)</p>"
                case "macro": "<p class=\"notice\" role=\"status\">\(Phrase.macroApplied, language)</p>"
                case "merged": "<p class=\"notice\" role=\"status\">\(Phrase.merged, language)</p>"
                default: ""
                }
            }
        let conversation: [HTML] = messages.map { message($0, language: language) }
        let trail: [HTML] = events.map { event in
            let details = event.data.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            let name = TicketEventKind(rawValue: event.kind)?.name(language) ?? event.kind
            return "<li class=\"muted\"><time>\(Self.shortTime(event.createdAt))</time> · \(name) <span dir=\"ltr\">\(details)</span></li>"
        }
        let statusOptions: [HTML] = TicketStatus.allCases.filter { $0 == ticket.status || ticket.status.canMove(to: $0) }
            .map { status in
                "<option value=\"\(status.rawValue)\"\(HTML(trusted: status == ticket.status ? " selected" : ""))>\(status.name(language))</option>"
            }
        let accounts = AccountQueries(database: request.db)
        let assigneeOptions: [HTML] = try await accounts.users().map { user in
            "<option value=\"\(user.id)\"\(HTML(trusted: user.id == ticket.assignee?.id ? " selected" : ""))>\(user.name)</option>"
        }
        let groupOptions: [HTML] = try await accounts.groups().map { group in
            "<option value=\"\(group.id)\"\(HTML(trusted: group.id == ticket.group?.id ? " selected" : ""))>\(group.name)</option>"
        }
        let priorityOptions: [HTML] = TicketPriority.allCases.map { priority in
            "<option value=\"\(priority.rawValue)\"\(HTML(trusted: priority == ticket.priority ? " selected" : ""))>\(priority.name(language))</option>"
        }
        // Articles that may answer the customer; with a language model, the agent can have a reply drafted from them.
        let suggestions: [HTML] = try await request.raaya.knowledge.suggestions(
            for: ticket, messages: messages, on: request.db.sqlDatabase()
        ).compactMap { article in
            article.translation(language.rawValue).map { text in
                HTML("""
                    <li><a href="/agent/kb/\(article.id)" dir="auto">\(text.text.title)</a>\
                    \(article.state == .published ? HTML(" <bdi class=\"muted\">/help/kb/\(article.id)</bdi>") : "")</li>
                    """)
            }
        }
        // It sends the reply form (its CSRF token and what was typed) to the draft route.
        let draftButton: HTML =
            request.raaya.configuration.languageModel == nil
            ? ""
            : """
            <button type="submit" form="reply" formaction="/agent/tickets/\(id)/draft-reply" formnovalidate>\
            \(Phrase.draftReply, language)</button>
            """
        let macroOptions: [HTML] = try await MacroQueries(sql: request.db.sqlDatabase()).all().map { macro in
            "<option value=\"\(macro.id)\">\(macro.title)</option>"
        }
        // The customer's mood over the conversation, so a turn for the worse shows before reading it all.
        let moods: [HTML] = messages.compactMap { message in
            message.sentiment.map { HTML("<li><a href=\"#m\(message.id)\" title=\"\($0.label.name(language))\">\($0.label.face)</a></li>") }
        }
        let trend: HTML =
            moods.isEmpty
            ? "" : "<h3 class=\"muted\">\(Phrase.sentimentTrend, language)</h3><ol class=\"trend\" aria-label=\"\(Phrase.sentimentTrend, language)\">\(moods)</ol>"
        let customer = ticket.customer
        let notes = try await CustomerQueries(database: request.db).notes(of: customer.id)
        let contacts: [HTML] = (customer.emails + customer.phones).map { "<li><bdi>\($0)</bdi></li>" }
        let body: HTML = """
            <p><a href="/agent">\(Phrase.backToInbox, language)</a></p>
            <div class="layout" data-ticket="\(id)"><section>
            <h1 dir="auto">#\(id) \(ticket.subject)</h1>\(notice)
            <p class="warning" id="collision" role="status" hidden data-viewing="\(Phrase.alsoViewing, language)" \
            data-typing="\(Phrase.alsoTyping, language)"></p>
            <p class="notice" id="changed" role="status" hidden>\(Phrase.ticketChanged, language) \
            <a href="/agent/tickets/\(id)">\(Phrase.reload, language)</a></p>
            <h2>\(Phrase.conversation, language)</h2><div id="conversation">\(conversation)</div>
            <p class="muted" id="typing" hidden>\(Phrase.typing, language)</p>
            <form class="card replybox" id="reply" method="post" action="/agent/tickets/\(id)/messages">
            <input type="hidden" name="_csrf" value="\(session.csrf)">
            <label for="body">\(Phrase.reply, language)</label>
            <textarea id="body" name="body" required dir="auto">\(replyBox)</textarea>
            <div class="choices"><label><input type="radio" name="kind" value="public" checked> \(Phrase.publicReply, language)</label>
            <label><input type="radio" name="kind" value="internal"> \(Phrase.internalNote, language)</label></div>
            <button class="primary" type="submit">\(Phrase.send, language)</button></form>
            \(macroOptions.isEmpty ? "" : HTML("""
            <form class="card row" method="post" action="/agent/tickets/\(id)/macro"><input type="hidden" name="_csrf" value="\(session.csrf)">
            <label>\(Phrase.applyMacro, language) <select name="macro_id">\(macroOptions)</select></label>
            <button type="submit">\(Phrase.apply, language)</button></form>
            """))\
            <form class="card row" method="post" action="/agent/tickets/\(id)/merge"><input type="hidden" name="_csrf" value="\(session.csrf)">
            <label>\(Phrase.mergeInto, language) <input name="into" type="text" inputmode="numeric" size="8" required></label>
            <button type="submit">\(Phrase.merge, language)</button></form></section>
            <aside><form class="card" method="post" action="/agent/tickets/\(id)">
            <input type="hidden" name="_csrf" value="\(session.csrf)"><h2>\(Phrase.ticketDetails, language)</h2>
            <label for="status">\(Phrase.status, language)</label><select id="status" name="status">\(statusOptions)</select>
            <label for="priority">\(Phrase.priority, language)</label><select id="priority" name="priority">\(priorityOptions)</select>
            <label for="assignee">\(Phrase.assignee, language)</label><select id="assignee" name="assignee_id">\
            <option value="">\(Phrase.nobody, language)</option>\(assigneeOptions)</select>
            <label for="group">\(Phrase.group, language)</label><select id="group" name="group_id">\
            <option value="">\(Phrase.noGroup, language)</option>\(groupOptions)</select>
            <label for="tags">\(Phrase.tagsField, language)</label>\
            <input id="tags" name="tags" type="text" dir="auto" value="\(ticket.tags.joined(separator: "، "))">
            <dl class="facts"><dt>\(Phrase.channel, language)</dt><dd>\(ticket.channel.name(language))</dd>
            <dt>\(Phrase.created, language)</dt><dd>\(Self.shortTime(ticket.createdAt))</dd></dl>
            <button class="primary" type="submit">\(Phrase.save, language)</button></form>
            <section class="card"><h2>\(Phrase.customerPanel, language)</h2>\
            <p dir="auto"><a href="/agent/customers/\(customer.id)"><strong>\(customer.name)</strong></a></p>
            \(customer.organization.map { HTML("<p class=\"muted\" dir=\"auto\">\(Phrase.organization, language): \($0)</p>") } ?? "")\
            \(trend)\
            \(notes.isEmpty ? "" : HTML("<h3 class=\"muted\">\(Phrase.noteHistory, language)</h3><ul class=\"plain\">\(notes.suffix(3).map { HTML("<li class=\"message internal\"><div class=\"body\" dir=\"auto\">\($0.body)</div></li>") })</ul>"))
            \(contacts.isEmpty ? "" : HTML("<h3 class=\"muted\">\(Phrase.identities, language)</h3><ul class=\"plain\">\(contacts)</ul>"))\
            \(others.isEmpty ? "" : HTML("<h3 class=\"muted\">\(Phrase.pastTickets, language)</h3><ul class=\"plain\">\(others.map { other in HTML("<li><a href=\"/agent/tickets/\(other.id)\" dir=\"auto\">#\(other.id) \(other.subject)</a></li>") })</ul>"))
            </section>
            \(suggestions.isEmpty ? "" : HTML("<section class=\"card\" id=\"suggestions\"><h2>\(Phrase.suggestedArticles, language)</h2><ul class=\"plain\">\(suggestions)</ul>\(draftButton)</section>"))
            <details class="card"><summary>\(Phrase.events, language)</summary><ul class="plain">\(trail)</ul></details></aside></div>
            """
        return Layout.page(
            session, title: "#\(id) \(ticket.subject)", body: body,
            script: "<script src=\"/assets/workspace.js\" defer></script>", status: status)
    }

    /// One message of the conversation: who, when, the text (a customer's quoted text folded away), and the
    /// customer's HTML, already sanitized, in a sandboxed frame where no script can run.
    private static func message(_ message: MessageDTO, language: Language) -> HTML {
        let author: Phrase =
            switch message.authorKind {
            case .customer: .customerRole
            case .agent: .agentRole
            case .bot: .bot
            case .system: .system
            }
        let classes = message.internal ? "message internal" : "message \(message.authorKind.rawValue)"
        let text: HTML =
            if let folded = message.folded {
                """
                <div class="body" dir="auto">\(folded.reply)</div>
                <details class="quoted"><summary>\(Phrase.showQuoted, language)</summary><div class="body" dir="auto">\(folded.quoted)</div></details>
                """
            } else {
                "<div class=\"body\" dir=\"auto\">\(message.body)</div>"
            }
        let html: HTML = message.html.map { "<iframe sandbox title=\"HTML\" srcdoc=\"\($0)\"></iframe>" } ?? ""
        let files: [HTML] = message.attachments.filter { !$0.inline }.map { file in
            "<li>📎 <a href=\"/agent/attachments/\(file.id)\" download><bdi>\(file.filename)</bdi></a> <span class=\"muted\">\(Self.size(file.size))</span></li>"
        }
        return """
            <article class="\(classes)" id="m\(message.id)"><div class="meta">\(author, language) · \(message.channel.name(language)) · \
            <time datetime="\(JSON.rfc3339(message.createdAt))">\(Self.shortTime(message.createdAt))</time>\
            \(message.internal ? HTML(" · <span class=\"badge\">\(Phrase.internalBadge, language)</span>") : "")\
            \(message.sentiment.map { HTML(" · <span class=\"badge \($0.label.rawValue)\" title=\"\(String(format: "%.2f", $0.score))\">\($0.label.name(language))</span>") } ?? "")</div>\(text)\(html)\
            \(files.isEmpty ? "" : HTML("<ul class=\"plain files\">\(files)</ul>"))</article>
            """
    }

    @Sendable static func reply(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "ticket")
            var validation = Validation()
            let body = validation.requiredBody(try? request.content.get(String.self, at: "body"), field: "body")
            try validation.check()
            let isInternal = (try? request.content.get(String.self, at: "kind")) == "internal"
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await TicketService(database: database, now: clock.now(), actor: principal)
                    .addMessage(to: id, NewMessage(body: body, isInternal: isInternal, author: .agent, channel: nil))
            }
            return Layout.redirect("/agent/tickets/\(id)?done=sent")
        }
    }

    @Sendable static func applyMacro(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "ticket")
            guard let macroID = (try? request.content.get(String.self, at: "macro_id")).flatMap({ Int($0) }) else {
                throw DomainError.invalid("macro_id", "must name a macro")
            }
            try await AdminAPI.apply(macroID, to: id, by: principal, request)
            return Layout.redirect("/agent/tickets/\(id)?done=macro")
        }
    }

    /// Merges the ticket into the one whose number was typed (`#1042`, `1042` or `١٠٤٢`), and shows that one.
    @Sendable static func merge(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "ticket")
            let typed = (try? request.content.get(String.self, at: "into")) ?? ""
            guard let target = Identity.wholeNumber(typed) else { throw DomainError.invalid("into", "must be a ticket number") }
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await TicketService(database: database, now: clock.now(), actor: principal).merge(id, into: target)
            }
            return Layout.redirect("/agent/tickets/\(target)?done=merged")
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "ticket")
            var changes = TicketChanges()
            if let raw = try? request.content.get(String.self, at: "status") {
                guard let status = TicketStatus(rawValue: raw) else { throw DomainError.invalid("status", "is not a status") }
                changes.status = status
            }
            if let raw = try? request.content.get(String.self, at: "priority") {
                guard let priority = TicketPriority(rawValue: raw) else { throw DomainError.invalid("priority", "is not a priority") }
                changes.priority = priority
            }
            // A select's empty choice clears (nobody, no group); fields the form did not send stay as they are.
            func reference(_ name: String) throws -> Int?? {
                guard let raw = try? request.content.get(String.self, at: name) else { return nil }
                if raw.isEmpty { return .some(nil) }
                guard let id = Int(raw) else { throw DomainError.invalid(name, "must be an id") }
                return .some(id)
            }
            changes.assigneeID = try reference("assignee_id")
            changes.groupID = try reference("group_id")
            if let raw = try? request.content.get(String.self, at: "tags") {
                var validation = Validation()
                changes.tags = Tags.validated(tagList(raw), into: &validation)
                try validation.check()
            }
            let clock = request.raaya.clock
            let wanted = changes
            try await request.raaya.writer.write { database in
                try await TicketService(database: database, now: clock.now(), actor: principal).update(id, wanted)
            }
            return Layout.redirect("/agent/tickets/\(id)?done=saved")
        }
    }

    /// The tags typed in one field, separated by Latin or Arabic commas.
    static func tagList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == "،" }).map(String.init).filter { !$0.trimmingWhitespace().isEmpty }
    }

    /// A `<select>` of `options` (value, label) whose first choice (`empty`: "any" by default) sends nothing.
    static func select(
        _ name: String, _ selected: String?, any language: Language, _ options: [(String, String)], empty: Phrase = .any
    ) -> HTML {
        let items: [HTML] = options.map { value, label in
            "<option value=\"\(value)\"\(HTML(trusted: value == selected ? " selected" : ""))>\(label)</option>"
        }
        return "<select name=\"\(name)\"><option value=\"\">\(empty, language)</option>\(items)</select>"
    }

    /// A file size in KB or MB, digits as elsewhere on the page.
    static func size(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(max(1, bytes / 1_000)) KB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// An attachment of a ticket the agent may see, downloaded (never shown inline: it is the customer's file).
    @Sendable static func attachment(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            return try await TicketsAPI.download(try request.pathID(resource: "attachment"), visibility: principal.visibility, request)
        }
    }

    /// `HH:mm, d MMM` in UTC, written the same in both languages (digits as typed elsewhere on the page).
    static func shortTime(_ date: Date) -> String {
        let text = JSON.rfc3339(date)
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}

extension WorkspacePages {
    /// Tickets and customers matching the search box (the API's search), in the reader's language.
    @Sendable static func search(_ request: Request) async throws -> Response {
        try await page(request) { session in
            let principal = try session.requirePrincipal()
            let language = session.language
            let text = (try? request.query.get(String.self, at: "q")) ?? ""
            var tickets: [TicketDTO] = []
            var customers: [CustomerDTO] = []
            if let query = SearchIndex.Query(text) {
                tickets = try await TicketQueries(database: request.db, visibility: principal.visibility).search(query, limit: 50)
                customers = try await CustomerQueries(database: request.db).search(query, limit: 20)
            }
            let people: [HTML] = customers.map { customer in
                """
                <tr><td><a href="/agent/customers/\(customer.id)" dir="auto">\(customer.name)</a></td>\
                <td><bdi>\((customer.emails + customer.phones).joined(separator: "، "))</bdi></td>\
                <td dir="auto">\(customer.organization ?? "")</td></tr>
                """
            }
            let rows: [HTML] = tickets.map { ticket in
                """
                <tr><td>#\(ticket.id)</td><td><a href="/agent/tickets/\(ticket.id)" dir="auto">\(ticket.subject)</a></td>
                <td dir="auto">\(ticket.customer.name)</td><td>\(ticket.status.name(language))</td></tr>
                """
            }
            let body: HTML = """
                <h1>\(Phrase.search, language): <span dir="auto">\(text)</span></h1><h2>\(Phrase.tickets, language)</h2>
                \(rows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noTickets, language)</p>") : """
                <table class="tickets"><thead><tr><th>#</th><th>\(Phrase.subject, language)</th><th>\(Phrase.customer, language)</th>\
                <th>\(Phrase.status, language)</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
                <h2>\(Phrase.customers, language)</h2>
                \(people.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noCustomers, language)</p>") : """
                <table class="tickets" id="customers"><thead><tr><th>\(Phrase.name, language)</th><th>\(Phrase.identities, language)</th>\
                <th>\(Phrase.organization, language)</th></tr></thead><tbody>\(people)</tbody></table>
                """)
                """
            return Layout.page(session, title: Phrase.search.text(language), body: body)
        }
    }
}
