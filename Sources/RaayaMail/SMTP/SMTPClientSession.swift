/// The sending side of one SMTP conversation (RFC 5321), handing one message to a relay, as a state machine
/// without I/O: the driver connects, passes in what the server sends and carries out the actions it gets back.
///
/// Commands go one at a time, each after the reply to the one before, which every server accepts; PIPELINING
/// would save round trips but is not needed for an outbox.
public struct SMTPClientSession: Sendable {
    enum Step {
        case greeting
        case ehlo
        case helo
        case startTLS
        case tlsHandshake
        case authPlain
        case authLoginUser
        case authLoginPassword
        case authLoginResult
        case mailFrom
        case recipient(Int)
        case data
        case content
        /// QUIT is sent; the result is known and is reported when the server answers or hangs up.
        case quit(SMTPClientResult)
        case finished
    }

    /// Reply lines are at most 512 octets (RFC 5321 §4.5.3.1.5); allow servers some slack.
    static let maxReplyLine = 4096

    let hostname: String
    let mailFrom: String
    let recipients: [String]
    let message: SMTPOutgoingMessage
    let credentials: SMTPCredentials?
    let tlsAvailable: Bool
    let requireTLS: Bool

    var step = Step.greeting
    var capabilities = SMTPServerCapabilities()
    var isTLS = false
    var input = SMTPLineSplitter(maxLineLength: maxReplyLine)
    var parser = SMTPReplyParser()
    var accepted: [String] = []
    var refused: [SMTPRefusedRecipient] = []

    /// - Parameters:
    ///   - hostname: this machine's name, for EHLO.
    ///   - message: the whole message, headers and body; line endings may be LF or CRLF.
    ///   - tlsAvailable: the driver can start TLS on this connection when the server offers STARTTLS.
    ///   - requireTLS: fail rather than send anything (credentials included) in the clear.
    public init(
        hostname: String, mailFrom: String, recipients: [String], message: [UInt8], credentials: SMTPCredentials?,
        tlsAvailable: Bool, requireTLS: Bool
    ) {
        self.hostname = hostname
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.message = SMTPOutgoingMessage(message)
        self.credentials = credentials
        self.tlsAvailable = tlsAvailable
        self.requireTLS = requireTLS
    }

    /// Whether the session has reported its result; nothing more will happen.
    public var isFinished: Bool {
        if case .finished = step { return true }
        return false
    }

    /// Takes bytes as read from the connection, in chunks of any size.
    public mutating func receive(_ bytes: [UInt8]) -> [SMTPClientAction] {
        input.append(bytes)
        var actions: [SMTPClientAction] = []
        while isReading {
            switch input.next() {
            case .needMore:
                return actions
            case .tooLong:
                actions += stop(reason: "the server sent a reply line over \(Self.maxReplyLine) bytes")
            case .line(let line):
                actions += receive(line: line)
            }
        }
        // Anything after the reply to STARTTLS came in the clear and could have been injected (CVE-2011-0411).
        input.clear()
        return actions
    }

    /// Takes one line the server sent, without its line end, for drivers that frame lines themselves.
    public mutating func receive(line: String) -> [SMTPClientAction] {
        guard isReading else { return [] }
        do {
            guard let reply = try parser.parse(line: line) else { return [] }
            return handle(reply)
        } catch {
            return stop(reason: "the server sent a malformed reply: \(line)")
        }
    }

    /// The TLS handshake asked for by `.startTLS` succeeded; the conversation starts over (RFC 3207 §4.2).
    public mutating func tlsStarted() -> [SMTPClientAction] {
        guard case .tlsHandshake = step else { return [] }
        isTLS = true
        capabilities = SMTPServerCapabilities()
        input.clear()
        parser = SMTPReplyParser()
        return sendHello("EHLO")
    }

    /// The connection ended or failed (closed by the server, timed out, TLS handshake failed).
    public mutating func connectionLost(_ reason: String) -> [SMTPClientAction] {
        switch step {
        case .finished:
            return []
        case .quit(let result):
            step = .finished
            return [.done(result)]
        default:
            step = .finished
            return [.done(.failed(permanent: false, reason: "connection lost: \(reason)"))]
        }
    }

    private var isReading: Bool {
        switch step {
        case .tlsHandshake, .finished: false
        default: true
        }
    }

    // MARK: - Replies

    private mutating func handle(_ reply: SMTPReply) -> [SMTPClientAction] {
        // 421: the server is closing the connection whatever was asked (RFC 5321 §3.8).
        if reply.code == 421, !isQuitting { return stop(reply, during: "the conversation") }
        switch step {
        case .greeting:
            return reply.code == 220 ? sendHello("EHLO") : fail(reply, during: "the greeting")
        case .ehlo:
            if reply.isPositive {
                capabilities = SMTPServerCapabilities(ehlo: reply)
                return afterHello()
            }
            // A server from before ESMTP: say HELO and use no extensions (RFC 5321 §3.2).
            return reply.isPermanentFailure ? sendHello("HELO") : fail(reply, during: "EHLO")
        case .helo:
            return reply.isPositive ? afterHello() : fail(reply, during: "HELO")
        case .startTLS:
            if reply.code == 220 {
                step = .tlsHandshake
                return [.startTLS]
            }
            return requireTLS ? fail(reply, during: "STARTTLS") : authenticateOrSend()
        case .authPlain, .authLoginResult:
            return reply.code == 235 ? sendMailFrom() : fail(reply, during: "authentication")
        case .authLoginUser:
            guard reply.code == 334, let credentials else { return fail(reply, during: "authentication") }
            step = .authLoginPassword
            return [send(SMTPBase64.encode(Array(credentials.user.utf8)))]
        case .authLoginPassword:
            guard reply.code == 334, let credentials else { return fail(reply, during: "authentication") }
            step = .authLoginResult
            return [send(SMTPBase64.encode(Array(credentials.password.utf8)))]
        case .mailFrom:
            return reply.isPositive ? sendRecipient(0) : fail(reply, during: "MAIL FROM")
        case .recipient(let index):
            if reply.isPositive {
                accepted.append(recipients[index])
            } else {
                refused.append(SMTPRefusedRecipient(address: recipients[index], reply: reply))
            }
            if index + 1 < recipients.count { return sendRecipient(index + 1) }
            guard !accepted.isEmpty else { return allRecipientsRefused() }
            step = .data
            return [send("DATA")]
        case .data:
            guard reply.code == 354 else { return fail(reply, during: "DATA") }
            step = .content
            return [.send(message.wire)]
        case .content:
            guard reply.isPositive else { return fail(reply, during: "the end of data") }
            return quit(with: .delivered(accepted: accepted, refused: refused, serverReply: reply.description))
        case .quit(let result):
            step = .finished
            return [.done(result)]
        case .tlsHandshake, .finished:
            return []
        }
    }

