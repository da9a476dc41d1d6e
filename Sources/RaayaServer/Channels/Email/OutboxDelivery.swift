import Foundation
import Logging
import NIOConcurrencyHelpers
import RaayaMail
import SQLKit
import Vapor

/// Delivers the outbox every second, oldest first: mail to the SMTP relay (when one is configured), and replies
/// to social sources as HTTP calls to the source's reply endpoint.
///
/// An item is claimed by pushing its next attempt five minutes ahead (with `FOR UPDATE SKIP LOCKED` on
/// PostgreSQL, so several instances share the work), then sent; a crash in between only delays it. A peer that
/// answers 4xx (SMTP) or 5xx/408/429 (HTTP), or cannot be reached, is retried after 30 s, 1, 2, 4… minutes (at
/// most an hour apart), 12 times in all; a permanent refusal (SMTP 5xx, HTTP 4xx) fails the item at once.
/// Either way the reason is kept in `last_error`.
final class OutboxDelivery: LifecycleHandler, Sendable {
    static let maxAttempts = 12
    private let relay: Configuration.SMTPRelay?
    private let hostname: String
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(relay: Configuration.SMTPRelay?, hostname: String) {
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

    /// What became of one attempt.
    enum Outcome: Sendable {
        case sent(String)
        case retry(String)
        case failed(String)
    }

    private struct Due: Sendable {
        let id: Int
        let transport: String
        let sender: String
        let recipient: String
        let payload: [UInt8]
        let attempts: Int
    }

    /// Sends what is due now; returns how many mails it tried.
    @discardableResult
    static func deliverDue(
        _ app: Application, relay: Configuration.SMTPRelay?, hostname: String, limit: Int = 20
    ) async -> Int {
        let clock = app.raaya.clock
        let logger = app.logger
        let due: [Due]
        do {
            // Most seconds nothing is due: a read says so without a write transaction.
            let transports: SQLQueryString = relay == nil ? " AND transport = 'http'" : ""
            guard try await app.db.sqlDatabase().raw("""
                SELECT id FROM outbox WHERE status = 'pending'\(transports) AND next_attempt_at <= \(bind: clock.now()) LIMIT 1
                """).first() != nil
            else { return 0 }
            due = try await app.raaya.writer.write { database in
                let sql = try database.sqlDatabase()
                let now = clock.now()
                let lock: SQLQueryString = database.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
                // Without a relay, mail waits; HTTP calls go out regardless.
                return try await sql.raw("""
                    UPDATE outbox SET next_attempt_at = \(bind: now.addingTimeInterval(300)) WHERE id IN \
                    (SELECT id FROM outbox WHERE status = 'pending'\(transports) AND next_attempt_at <= \(bind: now) \
                    ORDER BY id LIMIT \(bind: limit)\(lock)) RETURNING id, transport, sender, recipient, payload, attempts
                    """).all().map { row in
                    Due(
                        id: try row.decode(column: "id", as: Int.self), transport: try row.decode(column: "transport", as: String.self),
                        sender: try row.decode(column: "sender", as: String.self),
                        recipient: try row.decode(column: "recipient", as: String.self),
                        payload: Array(try row.decode(column: "payload", as: Data.self)),
                        attempts: try row.decode(column: "attempts", as: Int.self))
                }.sorted { $0.id < $1.id }
            }
        } catch {
            logger.error("outbox: could not read the mail that is due", metadata: ["error": "\(error)"])
            return 0
        }
        for item in due {
            let outcome: Outcome
            if item.transport == "http" {
                outcome = await SocialDelivery.send(item.payload, sourceID: Int(item.sender) ?? 0, app: app)
            } else if let relay {
                outcome = Self.outcome(
                    of: await SMTPRelayClient.send(
                        item.payload, from: item.sender, to: [item.recipient], via: relay, hostname: hostname,
                        group: app.eventLoopGroup))
            } else {
                continue
            }
            await record(outcome, of: item, app: app)
        }
        return due.count
    }

    private static func outcome(of result: SMTPClientResult) -> Outcome {
        switch result {
        case .delivered(let accepted, _, let reply) where !accepted.isEmpty:
            .sent("\(reply)")
        case .delivered(_, let refused, _):
            .failed("refused: \(refused.map { "\($0.address) \($0.reply)" }.joined(separator: "; "))")
        case .failed(let permanent, let reason):
            permanent ? .failed(reason) : .retry(reason)
        }
    }

    private static func record(_ outcome: Outcome, of item: Due, app: Application) async {
        let clock = app.raaya.clock
        let attempts = item.attempts + 1
        let status: String
        let error: String?
        var retryIn: TimeInterval = 0
        switch outcome {
        case .sent(let answer):
            (status, error) = ("sent", nil)
            app.logger.info("outbox: delivered", metadata: ["outbox-id": "\(item.id)", "answer": "\(answer)"])
        case .failed(let reason):
            (status, error) = ("failed", reason)
        case .retry(let reason) where attempts >= maxAttempts:
            (status, error) = ("failed", reason)
        case .retry(let reason):
            (status, error) = ("pending", reason)
            retryIn = min(30 * pow(2, Double(attempts - 1)), 3600)
        }
        if status != "sent" {
            app.logger.warning(
                "outbox: not delivered", metadata: ["outbox-id": "\(item.id)", "status": "\(status)", "reason": "\(error ?? "")"])
        }
        let delay = retryIn
        do {
            try await app.raaya.writer.write { database in
                let now = clock.now()
                try await database.sqlDatabase().raw("""
                    UPDATE outbox SET status = \(bind: status), attempts = \(bind: attempts), \
                    next_attempt_at = \(bind: now.addingTimeInterval(delay)), last_error = \(bind: error), \
                    sent_at = \(bind: status == "sent" ? now : nil) WHERE id = \(bind: item.id)
                    """).run()
            }
        } catch {
            // The claim's lease runs out and the mail is tried again: sent twice at worst, never lost.
            app.logger.error("outbox: could not record a delivery", metadata: ["outbox-id": "\(item.id)", "error": "\(error)"])
        }
    }
}
