import Foundation
import RaayaCore
import Vapor

/// SMART goals: admins and supervisors set them and read their progress (also on the reports dashboard).
enum GoalsAPI {
    /// `GET /api/v1/goals`: every goal with its progress now.
    @Sendable static func list(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let goals = try await Goals.list(on: request.db.sqlDatabase(), now: request.raaya.clock.now())
        return try JSON.response(Page(data: goals, nextCursor: nil))
    }

    /// `POST /api/v1/goals {name, metric, target, direction?, group_id?, channel?, start, deadline, time_zone?}`.
    @Sendable static func create(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let goal = try request.decodeJSON(GoalRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            let sql = try database.sqlDatabase()
            try await sql.requireRow(in: "groups", id: goal.groupID, field: "group_id", names: "group")
            return try await Goals.create(goal, by: principal.userID, on: sql, now: now)
        } render: { id in
            guard let created = try await Goals.list(on: request.db.sqlDatabase(), now: request.raaya.clock.now(), id: id).first else {
                throw DomainError.notFound(resource: "goal")
            }
            return try JSON.response(created, status: .created)
        }
    }

    /// `DELETE /api/v1/goals/{id}`.
    @Sendable static func delete(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "goal")
        try await request.raaya.writer.write { database in try await Goals.delete(id, on: database.sqlDatabase()) }
        return Response(status: .noContent)
    }
}
