import Foundation
import RaayaCore
import Vapor

/// The admin's surveys (`/admin/surveys`): each survey's question in Arabic and English, whether it is on, and
/// when it goes out; a new survey of a kind. The forms make the API's `SurveyRequest`, so the rules are one.
extension AdminPages {
    @Sendable static func surveys(_ request: Request) async throws -> Response {
        try await page(request, .surveys) { session, _ in
            let language = session.language
            let forms: [HTML] = try await SurveyStore(sql: request.db.sqlDatabase()).all().map { survey in
                """
                <details class="card" id="survey-\(survey.id)"><summary><strong>\(survey.kind.rawValue.uppercased())</strong> \
                <span dir="auto">\(survey.name)</span> \(survey.enabled ? "" : HTML("<span class=\"badge\">\(Phrase.off, language)</span>"))</summary>
                \(surveyForm(session, survey))</details>
                """
            }
            let kinds: [HTML] = SurveyKind.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue.uppercased())</option>" }
            return """
                <h2>\(Phrase.surveys, language)</h2>\(forms)
                <section class="card"><h2>\(Phrase.addSurvey, language)</h2>\
                <form method="post" action="/admin/surveys">\(csrf(session))\
                <label>\(Phrase.surveyKind, language) <select name="kind">\(kinds)</select></label>\
                <label>\(Phrase.name, language) <input name="name" type="text" dir="auto" required maxlength="200"></label>\
                <p class="muted">\(Phrase.addSurveyHelp, language)</p>\
                <button class="primary" type="submit">\(Phrase.addSurvey, language)</button></form></section>
                """
        }
    }

    private static func surveyForm(_ session: WebSession, _ survey: SurveyDTO) -> HTML {
        let language = session.language
        func box(_ name: String, _ on: Bool, _ phrase: Phrase) -> HTML {
            "<label><input type=\"checkbox\" name=\"\(name)\"\(HTML(trusted: on ? " checked" : ""))> \(phrase, language)</label>"
        }
        let directions: [HTML] = EffortDirection.allCases.map { direction in
            let phrase: Phrase = direction == .lowIsEasy ? .lowIsEasy : .highIsEasy
            return "<option value=\"\(direction.rawValue)\"\(HTML(trusted: direction == survey.direction ? " selected" : ""))>\(phrase, language)</option>"
        }
        return """
            <form method="post" action="/admin/surveys/\(survey.id)">\(csrf(session))
            <label>\(Phrase.name, language) <input name="name" type="text" dir="auto" value="\(survey.name)" required maxlength="200"></label>
            \(box("enabled", survey.enabled, .surveyEnabled))
            <label>\(Phrase.questionArabic, language) <textarea name="question_ar" dir="rtl" lang="ar">\(survey.questions.ar)</textarea></label>
            <label>\(Phrase.questionEnglish, language) <textarea name="question_en" dir="ltr" lang="en">\(survey.questions.en)</textarea></label>
            \(survey.kind == .ces ? "<label>\(Phrase.scaleDirection, language) <select name=\"direction\">\(directions)</select></label>" : HTML(""))
            \(survey.kind == .nps ? HTML("") : box("on_solve", survey.onSolve, .sendOnSolve))
            <label>\(Phrase.delayMinutes, language) <input name="delay_minutes" type="number" min="0" value="\(survey.delayMinutes)"></label>
            <label>\(Phrase.throttleDays, language) <input name="throttle_days" type="number" min="0" value="\(survey.throttleDays)"></label>
            \(box("include_self_service", survey.includeSelfService, .includeSelfService))
            \(box("include_merged", survey.includeMerged, .includeMerged))
            <button class="primary" type="submit">\(Phrase.save, language)</button></form>
            """
    }

    @Sendable static func createSurvey(_ request: Request) async throws -> Response {
        try await submit(request, .surveys) { _ in
            let kind = try field(request, "kind").map { raw in
                guard let kind = SurveyKind(rawValue: raw) else { throw DomainError.invalid("kind", "must be csat, nps or ces") }
                return kind
            }
            // A new survey starts off, with the standard questions, until the admin has read and switched it on.
            let survey = try SurveyRequest(kind: kind, name: field(request, "name"), enabled: false).validated(over: nil)
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await SurveyStore(sql: database.sqlDatabase()).create(survey, now: clock.now())
            }
        }
    }

    @Sendable static func updateSurvey(_ request: Request) async throws -> Response {
        try await submit(request, .surveys) { _ in
            let id = try request.pathID(resource: "survey")
            let store = SurveyStore(sql: try request.db.sqlDatabase())
            let current = try await store.find(id)
            func number(_ name: String) throws -> Int? {
                guard let raw = field(request, name), !raw.isEmpty else { return nil }
                guard let value = Identity.wholeNumber(raw) else { throw DomainError.invalid(name, "must be a whole number") }
                return value
            }
            var questions: [String: String] = [:]
            if let arabic = field(request, "question_ar") { questions["ar"] = arabic }
            if let english = field(request, "question_en") { questions["en"] = english }
            let survey = try SurveyRequest(
                name: field(request, "name"), enabled: field(request, "enabled") != nil, questions: questions,
                direction: try field(request, "direction").map { raw in
                    guard let direction = EffortDirection(rawValue: raw) else { throw DomainError.invalid("direction", "must be low_is_easy or high_is_easy") }
                    return direction
                },
                onSolve: current.kind == .nps ? nil : field(request, "on_solve") != nil, delayMinutes: try number("delay_minutes"),
                throttleDays: try number("throttle_days"), includeSelfService: field(request, "include_self_service") != nil,
                includeMerged: field(request, "include_merged") != nil
            ).validated(over: current)
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await SurveyStore(sql: database.sqlDatabase()).update(survey, now: clock.now())
            }
        }
    }
}
