import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// One agent's chat websocket (`/api/v1/chat/agents/ws`): while it is open the agent counts as online for
/// chat, hears of new chats and their messages live (only chats the agent may see), and can show the visitor
/// that they are typing. Replies go through the API (`POST /api/v1/tickets/{id}/messages`) like any other.
actor ChatAgentConnection: LiveConnection {
    private let socket: WebSocket
    private let services: RaayaServices
    private let fluent: any Database
    private let database: any SQLDatabase
    private let principal: Principal
    private let connectionID = UUID().uuidString.lowercased()
    private var name = ""
    /// Chats this connection has told the agent about: typing is passed on for these only.
    private var known: Set<Int> = []
    private var lastRefresh = ContinuousClock.now

    init(socket: WebSocket, request: Request, principal: Principal) throws {
        self.socket = socket
        self.services = request.raaya
        self.fluent = request.db
        self.database = try request.db.sqlDatabase()
        self.principal = principal
    }

    /// Marks the agent online and sends the chats waiting for an answer.
    func start() async throws {
        let now = services.clock.now()
        name = try await database.raw("SELECT name FROM users WHERE id = \(bind: principal.userID)").first()?
            .decode(column: "name", as: String.self) ?? ""
        let (connectionID, userID) = (self.connectionID, principal.userID)
        try await services.writer.write { database in
            try await database.sqlDatabase().insertRow(
                into: "chat_agents", ["connection_id": connectionID, "user_id": userID, "seen_at": now])
        }
        await presenceChanged()
        let settings = try await ChatSettings.load(on: database)
        let waiting = try await TicketQueries(database: fluent, visibility: principal.visibility)
            .waitingChats(now: now, alertAfter: settings.waitAlertSeconds)
        known.formUnion(waiting.map(\.ticketID))
        await send(ChatFrame.AgentHello(waitAlertSeconds: settings.waitAlertSeconds, waiting: waiting))
    }

    func handle(_ text: String) async {
        guard let frame = try? JSON.decoder.decode(ChatFrame.Incoming.self, from: Data(text.utf8)) else {
            await send(ChatFrame.Refusal(clientID: nil, field: "type", detail: "type must be typing or ping"))
            return
        }
        switch frame.type {
        case .typing:
            guard let ticketID = frame.ticketID, await isVisibleChat(ticketID) else {
                await send(ChatFrame.Refusal(clientID: frame.clientID, field: "ticket_id", detail: "ticket_id names no chat of yours"))
                return
            }
            await services.live.send(
                LiveSignal(kind: .typing, ticketID: ticketID, from: .agent, active: frame.active ?? false, name: name, userID: principal.userID))
        case .ping:
            await send(ChatFrame.Pong())
        case .hello, .message:
            await send(ChatFrame.Refusal(clientID: frame.clientID, field: "type", detail: "agents reply with POST /api/v1/tickets/{id}/messages"))
        }
    }

    func deliver(_ update: LiveUpdate) async {
        switch update {
        case .event(let event):
            guard event.channel == .chat, principal.visibility.canSee(groupID: event.groupID, assigneeID: event.assigneeID) else {
                return
            }
            known.insert(event.ticketID)
            switch event.kind {
            case .created, .messageAdded:
                if event.kind == .created {
                    await send(ChatFrame.ChatChange(type: "chat_opened", ticketID: event.ticketID, status: event.status))
                }
                guard let message = event.message else { return }
                await send(
                    ChatFrame.AgentMessage(
                        ticketID: event.ticketID, id: message.id,
                        from: message.author == .customer ? "visitor" : message.author.rawValue, name: message.authorName,
                        text: message.body, isInternal: message.isInternal, at: message.createdAt))
            case .statusChanged:
                await send(ChatFrame.ChatChange(type: "status", ticketID: event.ticketID, status: event.status))
            default:
                return
            }
        case .signal(let signal):
            guard signal.kind == .typing, signal.from == .visitor, let ticketID = signal.ticketID, known.contains(ticketID) else {
                return
            }
            await send(ChatFrame.Typing(ticketID: ticketID, active: signal.active ?? false, name: nil))
        }
    }

    private func isVisibleChat(_ ticketID: Int) async -> Bool {
        if known.contains(ticketID) { return true }
        guard
            let row = try? await database.raw(
                "SELECT channel, group_id, assignee_id FROM tickets WHERE id = \(bind: ticketID)"
            ).first(),
            (try? row.decodeRaw(column: "channel", as: Channel.self)) == .chat,
            principal.visibility.canSee(
                groupID: try? row.decodeOptional(column: "group_id", as: Int.self),
                assigneeID: try? row.decodeOptional(column: "assignee_id", as: Int.self))
        else { return false }
        known.insert(ticketID)
        return true
    }

    /// Keeps the agent counted as online.
    func tick() async {
        let (connectionID, now) = (self.connectionID, services.clock.now())
        _ = try? await services.writer.write { database in
            try await database.sqlDatabase().raw(
                "UPDATE chat_agents SET seen_at = \(bind: now) WHERE connection_id = \(bind: connectionID)"
            ).run()
        }
    }

    func finish() async {
        // When the server stops, the database goes with it; the row expires by itself.
        guard await !services.live.isStopped else { return }
        let connectionID = self.connectionID
        _ = try? await services.writer.write { database in
            try await database.sqlDatabase().raw("DELETE FROM chat_agents WHERE connection_id = \(bind: connectionID)").run()
        }
        await presenceChanged()
    }

    private func presenceChanged() async {
        await services.chat.forget()
        await services.live.send(LiveSignal(kind: .presence))
    }

    private func send(_ frame: some Encodable & Sendable) async {
        await LiveSocket.send(frame, on: socket)
    }
}
