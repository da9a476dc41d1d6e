import Fluent
import Foundation
import Logging
import NIOCore
import PostgresNIO
import RaayaCore
import SQLKit

/// A new message as the live parts of Raaya show it.
struct LiveMessage: Sendable {
    let id: Int
    let author: AuthorKind
    /// The agent's name for an agent's message.
    let authorName: String?
    let body: String
    let isInternal: Bool
    let createdAt: Date
}

/// A stored ticket event, with where the ticket stands now (for access checks) and, for `message_added`, the
/// message.
struct LiveEvent: Sendable {
    let id: Int
    let ticketID: Int
    let kind: TicketEventKind
    let data: [String: String]
    let channel: Channel
    let groupID: Int?
    let assigneeID: Int?
    let status: TicketStatus
    let message: LiveMessage?
}

/// What passes between connections without being stored: who is typing, and that agents came or went.
struct LiveSignal: Codable, Sendable {
    enum Kind: String, Codable, Sendable {
        case typing
        /// An agent connected or disconnected: chat availability may have changed.
        case presence
        /// An agent opened (`active`) or left a ticket's page; `announce` asks the others there to say so too.
        case viewing
    }

    enum Party: String, Codable, Sendable {
        case visitor, agent
    }

    var kind: Kind
    var ticketID: Int?
    var from: Party?
    var active: Bool?
    var name: String?
    var userID: Int?
    /// The connection that sent it, so it can ignore its own.
    var connection: String?
    var announce: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, from, active, name, connection, announce
        case ticketID = "ticket_id"
        case userID = "user_id"
    }
}

enum LiveUpdate: Sendable {
    case event(LiveEvent)
    case signal(LiveSignal)
}

