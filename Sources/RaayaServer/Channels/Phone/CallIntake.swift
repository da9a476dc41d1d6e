import Fluent
import Foundation
import RaayaCore
import SQLKit

/// A call reported by a telephony system: logged on the ticket it names, or opening a phone ticket for the
/// customer with that number (found by any way of writing it, Arabic-Indic digits included, or created).
enum CallIntake {
    static func receive(
        _ call: PhoneCall, ticketID: Int?, source: ChannelSource, writer: WriteQueue, now: Date
    ) async throws -> (ticketID: Int, messageID: Int) {
        try await writer.write { database in
            let service = TicketService(database: database, now: now, actor: nil)
            let sql = try database.sqlDatabase()
            if let ticketID {
                return (ticketID, try await service.logCall(on: ticketID, call))
            }
            let customerID = try await CustomerService(sql: sql, now: now)
                .resolve(id: nil, draft: CustomerDraft(phone: call.number))
            let label = call.direction == .inbound ? "مكالمة واردة من \(call.number) — Inbound call" : "مكالمة صادرة إلى \(call.number) — Outbound call"
            let ticketID = try await service.create(
                NewTicket(
                    subject: label, body: call.summary, channel: .phone, priority: .normal, customerID: customerID,
                    customer: CustomerDraft(), groupID: source.groupID, assigneeID: nil, tags: []))
            let first = try await sql.raw("SELECT id FROM messages WHERE ticket_id = \(bind: ticketID) ORDER BY id LIMIT 1").first()
            let messageID = try first?.decode(column: "id", as: Int.self) ?? 0
            return (ticketID, try await service.logCall(on: ticketID, call, messageID: messageID))
        }
    }
}
