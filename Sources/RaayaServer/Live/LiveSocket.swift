import Foundation
import Vapor

/// One websocket of the live parts (a chat visitor, an agent): its frames, the live feed's updates and a
/// periodic tick, each handled in order by the connection.
protocol LiveConnection: Actor {
    /// Runs once the feed's updates are being collected, before the first frame is handled.
    func start() async throws
    func handle(_ text: String) async
    func deliver(_ update: LiveUpdate) async
    /// Runs every `tickInterval` while the socket is open.
    func tick() async
    /// Runs once the socket has closed.
    func finish() async
}

enum LiveSocket {
    /// A client that sends faster than this many frames ahead of their handling is disconnected.
    static let maxQueuedFrames = 64
    /// A connection that holds updates back while it waits on a write keeps at most this many.
    static let maxHeldEvents = 2_000
    /// Frames carry at most a chat message (4,000 characters) and its JSON.
    static let maxFrameSize: WebSocketMaxFrameSize = .init(integerLiteral: 64 * 1024)

    /// Accepts a websocket: its frames are queued from the first one on (the handler is installed on the socket's
    /// event loop during the upgrade, before any frame can arrive), then `connect` makes the connection and it is
    /// served until the socket closes.
    static func accept(
        _ request: Request, tickInterval: Duration,
        connect: @escaping @Sendable (Request, WebSocket) throws -> any LiveConnection
    ) -> Response {
        request.webSocket(
            maxFrameSize: maxFrameSize, shouldUpgrade: { $0.eventLoop.makeSucceededFuture([:]) },
            onUpgrade: { request, socket in
                let (frames, incoming) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(maxQueuedFrames))
                socket.onText { socket, text in
                    if case .dropped = incoming.yield(text) {
                        socket.close(code: .policyViolation, promise: nil)
                    }
                }
                socket.onClose.whenComplete { _ in incoming.finish() }
                Task {
                    do {
                        let connection = try connect(request, socket)
                        try await serve(connection, frames: frames, socket: socket, live: request.raaya.live, tickInterval: tickInterval)
                    } catch {
                        request.logger.error("live connection failed", metadata: ["error": "\(String(reflecting: error))"])
                        try? await socket.close(code: .unexpectedServerError)
                    }
                }
            })
    }

    private static func serve(
        _ connection: any LiveConnection, frames: AsyncStream<String>, socket: WebSocket, live: LiveFeed,
        tickInterval: Duration
    ) async throws {
        let (subscription, updates) = await live.subscribe()
        do {
            try await connection.start()
        } catch {
            await live.unsubscribe(subscription)
            await connection.finish()
            throw error
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in frames { await connection.handle(text) }
            }
            group.addTask {
                for await update in updates { await connection.deliver(update) }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: tickInterval)
                    if Task.isCancelled { return }
                    await connection.tick()
                }
            }
            // The frames end when the socket closes; then the rest stops too.
            await group.next()
            group.cancelAll()
        }
        await live.unsubscribe(subscription)
        if !socket.isClosed { try? await socket.close(code: .goingAway) }
        await connection.finish()
    }

    /// Sends one frame as JSON; a socket that closed meanwhile is not an error.
    static func send(_ frame: some Encodable & Sendable, on socket: WebSocket) async {
        guard let data = try? JSON.encoder.encode(frame) else { return }
        try? await socket.send(String(decoding: data, as: UTF8.self))
    }
}
