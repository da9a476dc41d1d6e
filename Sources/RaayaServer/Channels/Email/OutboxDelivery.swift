import Foundation
import Logging
import NIOConcurrencyHelpers
import RaayaMail
import SQLKit
import Vapor

/// Delivers the outbox to the SMTP relay: every second, the mail that is due, oldest first.
///
/// A mail is claimed by pushing its next attempt five minutes ahead (with `FOR UPDATE SKIP LOCKED` on
/// PostgreSQL, so several instances share the work), then sent; a crash in between only delays it. A relay
/// that answers 4xx or cannot be reached is retried after 30 s, 1, 2, 4… minutes (at most an hour apart), 12
/// times in all; a 5xx answer fails the mail at once. Either way the reason is kept in `last_error`.
final class OutboxDelivery: LifecycleHandler, Sendable {
    static let maxAttempts = 12
    private let relay: Configuration.SMTPRelay
    private let hostname: String
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(relay: Configuration.SMTPRelay, hostname: String) {
        self.relay = relay
        self.hostname = hostname
    }

    func didBootAsync(_ application: Application) async throws {
        let relay = relay
        let hostname = hostname
        let loop = Task {
            while !Task.isCancelled {
                let sent = await Self.deliverDue(application, relay: relay, hostname: hostname)
                if sent == 0 { try? await Task.sleep(for: .seconds(1)) }
            }
        }
        task.withLockedValue { $0 = loop }
    }

    func shutdownAsync(_ application: Application) async {
        let loop = task.withLockedValue { $0 }
        loop?.cancel()
        await loop?.value
    }

    private struct Due: Sendable {
        let id: Int
        let sender: String
        let recipient: String
        let payload: [UInt8]
        let attempts: Int
    }

    /// Sends what is due now; returns how many mails it tried.
    @discardableResult
    static func deliverDue(
        _ app: Application, relay: Configuration.SMTPRelay, hostname: String, limit: Int = 20
    ) async -> Int {
        let clock = app.raaya.clock
        let logger = app.logger
        let due: [Due]
        do {
            due = try await app.raaya.writer.write { database in
                let sql = try database.sqlDatabase()
                let now = clock.now()
                let lock: SQLQueryString = database.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
                return try await sql.raw("""
                    UPDATE outbox SET next_attempt_at = \(bind: now.addingTimeInterval(300)) WHERE id IN \
                    (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= \(bind: now) \
                    ORDER BY id LIMIT \(bind: limit)\(lock)) RETURNING id, sender, recipient, payload, attempts
                    """).all().map { row in
                    Due(
                        id: try row.decode(column: "id", as: Int.self), sender: try row.decode(column: "sender", as: String.self),
                        recipient: try row.decode(column: "recipient", as: String.self),
                        payload: Array(try row.decode(column: "payload", as: Data.self)),
                        attempts: try row.decode(column: "attempts", as: Int.self))
                }.sorted { $0.id < $1.id }
            }
        } catch {
            logger.error("outbox: could not read the mail that is due", metadata: ["error": "\(error)"])
            return 0
        }
        for mail in due {
            let result = await SMTPRelayClient.send(
                mail.payload, from: mail.sender, to: [mail.recipient], via: relay, hostname: hostname,
                group: app.eventLoopGroup)
            await record(result, of: mail, app: app)
        }
        return due.count
    }

    private static func record(_ result: SMTPClientResult, of mail: Due, app: Application) async {
        let clock = app.raaya.clock
        let attempts = mail.attempts + 1
        let status: String
        let error: String?
        var retryIn: TimeInterval = 0
        switch result {
        case .delivered(let accepted, _, let reply) where !accepted.isEmpty:
            (status, error) = ("sent", nil)
            app.logger.info("outbox: mail delivered", metadata: ["outbox-id": "\(mail.id)", "relay": "\(reply)"])
        case .delivered(_, let refused, _):
            (status, error) = ("failed", "refused: \(refused.map { "\($0.address) \($0.reply)" }.joined(separator: "; "))")
        case .failed(let permanent, let reason):
            if permanent || attempts >= maxAttempts {
                (status, error) = ("failed", reason)
            } else {
                (status, error) = ("pending", reason)
                retryIn = min(30 * pow(2, Double(attempts - 1)), 3600)
            }
        }
        if status != "sent" {
            app.logger.warning(
                "outbox: mail not delivered", metadata: ["outbox-id": "\(mail.id)", "status": "\(status)", "reason": "\(error ?? "")"])
        }
        let delay = retryIn
        do {
            try await app.raaya.writer.write { database in
                let now = clock.now()
                try await database.sqlDatabase().raw("""
                    UPDATE outbox SET status = \(bind: status), attempts = \(bind: attempts), \
                    next_attempt_at = \(bind: now.addingTimeInterval(delay)), last_error = \(bind: error), \
                    sent_at = \(bind: status == "sent" ? now : nil) WHERE id = \(bind: mail.id)
                    """).run()
            }
        } catch {
            // The claim's lease runs out and the mail is tried again: sent twice at worst, never lost.
            app.logger.error("outbox: could not record a delivery", metadata: ["outbox-id": "\(mail.id)", "error": "\(error)"])
        }
    }
}
