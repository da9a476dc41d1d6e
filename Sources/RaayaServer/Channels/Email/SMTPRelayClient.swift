import Logging
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import RaayaMail

/// Hands one message to the SMTP relay (SwiftNIO); `SMTPClientSession` holds the conversation: EHLO, STARTTLS
/// when offered, AUTH when credentials are set, MAIL, RCPT, DATA. A relay whose certificate does not verify
/// against the system's roots (or `RAAYA_SMTP_RELAY_CA`'s) is refused before any password is sent.
enum SMTPRelayClient {
    static func send(
        _ message: [UInt8], from: String, to recipients: [String], via relay: Configuration.SMTPRelay, hostname: String,
        group: any EventLoopGroup
    ) async -> SMTPClientResult {
        let credentials = relay.user.map { SMTPCredentials(user: $0, password: relay.password ?? "") }
        let session = SMTPClientSession(
            hostname: hostname, mailFrom: from, recipients: recipients, message: message, credentials: credentials,
            tlsAvailable: true, requireTLS: false)
        let loop = group.next()
        let result = loop.makePromise(of: SMTPClientResult.self)
        do {
            _ = try await ClientBootstrap(group: loop)
                .connectTimeout(.seconds(30))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            IdleStateHandler(readTimeout: .minutes(5)),
                            SMTPRelayHandler(session: session, relay: relay, result: result),
                        ])
                    }
                }
                .connect(host: relay.host, port: relay.port).get()
        } catch {
            let failure = SMTPClientResult.failed(
                permanent: false, reason: "cannot connect to \(relay.host):\(relay.port): \(error)")
            result.succeed(failure)
            return failure
        }
        return (try? await result.futureResult.get()) ?? .failed(permanent: false, reason: "connection failed")
    }
}

private final class SMTPRelayHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var session: SMTPClientSession
    private let relay: Configuration.SMTPRelay
    private let result: EventLoopPromise<SMTPClientResult>
    private var finished = false

    init(session: SMTPClientSession, relay: Configuration.SMTPRelay, result: EventLoopPromise<SMTPClientResult>) {
        self.session = session
        self.relay = relay
        self.result = result
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = Self.unwrapInboundIn(data)
        perform(session.receive(Array(buffer.readableBytesView)), context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            perform(session.tlsStarted(), context: context)
        } else if event is IdleStateHandler.IdleStateEvent {
            perform(session.connectionLost("no answer from the relay for 5 minutes"), context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !finished { perform(session.connectionLost("the relay closed the connection"), context: context) }
        if !finished {
            finished = true
            result.succeed(.failed(permanent: false, reason: "the relay closed the connection"))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        perform(session.connectionLost("\(error)"), context: context)
        context.close(promise: nil)
    }

    private func perform(_ actions: [SMTPClientAction], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .send(let bytes):
                context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
            case .startTLS:
                do {
                    var configuration = TLSConfiguration.makeClientConfiguration()
                    if let trusted = relay.trustedCertificates {
                        configuration.trustRoots = .file(trusted)
                    }
                    let tls = try NIOSSLContext(configuration: configuration)
                    // A relay named by its IP address is checked against the trusted roots only: an address
                    // cannot be sent as the TLS server name.
                    let isAddress = (try? SocketAddress(ipAddress: relay.host, port: 0)) != nil
                    let handler = try NIOSSLClientHandler(context: tls, serverHostname: isAddress ? nil : relay.host)
                    try context.pipeline.syncOperations.addHandler(handler, position: .first)
                } catch {
                    perform(session.connectionLost("STARTTLS failed: \(error)"), context: context)
                }
            case .done(let outcome):
                guard !finished else { continue }
                finished = true
                result.succeed(outcome)
                let channel = context.channel
                context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer())).whenComplete { _ in
                    channel.close(promise: nil)
                }
            }
        }
    }
}
