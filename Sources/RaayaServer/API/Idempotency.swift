import Fluent
import Foundation
import RaayaCore
import Vapor

/// `Idempotency-Key` on creating requests: the key is stored with the record it created, in the same
/// transaction, and a retry with the same key answers with that record instead of creating a second one.
enum Idempotency {
    static let header = "Idempotency-Key"

    /// Runs `create` in the write queue, then answers 201 with `render`'s answer for the created (or first created) id.
    ///
    /// Rendering happens after the commit, on a reading connection, so the write transaction stays short.
    static func create(
        _ request: Request, principal: Principal,
        _ create: @escaping @Sendable (any Database, Date) async throws -> Int,
        render: (Int) async throws -> Response
    ) async throws -> Response {
        let key = try key(of: request)
        let path = "\(request.method.rawValue) \(request.url.path)"
        let clock = request.raaya.clock
        let (id, replayed) = try await request.raaya.writer.write { database -> (Int, Bool) in
            let now = clock.now()
            if let key,
                let first = try await IdempotencyRecord.query(on: database)
                    .filter(\.$userID == principal.userID).filter(\.$key == key).first()
            {
                guard first.requestPath == path else {
                    throw DomainError.conflict("this Idempotency-Key was used for \(first.requestPath)")
                }
                return (first.resourceID, true)
            }
            let id = try await create(database, now)
            if let key {
                try await IdempotencyRecord(
                    userID: principal.userID, key: key, requestPath: path, resourceID: id, createdAt: now
                ).create(on: database)
            }
            return (id, false)
        }
        let response = try await render(id)
        response.status = .created
        if replayed { response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return response
    }

    static func isRequested(by request: Request) -> Bool {
        request.headers.first(name: header) != nil
    }

    private static func key(of request: Request) throws -> String? {
        guard let key = request.headers.first(name: header)?.trimmingWhitespace(), !key.isEmpty else { return nil }
        guard key.count <= 255 else { throw DomainError.invalid(header, "must be at most 255 characters") }
        return key
    }
}
