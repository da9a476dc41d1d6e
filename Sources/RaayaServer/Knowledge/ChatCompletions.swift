import Foundation
import NIOCore
import RaayaCore
import Vapor

/// Why no draft reply came back. Each is an RFC 9457 problem with a detail that says what to do (the API), and a
/// message on the ticket page.
enum DraftReplyFailure: AbortError, Equatable {
    /// `RAAYA_LLM_URL` is not set: Raaya has no language model to ask.
    case notConfigured
    /// No knowledge-base article matches the ticket, and a draft is written from articles only.
    case noArticles
    /// The language model could not be reached, timed out, refused or answered nothing usable.
    case upstream(String)

    var status: HTTPResponseStatus {
        switch self {
        case .notConfigured: .notFound
        case .noArticles: .conflict
        case .upstream: .badGateway
        }
    }

    var reason: String {
        switch self {
        case .notConfigured:
            "draft replies are off: this Raaya has no language model connector (the operator sets RAAYA_LLM_URL)"
        case .noArticles:
            "no knowledge-base article matches this ticket, and a draft reply is written from suggested articles only"
        case .upstream(let detail): detail
        }
    }
}

/// An OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp's server…) called through
/// Vapor's client: one non-streaming request, answered with the text of the first choice.
struct ChatCompletions {
    /// A model on a modest machine can take this long for a few paragraphs; an agent waits no longer.
    static let timeout: TimeAmount = .seconds(30)

    let endpoint: Configuration.LanguageModel
    let client: any Client

    private struct Body: Encodable {
        struct Message: Encodable {
            let role: String
            let content: String
        }

        let model: String?
        let messages: [Message]
        /// Low: a reply restating articles should not wander.
        let temperature: Double
        let stream: Bool
    }

    private struct Answer: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                let content: String?
            }

            let message: Message?
        }

        let choices: [Choice]?
    }

    /// The model's reply to `system` then `user`.
    func complete(system: String, user: String) async throws(DraftReplyFailure) -> String {
        let url = endpoint.baseURL + "/chat/completions"
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .accept, value: "application/json")
        if let key = endpoint.key { headers.bearerAuthorization = BearerAuthorization(token: key) }
        let body = Body(
            model: endpoint.model, messages: [.init(role: "system", content: system), .init(role: "user", content: user)],
            temperature: 0.2, stream: false)
        var request = ClientRequest(method: .POST, url: URI(string: url), headers: headers)
        request.timeout = Self.timeout
        let response: ClientResponse
        do {
            request.body = ByteBuffer(data: try JSON.encoder.encode(body))
            response = try await client.send(request)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw .upstream("the language model at \(url) did not answer within \(Self.timeout.nanoseconds / 1_000_000_000) seconds")
        } catch {
            throw .upstream("could not reach the language model at \(url): \(error)")
        }
        let text = response.body.map { String(buffer: $0) } ?? ""
        guard (200..<300).contains(response.status.code) else {
            let excerpt = text.trimmingWhitespace().prefix(300)
            throw .upstream(
                "the language model at \(url) answered HTTP \(response.status.code)" + (excerpt.isEmpty ? "" : ": \(excerpt)"))
        }
        guard let answer = try? JSON.decoder.decode(Answer.self, from: Data(text.utf8)),
            let content = answer.choices?.first?.message?.content
        else {
            throw .upstream("the language model at \(url) answered without a chat completion (choices[0].message.content)")
        }
        let reply = DraftReplyPrompt.reply(from: content)
        guard !reply.isEmpty else { throw .upstream("the language model at \(url) answered with an empty reply") }
        return reply
    }
}
