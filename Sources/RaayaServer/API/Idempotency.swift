import Fluent
import Foundation
import RaayaCore
import Vapor

/// `Idempotency-Key` on creating requests: the first answer is stored with the write it made, in the same
/// transaction, and a retry with the same key gets that answer again instead of a second record.
enum Idempotency {
    static let header = "Idempotency-Key"

    /// Runs `create` in the write queue and answers 201 with its result, or replays the stored first answer.
    static func create<Result: Encodable & Sendable>(
        _ request: Request, principal: Principal,
        _ create: @escaping @Sendable (any Database, Date) async throws -> Result
    ) async throws -> Response {
        let key = try key(of: request)
        let path = "\(request.method.rawValue) \(request.url.path)"
        let clock = request.raaya.clock
        let (status, body, replayed) = try await request.raaya.writer.write { database -> (Int, Data, Bool) in
            let now = clock.now()
            if let key,
                let first = try await IdempotencyRecord.query(on: database)
                    .filter(\.$userID == principal.userID).filter(\.$key == key).first()
            {
                guard first.requestPath == path else {
                    throw DomainError.conflict("this Idempotency-Key was used for \(first.requestPath)")
                }
                return (first.status, Data(first.body.utf8), true)
            }
            let body = try JSON.encoder.encode(try await create(database, now))
            if let key {
                try await IdempotencyRecord(
                    userID: principal.userID, key: key, requestPath: path, status: 201,
                    body: String(decoding: body, as: UTF8.self), createdAt: now
                ).create(on: database)
            }
            return (201, body, false)
        }
        let response = JSON.response(body: body, status: .init(statusCode: status))
        if replayed { response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return response
    }

    private static func key(of request: Request) throws -> String? {
        guard let key = request.headers.first(name: header)?.trimmingWhitespace(), !key.isEmpty else { return nil }
        guard key.count <= 255 else { throw DomainError.invalid(header, "must be at most 255 characters") }
        return key
    }
}
