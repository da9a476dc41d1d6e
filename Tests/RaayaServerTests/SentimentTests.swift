import Foundation
import Testing
import Vapor

@testable import RaayaServer

@Suite("Sentiment through the API: تحليل المشاعر")
struct SentimentTests {
    @Test("staff get a label, score and language for Arabic, Arabizi and English; bad input names the field")
    func analyze() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            func analyze(_ text: String) async throws -> [String: Any] {
                let response = try await app.send(.POST, "/api/v1/sentiment", token: token, json: ["text": text])
                #expect(response.status == .ok, "\(response.text)")
                return response.object
            }
            let angry = try await analyze("الخدمة زفت وطلبي متأخر أسبوعين")
            #expect(angry.string("label") == "negative" && angry.string("language") == "ar")
            #expect((angry["score"] as? Double ?? 0) < 0)
            let arabizi = try await analyze("el service wa7esh")
            #expect(arabizi.string("label") == "negative" && arabizi.string("language") == "ar")
            let happy = try await analyze("شكرا جزيلا، الخدمة ممتازة")
            #expect(happy.string("label") == "positive" && (happy["score"] as? Double ?? 0) > 0)
            let question = try await analyze("When will my order arrive?")
            #expect(question.string("label") == "neutral" && question.string("language") == "en")

            let empty = try await app.send(.POST, "/api/v1/sentiment", token: token, json: ["text": "  "])
            #expect(empty.status == .unprocessableEntity && empty.isProblem && empty.text.contains("text"))
            #expect(try await app.send(.POST, "/api/v1/sentiment", token: nil, json: ["text": "ممتاز"]).status == .unauthorized)
        }
    }
}