    private var isQuitting: Bool {
        if case .quit = step { return true }
        return false
    }

    // MARK: - Commands

    private mutating func sendHello(_ verb: String) -> [SMTPClientAction] {
        step = verb == "EHLO" ? .ehlo : .helo
        return [send("\(verb) \(hostname)")]
    }

    private mutating func afterHello() -> [SMTPClientAction] {
        if !isTLS && tlsAvailable && capabilities.offers("STARTTLS") {
            step = .startTLS
            return [send("STARTTLS")]
        }
        if requireTLS && !isTLS {
            let why = tlsAvailable ? "the server does not offer STARTTLS" : "this connection cannot start TLS"
            return give(up: "TLS is required but \(why)", permanent: false)
        }
        return authenticateOrSend()
    }

    private mutating func authenticateOrSend() -> [SMTPClientAction] {
        guard let credentials else { return sendMailFrom() }
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            // RFC 4616 §2: authorization identity (empty: the same as the user), user, password, NUL-separated.
            let response = [0] + Array(credentials.user.utf8) + [0] + Array(credentials.password.utf8)
            step = .authPlain
            return [send("AUTH PLAIN \(SMTPBase64.encode(response))")]
        }
        if mechanisms.contains("LOGIN") {
            step = .authLoginUser
            return [send("AUTH LOGIN")]
        }
        let reason =
            mechanisms.isEmpty
            ? "credentials are configured but the server offers no AUTH"
            : "the server offers no AUTH mechanism this client knows (offered: \(mechanisms.joined(separator: " ")))"
        return give(up: reason, permanent: false)
    }

    private mutating func sendMailFrom() -> [SMTPClientAction] {
        guard !recipients.isEmpty else { return give(up: "the message has no recipients", permanent: true) }
        let addressesNeedUTF8 = ([mailFrom] + recipients).contains { $0.utf8.contains { $0 >= 0x80 } }
        if addressesNeedUTF8 && !capabilities.offers("SMTPUTF8") {
            return give(up: "the addresses need SMTPUTF8, which the server does not offer", permanent: true)
        }
        if let maxSize = capabilities.maxSize, maxSize > 0, message.size > maxSize {
            return give(
                up: "the message (\(message.size) bytes) is over the server's limit of \(maxSize)", permanent: true)
        }
        var command = "MAIL FROM:<\(mailFrom)>"
        if capabilities.offers("SIZE") { command += " SIZE=\(message.size)" }
        if message.hasEightBitBytes && capabilities.offers("8BITMIME") { command += " BODY=8BITMIME" }
        if (addressesNeedUTF8 || message.hasEightBitHeaders) && capabilities.offers("SMTPUTF8") {
            command += " SMTPUTF8"
        }
        step = .mailFrom
        return [send(command)]
    }

    private mutating func sendRecipient(_ index: Int) -> [SMTPClientAction] {
        step = .recipient(index)
        return [send("RCPT TO:<\(recipients[index])>")]
    }

    private mutating func allRecipientsRefused() -> [SMTPClientAction] {
        let permanent = refused.allSatisfy(\.isPermanent)
        let replies = refused.map { "\($0.address): \($0.reply)" }.joined(separator: "; ")
        return give(up: "every recipient was refused: \(replies)", permanent: permanent)
    }

    private func send(_ command: String) -> SMTPClientAction {
        .send(Array(command.utf8) + [13, 10])
    }

    // MARK: - Endings

    /// A refusal from the server: its class says whether to try again (RFC 5321 §4.2.1).
    private mutating func fail(_ reply: SMTPReply, during stage: String) -> [SMTPClientAction] {
        give(up: "\(stage) refused: \(reply)", permanent: reply.isPermanentFailure)
    }

    /// Ends politely: QUIT, then the result once the server answers or hangs up.
    private mutating func give(up reason: String, permanent: Bool) -> [SMTPClientAction] {
        quit(with: .failed(permanent: permanent, reason: reason))
    }

    private mutating func quit(with result: SMTPClientResult) -> [SMTPClientAction] {
        step = .quit(result)
        return [send("QUIT")]
    }

    /// Ends at once, when the server is going away or not speaking SMTP.
    private mutating func stop(_ reply: SMTPReply, during stage: String) -> [SMTPClientAction] {
        stop(reason: "\(stage) ended by the server: \(reply)")
    }

    private mutating func stop(reason: String) -> [SMTPClientAction] {
        step = .finished
        return [.done(.failed(permanent: false, reason: reason))]
    }
}
