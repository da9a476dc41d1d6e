import RaayaCore
import Vapor

/// `POST /api/v1/sentiment` {text} → {label, score, language}: the sentiment model every customer message goes
/// through (`SentimentModel` in RaayaCore), for integrations and for trying it out. Staff only; nothing is
/// stored.
enum SentimentAPI {
    struct Input: Decodable {
        let text: String?
    }

    struct Output: Encodable {
        let label: String
        let score: Double
        let language: String
    }

    @Sendable static func analyze(_ request: Request) async throws -> Response {
        _ = try request.principal
        let input = try request.decodeJSON(Input.self)
        var validation = Validation()
        let text = validation.requiredBody(input.text, field: "text")
        try validation.check()
        let sentiment = SentimentModel.shared.analyze(text)
        return try JSON.response(
            Output(label: sentiment.label.rawValue, score: sentiment.score, language: sentiment.language.rawValue))
    }
}
