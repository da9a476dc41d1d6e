import Fluent
import Foundation
import RaayaCore
import SQLKit
import Testing
@testable import RaayaServer

/// A combinable write that records an organization, and refuses (throwing for its whole run) a negative number.
private struct RecordOrganization: CombinableWrite {
    let number: Int

    struct Refused: Error {}

    static func apply(_ items: [RecordOrganization], on sql: any SQLDatabase) async throws -> [Result<Int, any Error>] {
        if items.contains(where: { $0.number < 0 }) { throw Refused() }
        try await sql.insertRows(
            into: Organization.schema, columns: ["name", "created_at"], items.map { ["منظمة \($0.number)", Date()] })
        return items.map { .success($0.number) }
    }
}

@Suite("The write queue")
struct WriteQueueTests {
    @Test("one failing write in a run fails alone; the others commit, whether or not they shared a batch")
    func failingRunIsRetriedItemByItem() async throws {
        try await TestApp.run { app in
            let writer = app.app.raaya.writer
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for number in [1, 2, -3, 4, 5, -6, 7] {
                    group.addTask { (number, (try? await writer.write(RecordOrganization(number: number))) == number) }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes == [1: true, 2: true, -3: false, 4: true, 5: true, -6: false, 7: true])
            let names = try await app.app.db.sqlDatabase().raw("SELECT name FROM organizations ORDER BY name").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(names == ["منظمة 1", "منظمة 2", "منظمة 4", "منظمة 5", "منظمة 7"])
        }
    }

    @Test("a closure write that throws rolls back only its own changes")
    func closureWriteRollsBackAlone() async throws {
        try await TestApp.run { app in
            let writer = app.app.raaya.writer
            await withTaskGroup(of: Void.self) { group in
                for number in 0..<6 {
                    group.addTask {
                        _ = try? await writer.write { database in
                            try await database.sqlDatabase().insertRow(
                                into: Organization.schema, ["name": "شركة \(number)", "created_at": Date()])
                            if number % 2 == 1 { throw DomainError.conflict("odd") }
                        }
                    }
                }
            }
            let count = try await app.app.db.sqlDatabase().raw("SELECT COUNT(*) AS n FROM organizations").first()?
                .decode(column: "n", as: Int.self)
            #expect(count == 3)
        }
    }

    @Test("closure and combinable writes queued together all commit, and each sees what was committed before it")
    func mixedWritesCommit() async throws {
        try await TestApp.run { app in
            let writer = app.app.raaya.writer
            await withTaskGroup(of: Void.self) { group in
                for number in 1...40 {
                    group.addTask {
                        if number % 3 == 0 {
                            _ = try? await writer.write { database in
                                try await database.sqlDatabase().insertRow(
                                    into: Organization.schema, ["name": "شركة \(number)", "created_at": Date()])
                            }
                        } else {
                            _ = try? await writer.write(RecordOrganization(number: number))
                        }
                    }
                }
            }
            let names = Set(
                try await app.app.db.sqlDatabase().raw("SELECT name FROM organizations").all()
                    .map { try $0.decode(column: "name", as: String.self) })
            #expect(names == Set((1...40).map { $0 % 3 == 0 ? "شركة \($0)" : "منظمة \($0)" }))
            // A closure write reads what a combined write committed just before it.
            _ = try await writer.write(RecordOrganization(number: 99))
            let seen = try await writer.write { database in
                try await database.sqlDatabase().raw("SELECT COUNT(*) AS n FROM organizations WHERE name = 'منظمة 99'")
                    .first()?.decode(column: "n", as: Int.self)
            }
            #expect(seen == 1)
        }
    }
}