/// Tells every live connection (chat visitors, agents) what happened, in the order it was stored.
///
/// The events table is the source: after each commit the feed reads the events it has not delivered yet, so
/// nothing stored is missed and nothing unstored is shown. On SQLite the write queue pokes the feed after each
/// commit; on PostgreSQL each write transaction sends `NOTIFY raaya_live` (delivered on commit, to every
/// instance), so connections on any instance hear of writes made on any other. Signals that are not stored
/// (typing) travel the same way: straight to local subscribers on SQLite, by `NOTIFY` on PostgreSQL.
actor LiveFeed {
    static let channel = "raaya_live"
    /// The payload of the notice a write transaction sends; a signal's payload is its JSON.
    static let committedNotice = "events"

    private let database: any Database
    private let postgres: PostgresConnection.Configuration?
    private let eventLoop: any EventLoop
    private let logger: Logger
    private var subscribers: [UUID: AsyncStream<LiveUpdate>.Continuation] = [:]
    private var watermark: EventWatermark?
    private var reading = false
    private var readAgain = false
    private var background: [Task<Void, Never>] = []
    /// Stopped with the server: connections that end then have nobody left to tell.
    private(set) var isStopped = false

    init(database: any Database, postgres: PostgresConnection.Configuration?, eventLoop: any EventLoop, logger: Logger) {
        self.database = database
        self.postgres = postgres
        self.eventLoop = eventLoop
        self.logger = logger
    }

    private var started = false

    /// Lets the feed run once the server has booted. Listening (PostgreSQL) and the once-a-second read that
    /// catches any notice that went missing begin with the first subscriber: an instance nobody watches live
    /// holds no extra database connection.
    func start() {
        started = true
        if !subscribers.isEmpty { runInBackground() }
    }

    private func runInBackground() {
        guard started, !isStopped, background.isEmpty else { return }
        if let postgres {
            background.append(Task { await self.listen(postgres) })
        }
        background.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                self.committed()
            }
        })
    }

    func stop() {
        isStopped = true
        for task in background { task.cancel() }
        background = []
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// Every update from now on, until `unsubscribe`.
    func subscribe() async -> (id: UUID, updates: AsyncStream<LiveUpdate>) {
        if watermark == nil {
            watermark = EventWatermark(after: (try? await latestEventID()) ?? 0)
        }
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: LiveUpdate.self, bufferingPolicy: .bufferingNewest(2_000))
        subscribers[id] = continuation
        runInBackground()
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
        if subscribers.isEmpty { watermark = nil }
    }

    /// Something was committed: read what is new (at most one read at a time; pokes during a read cause one more).
    nonisolated func poke() {
        Task { await self.committed() }
    }

    /// Sends a signal to every connection, on every instance.
    func send(_ signal: LiveSignal) async {
        guard !isStopped else { return }
        guard postgres != nil else {
            deliver(.signal(signal))
            return
        }
        do {
            let payload = String(decoding: try JSON.encoder.encode(signal), as: UTF8.self)
            try await database.sqlDatabase().raw("SELECT pg_notify(\(bind: Self.channel), \(bind: payload))").run()
        } catch {
            logger.warning("could not send a live signal", metadata: ["error": "\(error)"])
        }
    }

    private func committed() {
        guard watermark != nil else { return }
        if reading {
            readAgain = true
            return
        }
        reading = true
        Task {
            repeat {
                readAgain = false
                do {
                    try await readNewEvents()
                } catch where !isStopped {
                    logger.warning("live feed could not read new events", metadata: ["error": "\(error)"])
                } catch {}
            } while readAgain
            reading = false
        }
    }

    private func deliver(_ update: LiveUpdate) {
        for continuation in subscribers.values { continuation.yield(update) }
    }

    private func latestEventID() async throws -> Int {
        try await database.sqlDatabase().raw("SELECT MAX(id) AS id FROM ticket_events").first()?
            .decodeOptional(column: "id", as: Int.self) ?? 0
    }

    private func readNewEvents() async throws {
        let sql = try database.sqlDatabase()
        while let floor = watermark?.floor {
            let rows = try await sql.raw("""
                SELECT e.id, e.ticket_id, e.kind, e.data, t.channel, t.group_id, t.assignee_id, t.status \
                FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id \
                WHERE e.id > \(bind: floor) ORDER BY e.id LIMIT 500
                """).all()
            let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
            guard let fresh = watermark?.accept(ids, now: .now) else { return }
            let wanted = Set(fresh)
            let events = try rows.filter { wanted.contains(try $0.decode(column: "id", as: Int.self)) }
            var messageIDs: [Int] = []
            var opened: [Int] = []
            for row in events {
                switch try row.decode(column: "kind", as: String.self) {
                case TicketEventKind.messageAdded.rawValue:
                    if let id = Self.details(row)["message_id"].flatMap({ Int($0) }) { messageIDs.append(id) }
                case TicketEventKind.created.rawValue:
                    opened.append(try row.decode(column: "ticket_id", as: Int.self))
                default:
                    break
                }
            }
            let messages = try await self.messages(ids: messageIDs, on: sql)
            let firstMessages = try await self.firstMessages(of: opened, on: sql)
            for row in events {
                guard let kind = TicketEventKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                let data = Self.details(row)
                deliver(
                    .event(
                        LiveEvent(
                            id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
                            kind: kind, data: data, channel: try row.decodeRaw(column: "channel", as: Channel.self),
                            groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                            assigneeID: try row.decodeOptional(column: "assignee_id", as: Int.self),
                            status: try row.decodeRaw(column: "status", as: TicketStatus.self),
                            message: kind == .messageAdded
                                ? data["message_id"].flatMap { Int($0) }.flatMap { messages[$0] }
                                : kind == .created ? firstMessages[try row.decode(column: "ticket_id", as: Int.self)] : nil)))
            }
            if rows.count < 500 { return }
        }
    }

    private static func details(_ row: any SQLRow) -> [String: String] {
        guard let text = try? row.decode(column: "data", as: String.self) else { return [:] }
        return TicketEvent.details(text)
    }

    /// Messages by id.
    private func messages(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: LiveMessage] {
        guard !ids.isEmpty else { return [:] }
        return try await messages(where: "m.id IN (\(TicketReader.list(ids)))", on: sql, key: "id")
    }

    /// The message each new ticket opened with, by ticket: creating a ticket records no `message_added`.
    private func firstMessages(of ticketIDs: [Int], on sql: any SQLDatabase) async throws -> [Int: LiveMessage] {
        guard !ticketIDs.isEmpty else { return [:] }
        return try await messages(
            where: """
                m.id IN (SELECT MIN(f.id) FROM messages f WHERE f.ticket_id IN (\(TicketReader.list(ticketIDs))) \
                GROUP BY f.ticket_id)
                """, on: sql, key: "ticket_id")
    }

    private func messages(where condition: SQLQueryString, on sql: any SQLDatabase, key: String) async throws
        -> [Int: LiveMessage]
    {
        let rows = try await sql.raw("""
            SELECT m.id, m.ticket_id, m.author_kind, m.body, m.internal, m.created_at, u.name AS agent_name \
            FROM messages m LEFT JOIN users u ON u.id = m.author_user_id WHERE \(condition)
            """).all()
        var messages: [Int: LiveMessage] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            messages[try row.decode(column: key, as: Int.self)] = LiveMessage(
                id: id, author: try row.decodeRaw(column: "author_kind", as: AuthorKind.self),
                authorName: try row.decodeOptional(column: "agent_name", as: String.self),
                body: try row.decode(column: "body", as: String.self), isInternal: try row.decode(column: "internal", as: Bool.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
        return messages
    }

    /// Holds a connection that listens for `raaya_live`, and opens it again when it breaks.
    private func listen(_ configuration: PostgresConnection.Configuration) async {
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: eventLoop, configuration: configuration, id: 0, logger: logger
                ).get()
                defer { Task { try? await connection.close() } }
                try await connection.listen(on: Self.channel) { notifications in
                    // Writes made while the connection was down are read now.
                    self.committed()
                    for try await notification in notifications {
                        self.received(notification.payload)
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("live feed lost its LISTEN connection; retrying", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    private func received(_ payload: String) {
        if payload == Self.committedNotice {
            committed()
        } else if let signal = try? JSON.decoder.decode(LiveSignal.self, from: Data(payload.utf8)) {
            deliver(.signal(signal))
        }
    }
}
