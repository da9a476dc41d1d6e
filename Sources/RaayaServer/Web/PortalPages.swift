import Crypto
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// The customer portal: anyone may submit a request (channel `web`); a customer signs in with a link mailed to
/// them (HMAC-signed, 30 minutes, once) to follow their requests and reply. A customer only ever sees their own.
enum PortalPages {
    static let cookie = "raaya_customer"
    static let formCookie = "raaya_portal_form"
    static let linkLifetime: TimeInterval = 30 * 60
    static let sessionLifetime: TimeInterval = 7 * 86_400

    // MARK: Signed values

    /// `kind.customer.expiry[.nonce].hmac`: a sign-in link (`l1`, with a nonce) or a portal session (`c1`).
    static func sign(_ kind: String, customerID: Int, expires: Date, nonce: String? = nil, key: SymmetricKey) -> String {
        let payload = [kind, String(customerID), String(Int(expires.timeIntervalSince1970))] + (nonce.map { [$0] } ?? [])
        let text = payload.joined(separator: ".")
        return text + "." + Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
    }

    /// The customer and nonce of a value `sign` made with this key, not expired at `now`.
    static func verify(_ value: String, kind: String, key: SymmetricKey, now: Date) -> (customerID: Int, nonce: String?)? {
        let parts: [String] = value.split(separator: ".").map(String.init)
        guard parts.count >= 4, parts[0] == kind, let customerID = Int(parts[1]), let expiry = Int(parts[2]),
            let mac = Hex.decode(parts[parts.count - 1])
        else { return nil }
        let text: String = parts.dropLast().joined(separator: ".")
        let genuine = HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Array(text.utf8), using: key)
        guard genuine, Double(expiry) > now.timeIntervalSince1970 else { return nil }
        let nonce: String? = parts.count == 5 ? parts[3] : nil
        return (customerID, nonce)
    }

    private static func customer(_ request: Request) -> Int? {
        guard let value = request.cookies[cookie]?.string else { return nil }
        let services = request.raaya
        return verify(value, kind: "c1", key: services.secretKey, now: services.clock.now())?.customerID
    }

    /// The portal's forms are shown without a staff session: they carry a form token (`WebSession.formToken`).
    static func formToken(_ request: Request) -> String {
        WebSession.formToken(request, cookie: formCookie)
    }

    static func checkForm(_ request: Request) throws {
        try WebSession.checkFormToken(request, cookie: formCookie)
    }

    static func respond(
        _ request: Request, _ session: WebSession, token: String, title: Phrase, body: HTML, status: HTTPStatus = .ok
    ) -> Response {
        let language = session.language
        let nav: HTML = """
            <nav class="views"><a href="/help/kb">\(Phrase.articles, language)</a><a href="/help">\(Phrase.submitRequest, language)</a>\
            <a href="/help/requests">\(Phrase.myRequests, language)</a></nav>
            """
        let response = Layout.page(session, title: title.text(language), body: "\(nav)\(body)", status: status)
        response.cookies[formCookie] = WebSession.formTokenCookie(token, path: "/help", request: request)
        return response
    }

    // MARK: Pages

    @Sendable static func home(_ request: Request) async throws -> Response {
        let token = formToken(request)
        let session = try await WebSession.load(request)
        let article = try await HelpCenterPages.publishedArticle(request.queryParameters.integer("article"), request)
            .flatMap { found in found.translation(session.language.rawValue).map { (found.id, $0.text.title) } }
        return respond(
            request, session, token: token, title: .helpCenter, body: requestForm(session, token: token, error: nil, article: article))
    }

    /// The request form; `article` is the help-center article the customer came from (its context goes along).
    private static func requestForm(
        _ session: WebSession, token: String, error: String?, article: (id: Int, title: String)? = nil
    ) -> HTML {
        let language = session.language
        return """
            <section class="card"><h1>\(Phrase.submitRequest, language)</h1>
            \(error.map { HTML("<p class=\"error\" role=\"alert\" dir=\"auto\">\($0)</p>") } ?? "")
            \(article.map { HTML("<p class=\"muted\">\(Phrase.fromArticle, language): <a href=\"/help/kb/\($0.id)\" dir=\"auto\">\($0.title)</a></p>") } ?? "")
            <form method="post" action="/help/requests" enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value="\(token)">\(article.map { HTML("<input type=\"hidden\" name=\"article_id\" value=\"\($0.id)\">") } ?? "")
            <label for="name">\(Phrase.yourName, language)</label><input id="name" name="name" type="text" dir="auto" autocomplete="name">
            <label for="email">\(Phrase.yourEmail, language)</label><input id="email" name="email" type="email" dir="ltr" required autocomplete="email">
            <label for="subject">\(Phrase.subject, language)</label><input id="subject" name="subject" type="text" dir="auto" required>
            <label for="body">\(Phrase.describe, language)</label><textarea id="body" name="body" dir="auto" required></textarea>
            <label for="file">\(Phrase.attachment, language)</label><input id="file" name="file" type="file">
            <button class="primary" type="submit">\(Phrase.send, language)</button></form></section>
            """
    }

    struct RequestForm: Content {
        var name: String?
        var email: String?
        var subject: String?
        var body: String?
        var file: File?
        var articleID: Int?

        enum CodingKeys: String, CodingKey {
            case name, email, subject, body, file
            case articleID = "article_id"
        }
    }

    /// A file a customer attached must fit `Limits.attachmentBytes`.
    private static func checkSize(_ file: File?, into validation: inout Validation) {
        if let file, file.data.readableBytes > Limits.attachmentBytes {
            validation.fail("file", "must be at most \(Limits.attachmentBytes) bytes")
        }
    }

    /// Keeps an attached file (none when the field was left empty) on the file store.
    private static func store(_ file: File?, _ request: Request) async throws -> [StoredAttachment] {
        guard let file, file.data.readableBytes > 0 else { return [] }
        let stored = try await request.raaya.files.store(Array(file.data.readableBytesView))
        return [
            StoredAttachment(
                filename: String(file.filename.prefix(200)), contentType: file.contentType?.description ?? "application/octet-stream",
                contentID: nil, inline: false, file: stored)
        ]
    }

    struct ReplyForm: Content {
        var body: String?
        var file: File?
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let token = formToken(request)
        let session = try await WebSession.load(request)
        let language = session.language
        do {
            try checkForm(request)
            let form = try request.content.decode(RequestForm.self)
            var validation = Validation()
            let name = validation.optionalText(form.name, field: "name", maxCharacters: Limits.nameCharacters)
            let email = validation.email(form.email, field: "email")
            if email == nil && (form.email ?? "").trimmingWhitespace().isEmpty { validation.fail("email", "is required") }
            let subject = validation.requiredText(form.subject, field: "subject", maxCharacters: Limits.subjectCharacters)
            var body = validation.requiredBody(form.body, field: "body")
            checkSize(form.file, into: &validation)
            // The article the customer read first goes along, so the agent starts from it.
            if let article = try await HelpCenterPages.publishedArticle(form.articleID, request),
                let text = article.translation(language.rawValue)
            {
                body += "\n\n(\(Phrase.fromArticle.text(language)): \(text.text.title) — \(request.raaya.configuration.publicURL)/help/kb/\(article.id))"
            }
            try validation.check()
            let attachments = try await store(form.file, request)
            let now = request.raaya.clock.now()
            let new = NewTicket(
                subject: subject, body: body, channel: .web, priority: .normal, customerID: nil,
                customer: CustomerDraft(name: name, email: email, language: language.rawValue), groupID: nil, assigneeID: nil,
                tags: [])
            let creation = TicketCreation(ticket: new, actor: nil, now: now)
            let files = attachments
            let suggestions = await ArticleSuggester(request.raaya, sql: try request.db.sqlDatabase())
                .suggestions(
                    for: subject + "\n" + body.prefix(Limits.suggestionQueryCharacters), language: language.rawValue)
            let ticketID = try await request.raaya.writer.write { database in
                let sql = try database.sqlDatabase()
                let id = try await TicketCreation.apply([creation], on: sql)[0].get().id
                if !files.isEmpty {
                    let first = try await sql.raw("SELECT MIN(id) AS id FROM messages WHERE ticket_id = \(bind: id)").first()?
                        .decode(column: "id", as: Int.self) ?? 0
                    try await StoredAttachment.insert(files, messageID: first, on: sql, now: now)
                }
                try await MailOutbox.enqueueAcknowledgement(ticketID: id, suggestions: suggestions, on: sql, now: now)
                return id
            }
            return respond(
                request, session, token: token, title: .requestReceived,
                body: """
                    <section class="card"><h1>\(Phrase.requestReceived, language) — #\(ticketID)</h1>
                    <p class="notice" role="status">\(Phrase.requestReceivedDetail, language)</p></section>
                    """)
        } catch let error as DomainError {
            return respond(
                request, session, token: token, title: .submitRequest,
                body: requestForm(session, token: token, error: Problem(error).detail), status: .unprocessableEntity)
        } catch let abort as AbortError where abort.status == .forbidden {
            return respond(
                request, session, token: token, title: .submitRequest,
                body: "<p class=\"error\" role=\"alert\">\(Phrase.csrfFailed, language)</p>", status: .forbidden)
        }
    }

    @Sendable static func signInForm(_ request: Request) async throws -> Response {
        let token = formToken(request)
        let session = try await WebSession.load(request)
        let language = session.language
        let sent = (try? request.query.get(String.self, at: "sent")) != nil
        return respond(
            request, session, token: token, title: .portalSignIn,
            body: """
                <section class="card signin"><h1>\(Phrase.portalSignIn, language)</h1>
                \(sent ? HTML("<p class=\"notice\" role=\"status\">\(Phrase.linkSent, language)</p>") : "")
                <p class="muted">\(Phrase.portalSignInHelp, language)</p>
                <form method="post" action="/help/sign-in"><input type="hidden" name="_csrf" value="\(token)">
                <label for="email">\(Phrase.yourEmail, language)</label><input id="email" name="email" type="email" dir="ltr" required>
                <button class="primary" type="submit">\(Phrase.sendLink, language)</button></form></section>
                """)
    }

    /// Mails a sign-in link when the address is a customer's; answers the same either way.
    @Sendable static func sendLink(_ request: Request) async throws -> Response {
        try checkForm(request)
        if let email = Identity.normalizedEmail((try? request.content.get(String.self, at: "email")) ?? ""),
            let customerID = try await request.db.sqlDatabase().raw(
                "SELECT customer_id FROM customer_identities WHERE kind = 'email' AND value = \(bind: email)"
            ).first()?.decode(column: "customer_id", as: Int.self)
        {
            let now = request.raaya.clock.now()
            let token = sign(
                "l1", customerID: customerID, expires: now.addingTimeInterval(linkLifetime),
                nonce: AccountService.newToken(), key: request.raaya.secretKey)
            let base = request.raaya.configuration.publicURL.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let link = "\(base)/help/session?token=\(token)"
            _ = try await request.raaya.writer.write { database in
                try await MailOutbox.enqueueSignInLink(customerID: customerID, link: link, on: database.sqlDatabase(), now: now)
            }
        }
        return Layout.redirect("/help/sign-in?sent=1")
    }

    /// Opens a portal session from a mailed link, which then cannot be used again.
    @Sendable static func session(_ request: Request) async throws -> Response {
        let token = formToken(request)
        let session = try await WebSession.load(request)
        let now = request.raaya.clock.now()
        guard let linkToken = try? request.query.get(String.self, at: "token"),
            let link = verify(linkToken, kind: "l1", key: request.raaya.secretKey, now: now), let nonce = link.nonce
        else {
            return respond(
                request, session, token: token, title: .portalSignIn,
                body: "<p class=\"error\" role=\"alert\">\(Phrase.linkInvalid, session.language)</p>", status: .forbidden)
        }
        let firstUse = try await request.raaya.writer.write { database -> Bool in
            let sql = try database.sqlDatabase()
            guard try await sql.raw("SELECT nonce FROM portal_links_used WHERE nonce = \(bind: nonce)").first() == nil else {
                return false
            }
            try await sql.insertRow(
                into: "portal_links_used", ["nonce": nonce, "customer_id": link.customerID, "used_at": now])
            return true
        }
        guard firstUse else {
            return respond(
                request, session, token: token, title: .portalSignIn,
                body: "<p class=\"error\" role=\"alert\">\(Phrase.linkInvalid, session.language)</p>", status: .forbidden)
        }
        let expires = now.addingTimeInterval(sessionLifetime)
        let response = Layout.redirect("/help/requests")
        response.cookies[cookie] = HTTPCookies.Value(
            string: sign("c1", customerID: link.customerID, expires: expires, key: request.raaya.secretKey), expires: expires,
            path: "/help", isSecure: request.raaya.configuration.publicURL.hasPrefix("https:"), isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable static func requests(_ request: Request) async throws -> Response {
        let token = formToken(request)
        let session = try await WebSession.load(request)
        guard let customerID = customer(request) else { return Layout.redirect("/help/sign-in") }
        let language = session.language
        let tickets = try await TicketQueries(database: request.db, visibility: nil)
            .list(TicketFilter(customerID: customerID), limit: Limits.pageSizeMax, after: nil).data
        let rows: [HTML] = tickets.map { ticket in
            """
            <tr><td>#\(ticket.id)</td><td><a href="/help/requests/\(ticket.id)" dir="auto">\(ticket.subject)</a></td>
            <td>\(ticket.status.name(language))</td><td><time>\(WorkspacePages.shortTime(ticket.updatedAt))</time></td></tr>
            """
        }
        return respond(
            request, session, token: token, title: .myRequests,
            body: """
                <h1>\(Phrase.myRequests, language)</h1>
                \(rows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noRequests, language)</p>") : """
                <table class="tickets"><thead><tr><th>#</th><th>\(Phrase.subject, language)</th><th>\(Phrase.status, language)</th>\
                <th>\(Phrase.updated, language)</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
                """)
    }

    /// One of the customer's own requests: its public conversation and a reply box. Another's is a 404.
    @Sendable static func showRequest(_ request: Request) async throws -> Response {
        let token = formToken(request)
        let session = try await WebSession.load(request)
        guard let customerID = customer(request) else { return Layout.redirect("/help/sign-in") }
        let language = session.language
        let id = try request.pathID(resource: "ticket")
        let queries = TicketQueries(database: request.db, visibility: nil)
        guard let ticket = try? await queries.detail(id), ticket.customer.id == customerID else {
            return respond(
                request, session, token: token, title: .notFound, body: "<p class=\"error\">\(Phrase.notFound, language)</p>", status: .notFound)
        }
        let messages = try await queries.messages(of: id).filter { !$0.internal }
        let items: [HTML] = messages.map { message in
            let mine = message.authorKind == .customer
            return """
                <article class="message \(mine ? "customer" : "agent")"><div class="meta">\
                \(mine ? Phrase.customerRole : Phrase.agentRole, language) · <time>\(WorkspacePages.shortTime(message.createdAt))</time></div>\
                <div class="body" dir="auto">\(message.folded?.reply ?? message.body)</div>\
                \(message.attachments.filter { !$0.inline }.map { HTML("<div class=\"muted\">📎 <bdi>\($0.filename)</bdi></div>") })</article>
                """
        }
        return respond(
            request, session, token: token, title: .myRequests,
            body: """
                <h1 dir="auto">#\(id) \(ticket.subject)</h1><p><span class="badge \(ticket.status.rawValue)">\(ticket.status.name(language))</span></p>
                <div id="conversation">\(items)</div>
                <form class="card" method="post" action="/help/requests/\(id)/messages" enctype="multipart/form-data">\
                <input type="hidden" name="_csrf" value="\(token)">
                <label for="body">\(Phrase.writeReply, language)</label><textarea id="body" name="body" dir="auto" required></textarea>
                <label for="file">\(Phrase.attachment, language)</label><input id="file" name="file" type="file">
                <button class="primary" type="submit">\(Phrase.send, language)</button></form>
                """)
    }

    @Sendable static func reply(_ request: Request) async throws -> Response {
        guard let customerID = customer(request) else { return Layout.redirect("/help/sign-in") }
        try checkForm(request)
        let id = try request.pathID(resource: "ticket")
        let form = try request.content.decode(ReplyForm.self)
        var validation = Validation()
        let body = validation.requiredBody(form.body, field: "body")
        checkSize(form.file, into: &validation)
        try validation.check()
        let files = try await store(form.file, request)
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            let sql = try database.sqlDatabase()
            guard try await sql.raw(
                "SELECT id FROM tickets WHERE id = \(bind: id) AND customer_id = \(bind: customerID)"
            ).first() != nil else { throw DomainError.notFound(resource: "ticket") }
            let now = clock.now()
            let messageID = try await TicketService(database: database, now: now, actor: nil)
                .addMessage(to: id, NewMessage(body: body, isInternal: false, author: .customer, channel: .web))
            if !files.isEmpty { try await StoredAttachment.insert(files, messageID: messageID, on: sql, now: now) }
        }
        return Layout.redirect("/help/requests/\(id)")
    }
}
