import Foundation
import RaayaCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Live tickets: changes reach an open ticket page, and agents on the same ticket see each other")
struct TicketLiveTests {
    /// The next `viewers` frame that satisfies `condition` (earlier ones are skipped).
    func viewers(_ socket: TestSocket, _ condition: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        for _ in 0..<6 {
            let frame = try await socket.next("viewers")
            let list = frame["viewers"] as? [[String: Any]] ?? []
            if condition(list) { return list }
        }
        Issue.record("no viewers frame as expected")
        throw CancellationError()
    }

    /// Whether a `ticket_changed` frame of this kind arrives (frames of other kinds before it are skipped).
    func changed(_ socket: TestSocket, _ kind: TicketEventKind) async throws -> Bool {
        for _ in 0..<6 where try await socket.next("ticket_changed")["kind"] as? String == kind.rawValue {
            return true
        }
        return false
    }

    @Test("two agents on one email ticket: each is named to the other, typing shows, a reply and a change arrive, leaving clears")
    func collision() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let port = try await app.serve()
            let group = try await app.createGroup(token: admin, name: "الدعم الفني")
            try await app.createUser(email: "sara@example.com", name: "سارة", role: .agent, groups: [group])
            try await app.createUser(email: "omar@example.com", name: "عمر", role: .agent, groups: [group])
            try await app.createUser(email: "lina@example.com", name: "لينا", role: .agent)
            let sara = try await app.token("sara@example.com", password: "secret-password")
            let omar = try await app.token("omar@example.com", password: "secret-password")
            let lina = try await app.token("lina@example.com", password: "secret-password")
            let ticket = try await app.createTicket(token: admin, subject: "الطابعة لا تعمل", groupID: group)
            let id = try #require(ticket.int("id"))

            let first = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: sara)
            _ = try await first.next("hello")
            try await first.send(["type": "watch", "ticket_id": id])
            #expect(try await viewers(first) { $0.isEmpty }.isEmpty)

            let second = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: omar)
            _ = try await second.next("hello")
            try await second.send(["type": "watch", "ticket_id": id])
            // The newcomer learns who was there, and those there learn of the newcomer.
            let seenBySecond = try await viewers(second) { !$0.isEmpty }
            #expect(seenBySecond.map { $0.string("name") } == ["سارة"])
            let seenByFirst = try await viewers(first) { !$0.isEmpty }
            #expect(seenByFirst.map { $0.string("name") } == ["عمر"])
            #expect(seenByFirst.allSatisfy { ($0["typing"] as? Bool) == false })

            try await second.send(["type": "typing", "ticket_id": id, "active": true])
            let typing = try await viewers(first) { list in list.contains { ($0["typing"] as? Bool) == true } }
            #expect(typing.first?.string("name") == "عمر")

            // A reply and a change, made through the API, reach both pages.
            let reply = try await app.send(.POST, "/api/v1/tickets/\(id)/messages", token: omar, json: ["body": "سأعيد تشغيل الطابعة"])
            #expect(reply.status == .created)
            #expect(try await changed(first, .messageAdded))
            #expect(try await changed(second, .messageAdded))
            _ = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: omar, json: ["status": "pending"])
            #expect(try await changed(first, .statusChanged))

            // Someone who may not see the ticket cannot watch it, nor hear of it.
            let outsider = try await TestSocket.connect(port: port, path: "/api/v1/chat/agents/ws", token: lina)
            _ = try await outsider.next("hello")
            try await outsider.send(["type": "watch", "ticket_id": id])
            #expect(try await outsider.next("error")["field"] as? String == "ticket_id")
            _ = try await app.send(.POST, "/api/v1/tickets/\(id)/messages", token: sara, json: ["body": "ملاحظة", "internal": true])
            #expect(try await changed(first, .messageAdded))
            #expect(try await outsider.receives("ticket_changed") == false)
            #expect(try await outsider.receives("viewers") == false)

            // Leaving (the page closes) clears the warning on the other page.
            await second.close()
            #expect(try await viewers(first) { $0.isEmpty }.isEmpty)
            await first.close()
            await outsider.close()
        }
    }
}
