import Foundation
import RaayaCore
import Vapor

/// A survey as the customer answers it, from the signed link of its invitation (`SurveyLink`): the question
/// with its scale and a comment box, in the customer's language, right to left in Arabic, usable on a phone.
/// `?score=N` (the mail's one-click rating) records the score at once and then offers the comment. The signed
/// link is the access check: it names one invitation, and only Raaya can make it.
enum SurveyPages {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let token = PortalPages.formToken(request)
        guard let (link, invitation) = try await resolve(request) else {
            return try await invalidLink(request, token: token)
        }
        let session = try await WebSession.load(request).defaulting(to: Language(tag: invitation.language), request)
        let now = request.raaya.clock.now()
        if let score = try? request.queryParameters.integer("score"), invitation.survey.kind.scale.contains(score) {
            let outcome = try await request.raaya.writer.write { database in
                try await SurveyAnswers.record(
                    .init(score: score, comment: nil), invitationID: link.invitationID, database: database, now: now)
            }
            guard outcome == .recorded else { return closed(request, session, token: token, outcome) }
            return form(request, session, token: token, invitation: invitation, score: score, notice: .surveyRecorded)
        }
        switch invitation.state(now: now) {
        case .locked: return closed(request, session, token: token, .locked)
        case .expired: return closed(request, session, token: token, .expired)
        case .open, .changeable:
            return form(request, session, token: token, invitation: invitation, score: invitation.score, notice: nil)
        }
    }

    @Sendable static func answer(_ request: Request) async throws -> Response {
        try PortalPages.checkForm(request)
        let token = PortalPages.formToken(request)
        guard let (link, invitation) = try await resolve(request) else {
            return try await invalidLink(request, token: token)
        }
        let session = try await WebSession.load(request).defaulting(to: Language(tag: invitation.language), request)
        struct Form: Content {
            var score: String?
            var comment: String?
        }
        let input = try request.content.decode(Form.self)
        var validation = Validation()
        let score = input.score.flatMap(Identity.wholeNumber)
        if score.map(invitation.survey.kind.scale.contains) != true { validation.fail("score", "is required") }
        let comment = validation.optionalText(
            input.comment.map(Validation.unixLineBreaks), field: "comment", maxCharacters: Limits.commentCharacters)
        guard let score, validation.errors.isEmpty else {
            return form(
                request, session, token: token, invitation: invitation, score: invitation.score, notice: nil,
                error: .surveyPickScore, status: .unprocessableEntity)
        }
        let now = request.raaya.clock.now()
        let answer = SurveyAnswers.Answer(score: score, comment: comment)
        let outcome = try await request.raaya.writer.write { database in
            try await SurveyAnswers.record(answer, invitationID: link.invitationID, database: database, now: now)
        }
        guard outcome == .recorded else { return closed(request, session, token: token, outcome) }
        return PortalPages.respond(
            request, session, token: token, title: .surveyTitle,
            body: "<section class=\"card\"><p class=\"notice\" role=\"status\">\(Phrase.surveyThanks, session.language)</p></section>")
    }

    private static func form(
        _ request: Request, _ session: WebSession, token: String, invitation: SurveyAnswers.Invitation, score: Int?,
        notice: Phrase?, error: Phrase? = nil, status: HTTPStatus = .ok
    ) -> Response {
        let language = session.language
        let survey = invitation.survey
        let points: [HTML] = SurveyScale.points(survey.kind, direction: survey.direction, language: language.rawValue).map { point in
            let checked: HTML = point.score == score ? " checked" : ""
            let label: HTML = point.label.map { "<small>\($0)</small>" } ?? ""
            return "<label><input type=\"radio\" name=\"score\" value=\"\(point.score)\" required\(checked)><span>\(point.score)</span>\(label)</label>"
        }
        let noticeHTML: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0, language)</p>" } ?? ""
        let errorHTML: HTML = error.map { "<p class=\"error\" role=\"alert\">\($0, language)</p>" } ?? ""
        let action = request.parameters.get("token") ?? ""
        let body: HTML = """
            <section class="card"><h1>\(survey.question(language.rawValue))</h1>\(noticeHTML)\(errorHTML)\
            <form method="post" action="/help/survey/\(action)">\
            <input type="hidden" name="_csrf" value="\(token)">\
            <fieldset class="scale"><legend>\(Phrase.surveyYourRating, language)</legend>\(points)</fieldset>\
            <label for="comment">\(Phrase.surveyComment, language)</label>\
            <textarea id="comment" name="comment" rows="4" dir="auto">\(invitation.comment ?? "")</textarea>\
            <button class="primary" type="submit">\(Phrase.send, language)</button></form></section>
            """
        return PortalPages.respond(request, session, token: token, title: .surveyTitle, body: body, status: status)
    }

    private static func closed(
        _ request: Request, _ session: WebSession, token: String, _ outcome: SurveyAnswers.Outcome
    ) -> Response {
        let (phrase, status): (Phrase, HTTPStatus) =
            switch outcome {
            case .locked: (.surveyLocked, .conflict)
            case .expired: (.surveyExpired, .gone)
            case .recorded: (.surveyThanks, .ok)
            }
        return PortalPages.respond(
            request, session, token: token, title: .surveyTitle,
            body: "<section class=\"card\"><p class=\"notice\" role=\"status\">\(phrase, session.language)</p></section>",
            status: status)
    }

    private static func invalidLink(_ request: Request, token: String) async throws -> Response {
        let session = try await WebSession.load(request)
        return PortalPages.respond(
            request, session, token: token, title: .linkInvalid,
            body: "<p class=\"error\">\(Phrase.linkInvalid, session.language)</p>", status: .notFound)
    }

    private static func resolve(_ request: Request) async throws -> (SurveyLink, SurveyAnswers.Invitation)? {
        guard let token = request.parameters.get("token"),
            let link = SurveyLink.verify(token, with: request.raaya.secretKey),
            let invitation = try await SurveyAnswers.invitation(link.invitationID, on: request.db.sqlDatabase())
        else { return nil }
        return (link, invitation)
    }
}
