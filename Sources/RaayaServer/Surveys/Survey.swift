import Foundation
import RaayaCore
import SQLKit

/// A survey as the admin keeps it: its kind, the question in each language, and when it goes out.
struct SurveyDTO: Codable, Sendable, Equatable {
    struct Questions: Codable, Sendable, Equatable {
        var ar: String
        var en: String
    }

    let id: Int
    var kind: SurveyKind
    var name: String
    var enabled: Bool
    var questions: Questions
    /// For CES, which end of the 1–7 scale is easy; reports turn every answer to 1 = very easy.
    var direction: EffortDirection
    /// CSAT and CES: sent when a ticket is solved. NPS goes out by campaign.
    var onSolve: Bool
    var delayMinutes: Int
    var throttleDays: Int
    var includeSelfService: Bool
    var includeMerged: Bool

    enum CodingKeys: String, CodingKey {
        case id, kind, name, enabled, questions, direction
        case onSolve = "on_solve"
        case delayMinutes = "delay_minutes"
        case throttleDays = "throttle_days"
        case includeSelfService = "include_self_service"
        case includeMerged = "include_merged"
    }

    var policy: SurveyPolicy {
        SurveyPolicy(
            delayMinutes: delayMinutes, throttleDays: throttleDays, includeSelfService: includeSelfService,
            includeMerged: includeMerged)
    }

    func question(_ language: String) -> String { language == "ar" ? questions.ar : questions.en }

    /// The standard wording of each kind, which a new survey starts with.
    static func standardQuestions(_ kind: SurveyKind) -> Questions {
        switch kind {
        case .csat: Questions(ar: "ما مدى رضاك عن المساعدة التي تلقيتها؟", en: "How satisfied are you with the help you received?")
        case .nps: Questions(ar: "ما مدى احتمال أن توصي بنا لصديق أو زميل؟", en: "How likely are you to recommend us to a friend or colleague?")
        case .ces: Questions(ar: "ما مدى سهولة حل مشكلتك؟", en: "How easy was it to get your issue resolved?")
        }
    }
}

/// Reads and writes the `surveys` table.
struct SurveyStore {
    let sql: any SQLDatabase

    static let columns: SQLQueryString =
        "id, kind, name, enabled, question_ar, question_en, direction, on_solve, delay_minutes, throttle_days, include_self_service, include_merged"

    func all() async throws -> [SurveyDTO] {
        try await sql.raw("SELECT \(Self.columns) FROM surveys ORDER BY id").all().map(Self.survey)
    }

    func find(_ id: Int) async throws -> SurveyDTO {
        guard let row = try await sql.raw("SELECT \(Self.columns) FROM surveys WHERE id = \(bind: id)").first() else {
            throw DomainError.notFound(resource: "survey")
        }
        return try Self.survey(row)
    }

    func create(_ survey: SurveyDTO, now: Date) async throws -> Int {
        try await sql.insertReturningID(
            into: "surveys",
            [
                "kind": survey.kind.rawValue, "name": survey.name, "enabled": survey.enabled,
                "question_ar": survey.questions.ar, "question_en": survey.questions.en,
                "direction": survey.direction.rawValue, "on_solve": survey.onSolve, "delay_minutes": survey.delayMinutes,
                "throttle_days": survey.throttleDays, "include_self_service": survey.includeSelfService,
                "include_merged": survey.includeMerged, "created_at": now, "updated_at": now,
            ])
    }

    func update(_ survey: SurveyDTO, now: Date) async throws {
        try await sql.update("surveys").where("id", .equal, survey.id)
            .set("name", to: survey.name).set("enabled", to: survey.enabled)
            .set("question_ar", to: survey.questions.ar).set("question_en", to: survey.questions.en)
            .set("direction", to: survey.direction.rawValue).set("on_solve", to: survey.onSolve)
            .set("delay_minutes", to: survey.delayMinutes).set("throttle_days", to: survey.throttleDays)
            .set("include_self_service", to: survey.includeSelfService).set("include_merged", to: survey.includeMerged)
            .set("updated_at", to: now).run()
    }

    static func survey(_ row: any SQLRow) throws -> SurveyDTO {
        SurveyDTO(
            id: try row.decode(column: "id", as: Int.self), kind: try row.decodeRaw(column: "kind", as: SurveyKind.self),
            name: try row.decode(column: "name", as: String.self), enabled: try row.decode(column: "enabled", as: Bool.self),
            questions: .init(
                ar: try row.decode(column: "question_ar", as: String.self),
                en: try row.decode(column: "question_en", as: String.self)),
            direction: try row.decodeRaw(column: "direction", as: EffortDirection.self),
            onSolve: try row.decode(column: "on_solve", as: Bool.self),
            delayMinutes: try row.decode(column: "delay_minutes", as: Int.self),
            throttleDays: try row.decode(column: "throttle_days", as: Int.self),
            includeSelfService: try row.decode(column: "include_self_service", as: Bool.self),
            includeMerged: try row.decode(column: "include_merged", as: Bool.self))
    }
}
