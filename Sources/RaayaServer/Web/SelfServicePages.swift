import Foundation
import RaayaCore
import SQLKit
import Vapor

/// "This solved it" from a new request's acknowledgement (`SelfServiceLink`): the page asks, the customer's
/// confirmation solves the ticket as self-service. The signed link is the access check: it names one ticket and
/// one article, and only Raaya can make it.
enum SelfServicePages {
    /// Statuses a customer may close this way; a solved or closed ticket stays as it is.
    private static let closable: Set<TicketStatus> = [.new, .open, .pending, .onHold]

    @Sendable static func confirm(_ request: Request) async throws -> Response {
        let token = PortalPages.formToken(request)
        let session = try await WebSession.load(request)
        let language = session.language
        guard let (link, status, article) = try await resolve(request) else {
            return invalidLink(request, session, token: token)
        }
        let title: HTML = article?.translation(language.rawValue).map {
            "<p><a href=\"/help/kb/\(link.articleID)\" dir=\"auto\">\($0.text.title)</a></p>"
        } ?? ""
        let body: HTML
        if closable.contains(status) {
            body = """
                <section class="card"><h1>#\(link.ticketID)</h1>\(title)<p>\(Phrase.solvedQuestion, language)</p>\
                <form method="post" action="/help/solved/\(request.parameters.get("token") ?? "")">\
                <input type="hidden" name="_csrf" value="\(token)">\
                <button class="primary" type="submit">\(Phrase.solvedConfirm, language)</button></form></section>
                """
        } else {
            body = "<section class=\"card\"><h1>#\(link.ticketID)</h1><p class=\"notice\">\(Phrase.solvedAlready, language)</p></section>"
        }
        return PortalPages.respond(request, session, token: token, title: .requestReceived, body: body)
    }

    @Sendable static func solve(_ request: Request) async throws -> Response {
        try PortalPages.checkForm(request)
        let token = PortalPages.formToken(request)
        let session = try await WebSession.load(request)
        let language = session.language
        guard let (link, _, _) = try await resolve(request) else {
            return invalidLink(request, session, token: token)
        }
        let now = request.raaya.clock.now()
        let solved = try await request.raaya.writer.write { database -> Bool in
            let sql = try database.sqlDatabase()
            // Checked again inside the write: an agent may have closed it since the page was shown.
            guard let status = try await status(of: link.ticketID, on: sql), closable.contains(status) else { return false }
            let tickets = TicketService(database: database, now: now, actor: nil)
            try await tickets.record(.selfServiceSolved, on: link.ticketID, ["article_id": String(link.articleID)])
            try await tickets.update(link.ticketID, TicketChanges(status: .solved))
            return true
        }
        let notice: Phrase = solved ? .solvedDone : .solvedAlready
        return PortalPages.respond(
            request, session, token: token, title: .requestReceived,
            body: "<section class=\"card\"><h1>#\(link.ticketID)</h1><p class=\"notice\" role=\"status\">\(notice, language)</p></section>")
    }

    private static func invalidLink(_ request: Request, _ session: WebSession, token: String) -> Response {
        PortalPages.respond(
            request, session, token: token, title: .linkInvalid,
            body: "<p class=\"error\">\(Phrase.linkInvalid, session.language)</p>", status: .notFound)
    }

    /// The link's ticket (with its status) and article, or nil for a link Raaya did not make or whose ticket is gone.
    private static func resolve(_ request: Request) async throws -> (SelfServiceLink, TicketStatus, ArticleDTO?)? {
        guard let token = request.parameters.get("token"),
            let link = SelfServiceLink.verify(token, with: request.raaya.secretKey),
            let status = try await status(of: link.ticketID, on: request.db.sqlDatabase())
        else { return nil }
        return (link, status, try await HelpCenterPages.publishedArticle(link.articleID, request))
    }

    private static func status(of ticketID: Int, on sql: any SQLDatabase) async throws -> TicketStatus? {
        try await sql.raw("SELECT status FROM tickets WHERE id = \(bind: ticketID)").first()?
            .decodeRaw(column: "status", as: TicketStatus.self)
    }
}
