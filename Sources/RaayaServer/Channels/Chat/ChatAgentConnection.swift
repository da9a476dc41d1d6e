import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// One agent's live websocket (`/api/v1/chat/agents/ws`): while it is open the agent counts as online for
/// chat, hears of new chats and their messages live (only chats the agent may see), and can show the visitor
/// that they are typing. Replies go through the API (`POST /api/v1/tickets/{id}/messages`) like any other.
///
/// A ticket's page also `watch`es its ticket (any channel): the connection then hears of every change to it,
/// and who else has it open or is typing in it (the collision warning).
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
    /// The ticket whose page this connection shows, and the others there.
    private var watching: Int?
    private var viewers = TicketViewers(timeout: .seconds(ChatDesk.presenceTimeout))
    private var shownViewers: [TicketViewers.Viewer] = []

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
            guard let ticketID = frame.ticketID, await isVisible(ticketID) else {
                await send(ChatFrame.Refusal(clientID: frame.clientID, field: "ticket_id", detail: "ticket_id names no ticket of yours"))
                return
            }
            await services.live.send(
                LiveSignal(
                    kind: .typing, ticketID: ticketID, from: .agent, active: frame.active ?? false, name: name,
                    userID: principal.userID, connection: connectionID))
        case .watch:
            if let ticketID = frame.ticketID, await !isVisible(ticketID) {
                await send(ChatFrame.Refusal(clientID: frame.clientID, field: "ticket_id", detail: "ticket_id names no ticket of yours"))
                return
            }
            await watch(frame.ticketID)
        case .ping:
            await send(ChatFrame.Pong())
        case .hello, .message:
            await send(ChatFrame.Refusal(clientID: frame.clientID, field: "type", detail: "agents reply with POST /api/v1/tickets/{id}/messages"))
        }
    }

    func deliver(_ update: LiveUpdate) async {
        switch update {
        case .event(let event):
            guard principal.visibility.canSee(groupID: event.groupID, assigneeID: event.assigneeID) else { return }
            if event.ticketID == watching {
                await send(ChatFrame.TicketChanged(ticketID: event.ticketID, kind: event.kind))
            }
            guard event.channel == .chat else { return }
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
            switch (signal.kind, signal.from) {
            case (.typing, .visitor):
                guard let ticketID = signal.ticketID, known.contains(ticketID) else { return }
                await send(ChatFrame.Typing(ticketID: ticketID, active: signal.active ?? false, name: nil))
            case (.typing, .agent), (.viewing, _):
                await heard(signal)
            default:
                return
            }
        }
    }

    /// Whether the agent may see the ticket (tickets they were told about are known to be visible).
    private func isVisible(_ ticketID: Int) async -> Bool {
        if known.contains(ticketID) { return true }
        guard
            let row = try? await database.raw("SELECT group_id, assignee_id FROM tickets WHERE id = \(bind: ticketID)").first()
        else { return false }
        return principal.visibility.canSee(
            groupID: try? row.decodeOptional(column: "group_id", as: Int.self),
            assigneeID: try? row.decodeOptional(column: "assignee_id", as: Int.self))
    }

    /// Opens a ticket's page (or closes it with nil): the others on the old page hear this one left, those on
    /// the new one that it came and are asked to say they are there.
    private func watch(_ ticketID: Int?) async {
        guard ticketID != watching else { return }
        if let old = watching { await announce(old, active: false) }
        watching = ticketID
        viewers.removeAll()
        shownViewers = []
        if let ticketID {
            await announce(ticketID, active: true, askOthers: true)
            await send(ChatFrame.Viewers(ticketID: ticketID, viewers: []))
        }
    }

    private func announce(_ ticketID: Int, active: Bool, askOthers: Bool = false) async {
        await services.live.send(
            LiveSignal(
                kind: .viewing, ticketID: ticketID, active: active, name: name, userID: principal.userID,
                connection: connectionID, announce: askOthers))
    }

    /// Another connection's viewing or typing on the watched ticket; the same person's other tabs do not count.
    private func heard(_ signal: LiveSignal) async {
        guard let ticketID = watching, signal.ticketID == ticketID, let connection = signal.connection,
            connection != connectionID, let userID = signal.userID, userID != principal.userID
        else { return }
        let now = ContinuousClock.now
        let name = signal.name ?? ""
        switch signal.kind {
        case .typing:
            viewers.typing(connection: connection, userID: userID, name: name, active: signal.active ?? false, at: now)
        case .viewing where signal.active == true:
            viewers.viewing(connection: connection, userID: userID, name: name, at: now)
            if signal.announce == true { await announce(ticketID, active: true) }
        default:
            viewers.left(connection: connection)
        }
        await showViewers()
    }

    /// Tells the page who else is there, when that changed.
    private func showViewers() async {
        guard let ticketID = watching else { return }
        let current = viewers.current(at: .now)
        guard current != shownViewers else { return }
        shownViewers = current
        await send(
            ChatFrame.Viewers(
                ticketID: ticketID,
                viewers: current.map { ChatFrame.Viewers.Viewer(userID: $0.userID, name: $0.name, typing: $0.typing) }))
    }

    /// Keeps the agent counted as online, and on the page of the ticket it watches.
    func tick() async {
        if let watching {
            await announce(watching, active: true)
            await showViewers()
        }
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
        if let watching { await announce(watching, active: false) }
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
