import Foundation
import RaayaCore
import SQLKit
import Vapor

/// One chat visitor's websocket (`/chat/ws`): says hello with the visitor's token (or gets one), sends
/// messages that become the conversation's ticket, and hears the agents' public replies and typing live.
actor ChatVisitorConnection: LiveConnection {
    private let socket: WebSocket
    private let services: RaayaServices
    private let database: any SQLDatabase
    private let logger: Logger
    private var visitor: ChatVisitorToken?
    private var language: String?
    private var ticketID: Int?
    private var availability: ChatAvailability?
    /// Messages being stored right now. The feed can report a message's events before its intake returns the
    /// ticket (the actor takes deliveries while `message` waits), so events wait here meanwhile: the visitor
    /// then sees the acknowledgement before the echo of the same message.
    private var arriving = 0
    private var heldBack: [LiveEvent] = []

    init(socket: WebSocket, request: Request) throws {
        self.socket = socket
        self.services = request.raaya
        self.database = try request.db.sqlDatabase()
        self.logger = request.logger
    }

    func handle(_ text: String) async {
        guard let frame = try? JSON.decoder.decode(ChatFrame.Incoming.self, from: Data(text.utf8)) else {
            await refuse(nil, field: "type", "is not a frame this chat understands (hello, message, typing, ping)")
            return
        }
        do {
            switch frame.type {
            case .hello: try await hello(frame)
            case .message: try await message(frame)
            case .typing:
                guard let ticketID, visitor != nil else { return }
                await services.live.send(LiveSignal(kind: .typing, ticketID: ticketID, from: .visitor, active: frame.active ?? false))
            case .ping: await send(ChatFrame.Pong())
            case .watch: await refuse(frame.clientID, field: "type", "watching tickets is for agents")
            }
        } catch let error as DomainError {
            let problem = Problem(error)
            await refuse(frame.clientID, field: problem.field, problem.detail)
        } catch {
            logger.error("chat frame failed", metadata: ["error": "\(String(reflecting: error))"])
            await refuse(frame.clientID, field: nil, "the message could not be stored; please send it again")
        }
    }

    private func hello(_ frame: ChatFrame.Incoming) async throws {
        let token = frame.token.flatMap { ChatVisitorToken.verify($0, with: services.secretKey) } ?? .new()
        visitor = token
        var validation = Validation()
        language = validation.language(frame.language, field: "language")
        let conversation = try await ChatConversation.current(of: token, on: database)
        // A closed conversation is over: the widget starts afresh (the ticket stays for the agents).
        let live = conversation.flatMap { $0.status == .closed ? nil : $0 }
        ticketID = live?.ticketID
        let availability = try await services.chat.availability(on: database)
        self.availability = availability
        await send(
            ChatFrame.Welcome(
                token: token.signed(with: services.secretKey), available: availability.available, reason: availability.reason,
                nextOpen: availability.nextOpen, ticketID: ticketID, messages: try await live?.transcript(on: database) ?? []))
    }

    private func message(_ frame: ChatFrame.Incoming) async throws {
        guard let visitor else { throw DomainError.invalid("type", "send hello first") }
        var validation = Validation()
        let text = validation.requiredText(frame.text, field: "text", maxCharacters: ChatArrival.textCharacters)
        let name = validation.optionalText(frame.name, field: "name", maxCharacters: Limits.nameCharacters)
        let email = validation.email(frame.email, field: "email")
        try validation.check()
        let availability = try await services.chat.availability(on: database)
        if availability.reason == .disabled { throw DomainError.invalid("type", "chat is switched off") }
        if !availability.available && email == nil {
            let known = try await ChatConversation.current(of: visitor, on: database)
            if !(known?.byEmail ?? false) {
                throw DomainError.invalid("email", "is required: nobody can answer right now, so the answer comes by email")
            }
        }
        arriving += 1
        let received: ChatIntake.Received
        do {
            received = try await ChatIntake.receive(
                ChatArrival(
                    visitor: visitor, text: text, name: name, email: email, language: language, byEmail: !availability.available),
                groupID: availability.settings.groupID, writer: services.writer, now: services.clock.now())
        } catch {
            await arrived()
            throw error
        }
        ticketID = received.ticketID
        await send(ChatFrame.Ack(clientID: frame.clientID, id: received.messageID, ticketID: received.ticketID, at: received.createdAt))
        await arrived()
        // The message is stored and acknowledged; the bot's answer (if any) follows like any other message.
        do {
            try await ChatBot.respond(to: text, ticketID: received.ticketID, language: language, services: services, on: database)
        } catch {
            logger.error("the chat bot could not answer", metadata: ["ticket": "\(received.ticketID)", "error": "\(String(reflecting: error))"])
        }
    }

    /// One intake finished: once none is left, the held-back events of the conversation's ticket go out.
    private func arrived() async {
        arriving -= 1
        guard arriving == 0 else { return }
        let held = heldBack
        heldBack = []
        for event in held { await show(event) }
    }

    func deliver(_ update: LiveUpdate) async {
        switch update {
        case .event(let event):
            if arriving > 0 {
                // Only shown messages matter; the cap bounds what a busy desk can pile up during one store.
                if let message = event.message, !message.isInternal, heldBack.count < LiveSocket.maxHeldEvents {
                    heldBack.append(event)
                }
            } else {
                await show(event)
            }
        case .signal(let signal):
            switch signal.kind {
            case .typing:
                guard signal.from == .agent, signal.ticketID == ticketID, ticketID != nil else { return }
                await send(ChatFrame.Typing(ticketID: nil, active: signal.active ?? false, name: signal.name))
            case .presence:
                await tick()
            case .viewing:
                return
            }
        }
    }

    private func show(_ event: LiveEvent) async {
        guard event.ticketID == ticketID, let message = event.message, !message.isInternal else { return }
        await send(
                ChatFrame.Message(
                    id: message.id, author: message.author, name: message.author == .agent ? message.authorName : nil,
                    text: message.body, at: message.createdAt))
    }

    /// Tells the widget when chat opens or closes (hours, agents coming and going).
    func tick() async {
        guard visitor != nil, let now = try? await services.chat.availability(on: database), now != availability else { return }
        availability = now
        await send(ChatFrame.Availability(now))
    }

    func start() async throws {}

    func finish() async {}

    private func refuse(_ clientID: String?, field: String?, _ detail: String) async {
        await send(ChatFrame.Refusal(clientID: clientID, field: field, detail: detail))
    }

    private func send(_ frame: some Encodable & Sendable) async {
        await LiveSocket.send(frame, on: socket)
    }
}
