import Foundation
import Testing
import Vapor

/// An OpenAI-compatible chat-completions API on 127.0.0.1, a second Vapor application on a free port: it answers
/// `POST /v1/chat/completions` with `reply` (or fails with `status`) and keeps every request it gets.
final class FakeLanguageModel: Sendable {
    struct Received: Sendable {
        let path: String
        let authorization: String?
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var messages: [[String: Any]] { json["messages"] as? [[String: Any]] ?? [] }
        /// Every message's content, in order.
        var prompt: String { messages.compactMap { $0["content"] as? String }.joined(separator: "\n") }
    }

    actor State {
        var received: [Received] = []
        var status: HTTPResponseStatus = .ok
        var reply = ""
        /// The whole answer's body, when set, instead of a completion of `reply`.
        var rawAnswer: String?

        func answer(_ request: Request) throws -> Response {
            received.append(
                Received(
                    path: request.url.path, authorization: request.headers.first(name: .authorization),
                    body: request.body.data.map { Data(buffer: $0) } ?? Data()))
            var headers = HTTPHeaders()
            headers.contentType = .json
            guard status == .ok else {
                return Response(status: status, headers: headers, body: .init(string: #"{"error":{"message":"model overloaded"}}"#))
            }
            let completion: [String: Any] = [
                "id": "chatcmpl-1", "object": "chat.completion", "model": "fake",
                "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": reply]]],
            ]
            let body = try rawAnswer.map { Data($0.utf8) } ?? JSONSerialization.data(withJSONObject: completion)
            return Response(status: .ok, headers: headers, body: .init(data: body))
        }

        func set(status: HTTPResponseStatus = .ok, reply: String? = nil, rawAnswer: String? = nil) {
            self.status = status
            if let reply { self.reply = reply }
            self.rawAnswer = rawAnswer
        }
    }

    let state: State
    let baseURL: String
    private let app: Application

    /// Runs `body` with a model that answers `reply`, and stops it after.
    @discardableResult
    static func serving<T>(reply: String, _ body: (FakeLanguageModel) async throws -> T) async throws -> T {
        let model = try await start(reply: reply)
        do {
            let result = try await body(model)
            await model.stop()
            return result
        } catch {
            await model.stop()
            throw error
        }
    }

    private static func start(reply: String) async throws -> FakeLanguageModel {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.routes.defaultMaxBodySize = "1mb"
        let holder = State()
        await holder.set(reply: reply)
        app.post("v1", "chat", "completions") { request async throws -> Response in try await holder.answer(request) }
        do {
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            return FakeLanguageModel(app: app, port: port, state: holder)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private init(app: Application, port: Int, state: State) {
        self.app = app
        self.state = state
        baseURL = "http://127.0.0.1:\(port)/v1"
    }

    private func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}
