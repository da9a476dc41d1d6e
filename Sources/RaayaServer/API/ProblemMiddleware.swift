import Foundation
import RaayaCore
import Vapor

/// An RFC 9457 problem document.
struct Problem: Codable, Sendable {
    struct FieldProblem: Codable, Sendable {
        let field: String
        let detail: String
    }

    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    /// The first field at fault; `errors` lists them all.
    var field: String?
    var errors: [FieldProblem]?
    var existingID: Int?
    var allowedStatuses: [TicketStatus]?
    var retryAfter: Int?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, field, errors
        case existingID = "existing_id"
        case allowedStatuses = "allowed_statuses"
        case retryAfter = "retry_after"
    }
}

extension Problem {
    init(_ error: DomainError) {
        switch error {
        case .invalid(let fields):
            let list = fields.map { FieldProblem(field: $0.field, detail: "\($0.field) \($0.reason)") }
            self.init(
                type: "/problems/invalid-input", title: "Invalid input", status: 422,
                detail: list.map(\.detail).joined(separator: "; "), field: fields.first?.field, errors: list)
        case .malformed(let field, let detail):
            self.init(
                type: "/problems/malformed-request", title: "Malformed request", status: 400,
                detail: field.map { "\($0) \(detail)" } ?? detail, field: field,
                errors: field.map { [FieldProblem(field: $0, detail: "\($0) \(detail)")] })
        case .notFound(let resource):
            self.init(title: "Not found", status: 404, detail: "no \(resource) with that id")
        case .duplicate(let resource, let field, let existingID):
            self.init(
                type: "/problems/duplicate", title: "Already exists", status: 409,
                detail: "a \(resource) with this \(field) already exists (id \(existingID))", field: field,
                existingID: existingID)
        case .illegalStatusMove(let from, let to):
            let allowed = from.allowedMoves
            self.init(
                type: "/problems/illegal-status-change", title: "Status change not allowed", status: 409,
                detail: "a ticket cannot move from \(from.rawValue) to \(to.rawValue); allowed: "
                    + (allowed.isEmpty ? "none (closed is final)" : allowed.map(\.rawValue).joined(separator: ", ")),
                field: "status", allowedStatuses: allowed)
        case .conflict(let detail):
            self.init(title: "Conflict", status: 409, detail: detail)
        case .unauthenticated(let detail):
            self.init(title: "Unauthorized", status: 401, detail: detail)
        case .forbidden(let detail):
            self.init(title: "Forbidden", status: 403, detail: detail)
        case .tooManyAttempts(let seconds):
            self.init(
                type: "/problems/too-many-attempts", title: "Too many attempts", status: 429,
                detail: "too many failed sign-ins; try again in \(seconds) seconds", retryAfter: seconds)
        }
    }
}

/// Maps every error to problem+json: domain errors keep their meaning, anything unexpected is a logged 500.
struct ProblemMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return response(for: error, request: request)
        }
    }

    func response(for error: any Error, request: Request) -> Response {
        let problem: Problem
        switch error {
        case let domain as DomainError:
            problem = Problem(domain)
        case let decoding as DecodingError:
            problem = Problem(DomainError(decoding))
        case let abort as any AbortError:
            problem = Problem(
                title: abort.status.reasonPhrase, status: Int(abort.status.code),
                detail: abort.reason.isEmpty ? abort.status.reasonPhrase : abort.reason)
        default:
            request.logger.critical(
                "unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.url.path)"])
            problem = Problem(
                title: "Internal Server Error", status: 500,
                detail: environment.isRelease ? "something went wrong on our side" : String(describing: error))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json; charset=utf-8")
        if problem.status == 401 { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        if let retry = problem.retryAfter { headers.replaceOrAdd(name: .retryAfter, value: "\(retry)") }
        let body = (try? JSON.encoder.encode(problem)) ?? Data()
        return Response(status: .init(statusCode: problem.status), headers: headers, body: .init(data: body))
    }
}
