import Logging
import Vapor
import NIOCore
import NIOPosix
import RaayaCore
import RaayaMail

/// What the SMTP listener asks of Raaya: whether an address is one of its mailboxes, and to store a message.
struct SMTPDelivery: Sendable {
    let acceptsRecipient: @Sendable (String) async -> Bool
    let deliver: @Sendable (SMTPEnvelope) async -> SMTPServerSession.DeliveryResult
}

/// Accepts mail for Raaya's mailboxes over SMTP (SwiftNIO). `SMTPServerSession` holds the conversation; this
/// carries its bytes and asks the application. A message is answered 250 only after `MailIntake` stored it.
final class SMTPListener: Sendable {
    let port: Int
    private let channel: any NIOCore.Channel

    private init(channel: any NIOCore.Channel, port: Int) {
        self.channel = channel
        self.port = port
    }

    /// Listens on `host:port` (port 0 picks a free one; see `port`).
    static func start(
        host: String, port: Int, hostname: String, group: any EventLoopGroup, delivery: SMTPDelivery, logger: Logger
    ) async throws -> SMTPListener {
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(readTimeout: .minutes(5)),
                        SMTPConnectionHandler(
                            session: SMTPServerSession(hostname: hostname, maxMessageSize: Limits.mailBytes),
                            delivery: delivery, logger: logger),
                    ])
                }
            }
            .bind(host: host, port: port).get()
        let bound = channel.localAddress?.port ?? port
        logger.notice("SMTP listening on \(host):\(bound) for Raaya's mailboxes")
        return SMTPListener(channel: channel, port: bound)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// One SMTP connection: feeds what it reads to the session and carries out the session's actions in order.
private final class SMTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var session: SMTPServerSession
    private let delivery: SMTPDelivery
    private let logger: Logger

    init(session: SMTPServerSession, delivery: SMTPDelivery, logger: Logger) {
        self.session = session
        self.delivery = delivery
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        write(session.greeting(), context: context)
        context.flush()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = Self.unwrapInboundIn(data)
        let actions = buffer.withUnsafeReadableBytes { session.receive($0) }
        perform(actions, context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            write(SMTPReply(code: 421, enhancedStatus: "4.4.2", "idle too long, closing"), context: context)
            closeAfterWrites(context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("SMTP connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    private func perform(_ actions: [SMTPServerAction], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .reply(let reply):
                write(reply, context: context)
            case .checkRecipient(let address):
                let acceptsRecipient = delivery.acceptsRecipient
                answerLater(context: context, { await acceptsRecipient(address) }) { handler, accepted in
                    handler.session.recipientChecked(accepted: accepted)
                }
            case .deliver(let envelope):
                let deliver = delivery.deliver
                answerLater(context: context, { await deliver(envelope) }) { handler, result in
                    handler.session.deliveryFinished(result)
                }
            case .close:
                closeAfterWrites(context: context)
                return
            }
        }
        context.flush()
    }

    /// Asks the application off the event loop, then gives the answer to the session back on it.
    private func answerLater<T: Sendable>(
        context: ChannelHandlerContext, _ ask: @escaping @Sendable () async -> T,
        then resume: @escaping (SMTPConnectionHandler, T) -> [SMTPServerAction]
    ) {
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context, resume), eventLoop: loop)
        loop.makeFutureWithTask(ask).whenSuccess { answer in
            let (handler, context, resume) = bound.value
            guard context.channel.isActive else { return }
            handler.perform(resume(handler, answer), context: context)
        }
    }

    private func closeAfterWrites(context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer())).whenComplete { _ in channel.close(promise: nil) }
    }

    private func write(_ reply: SMTPReply, context: ChannelHandlerContext) {
        context.write(Self.wrapOutboundOut(ByteBuffer(bytes: reply.bytes)), promise: nil)
    }
}

extension SMTPDelivery {
    /// Recipients are Raaya's mailboxes; messages go through `MailIntake`. A failure to store is temporary
    /// (451: the sender keeps the message and tries again), so nothing acknowledged is lost.
    static func storing(in app: Application) -> SMTPDelivery {
        let writer = app.raaya.writer
        let clock = app.raaya.clock
        let files = app.raaya.files
        let logger = app.logger
        let database = app.db
        let services = app.raaya
        return SMTPDelivery(
            acceptsRecipient: { address in
                do {
                    return try await MailIntake.mailbox(for: [address], on: database.sqlDatabase()) != nil
                } catch {
                    logger.error("SMTP: could not look up a mailbox", metadata: ["error": "\(error)"])
                    return false
                }
            },
            deliver: { envelope in
                do {
                    let outcome = try await MailIntake(
                        writer: writer, clock: clock, files: files, logger: logger,
                        suggester: ArticleSuggester(services, sql: try database.sqlDatabase())
                    ).receive(envelope.data, recipients: envelope.recipients)
                    return .queued(id: outcome.ticketID.map { "ticket-\($0)" } ?? "kept")
                } catch let error as DomainError {
                    return .permanentFailure("\(error)")
                } catch {
                    logger.error("SMTP: could not store a message; the sender will retry", metadata: ["error": "\(error)"])
                    return .temporaryFailure("could not store the message, try again later")
                }
            })
    }
}
