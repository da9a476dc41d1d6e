/// The receiving side of one SMTP connection (RFC 5321), as a state machine without I/O: the driver passes in the
/// bytes it reads and carries out the actions it gets back, in order.
///
/// Replies come out in the order of the commands, even when a client pipelines several in one write (RFC 2920):
/// while the application checks a recipient or stores a message, later input waits here.
public struct SMTPServerSession: Sendable {
    /// How storing a message ended, as told by the driver.
    public enum DeliveryResult: Sendable, Equatable {
        /// Stored durably; the id appears in the reply so both ends can find the message in their logs.
        case queued(id: String)
        /// The client should try again later (451).
        case temporaryFailure(String)
        /// The client should not try again (554).
        case permanentFailure(String)
    }

    enum Phase {
        case commands
        case checkingRecipient(String)
        case data
        case delivering
        case closed
    }

    /// Longest command line, CRLF included (RFC 5321 §4.5.3.1.4).
    static let maxCommandLine = 512
    /// Recipients per message (RFC 5321 §4.5.3.1.8 asks for at least 100).
    static let maxRecipients = 100
    /// Protocol errors tolerated on one connection before it is closed.
    static let maxErrors = 10
    /// Input held while the application decides; a full pipelined group of MAIL, 100 RCPT and DATA fits.
    static let maxWaitingInput = 64 * 1024

    public let hostname: String
    public let maxMessageSize: Int

    var phase = Phase.commands
    /// Bytes read but not yet used: part of a command line, or input that arrived while the application decides.
    var pending: [UInt8] = []
    var errors = 0
    /// Whether EHLO or HELO came first, as MAIL requires.
    var greeted = false
    var transaction = SMTPServerTransaction()
    var dataReader: SMTPDataReader?

    public init(hostname: String, maxMessageSize: Int) {
        self.hostname = hostname
        self.maxMessageSize = maxMessageSize
    }

    /// What to write as soon as the connection opens.
    public func greeting() -> SMTPReply {
        SMTPReply(code: 220, "\(hostname) ESMTP Raaya ready")
    }

    /// Whether the session waits for `recipientChecked` or `deliveryFinished`; a driver may stop reading meanwhile.
    public var isWaitingForApplication: Bool {
        switch phase {
        case .checkingRecipient, .delivering: true
        case .commands, .data, .closed: false
        }
    }

    /// Whether the conversation is over; further input is ignored.
    public var isClosed: Bool {
        if case .closed = phase { return true }
        return false
    }

    /// Takes bytes as read from the connection, in chunks of any size.
    public mutating func receive(_ bytes: UnsafeRawBufferPointer) -> [SMTPServerAction] {
        var actions: [SMTPServerAction] = []
        feed(bytes, into: &actions)
        return actions
    }

    public mutating func receive(_ bytes: [UInt8]) -> [SMTPServerAction] {
        bytes.withUnsafeBytes { receive($0) }
    }

    /// The application's answer to the last `.checkRecipient`.
    public mutating func recipientChecked(accepted: Bool) -> [SMTPServerAction] {
        if isClosed { return [] }  // closed meanwhile for too much input; nothing more to say
        guard case .checkingRecipient(let address) = phase else {
            assertionFailure("recipientChecked called without a recipient being checked")
            return []
        }
        var actions: [SMTPServerAction] = []
        if accepted {
            transaction.recipients.append(address)
            actions.append(.reply(SMTPReply(code: 250, enhancedStatus: "2.1.5", "Recipient OK")))
        } else {
            actions.append(.reply(SMTPReply(code: 550, enhancedStatus: "5.1.1", "No such mailbox here")))
        }
        phase = .commands
        feed(UnsafeRawBufferPointer(start: nil, count: 0), into: &actions)
        return actions
    }

    /// The application's answer to the last `.deliver`.
    public mutating func deliveryFinished(_ result: DeliveryResult) -> [SMTPServerAction] {
        if isClosed { return [] }
        guard case .delivering = phase else {
            assertionFailure("deliveryFinished called without a delivery in progress")
            return []
        }
        let reply =
            switch result {
            case .queued(let id): SMTPReply(code: 250, enhancedStatus: "2.0.0", "Queued as \(id)")
            case .temporaryFailure(let reason):
                SMTPReply(code: 451, enhancedStatus: "4.3.0", reason.isEmpty ? "Try again later" : reason)
            case .permanentFailure(let reason):
                SMTPReply(code: 554, enhancedStatus: "5.3.0", reason.isEmpty ? "Message refused" : reason)
            }
        var actions: [SMTPServerAction] = [.reply(reply)]
        phase = .commands
        feed(UnsafeRawBufferPointer(start: nil, count: 0), into: &actions)
        return actions
    }

    // MARK: - Input

    /// Runs new input, after whatever was pending, as far as the phase allows, and keeps the rest.
    private mutating func feed(_ bytes: UnsafeRawBufferPointer, into actions: inout [SMTPServerAction]) {
        if isClosed { return }
        if pending.isEmpty {
            // The common case: nothing left over, so the caller's bytes are read where they are.
            let used = process(bytes, into: &actions)
            keep(UnsafeRawBufferPointer(rebasing: bytes[used...]), into: &actions)
        } else {
            var buffer: [UInt8] = []
            swap(&buffer, &pending)
            buffer.append(contentsOf: bytes)
            let used = buffer.withUnsafeBytes { process($0, into: &actions) }
            if used == 0 {
                // Still waiting: keep the buffer as it is rather than copy it.
                if keepable(buffer.count, &actions) { pending = buffer }
            } else {
                buffer.withUnsafeBytes { keep(UnsafeRawBufferPointer(rebasing: $0[used...]), into: &actions) }
            }
        }
    }

    private mutating func keep(_ rest: UnsafeRawBufferPointer, into actions: inout [SMTPServerAction]) {
        if !rest.isEmpty, keepable(rest.count, &actions) { pending = Array(rest) }
    }

    /// Whether that much unread input may wait here. Only input that arrives while the application decides can
    /// grow past one command line; a client that sends this much without reading the replies is not pipelining.
    private mutating func keepable(_ count: Int, _ actions: inout [SMTPServerAction]) -> Bool {
        if isClosed { return false }
        guard count <= Self.maxWaitingInput else {
            close(with: SMTPReply(code: 421, enhancedStatus: "4.7.0", "\(hostname) Too much input, closing"), &actions)
            return false
        }
        return true
    }

    /// Reads commands and message content until the input ends or the application must answer; returns how many
    /// bytes were used.
    private mutating func process(_ input: UnsafeRawBufferPointer, into actions: inout [SMTPServerAction]) -> Int {
        var index = 0
        while index < input.count {
            switch phase {
            case .commands:
                let window = min(input.count, index + Self.maxCommandLine)
                guard let lineFeed = (index..<window).first(where: { input[$0] == 10 }) else {
                    if window - index < Self.maxCommandLine { return index }  // wait for the rest of the line
                    close(with: SMTPReply(code: 500, enhancedStatus: "5.5.2", "Line too long"), &actions)
                    return input.count
                }
                var end = lineFeed
                if end > index, input[end - 1] == 13 { end -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: input[index..<end])
                index = lineFeed + 1
                guard let text = String(validating: line, as: UTF8.self) else {
                    refuse(SMTPReply(code: 501, enhancedStatus: "5.5.2", "Command is not valid UTF-8"), &actions)
                    continue
                }
                handle(SMTPCommandLine(text), into: &actions)
            case .data:
                guard var reader = dataReader else { preconditionFailure("DATA phase without a reader") }
                dataReader = nil  // so the reader's buffer is not shared, and appending does not copy it
                let (next, finished) = reader.read(input, from: index)
                index = next
                if finished {
                    endOfData(reader, into: &actions)
                } else {
                    dataReader = reader
                }
            case .checkingRecipient, .delivering, .closed:
                return index
            }
        }
        return index
    }

    private mutating func endOfData(_ reader: SMTPDataReader, into actions: inout [SMTPServerAction]) {
        guard !reader.exceededLimit else {
            transaction = SMTPServerTransaction()
            phase = .commands
            actions.append(.reply(Self.messageTooBig))
            return
        }
        let envelope = SMTPEnvelope(
            mailFrom: transaction.mailFrom ?? "", recipients: transaction.recipients, data: reader.data)
        transaction = SMTPServerTransaction()
        phase = .delivering
        actions.append(.deliver(envelope))
    }

    static let messageTooBig = SMTPReply(
        code: 552, enhancedStatus: "5.3.4", "Message size exceeds fixed maximum message size")

    // MARK: - Replies that end or count against the connection

    mutating func close(with reply: SMTPReply, _ actions: inout [SMTPServerAction]) {
        actions.append(.reply(reply))
        actions.append(.close)
        phase = .closed
        pending = []
        dataReader = nil
    }

    /// A reply to a command the client should not have sent; too many of them end the connection, which stops a
    /// client that is not speaking SMTP (or is probing) from holding it open.
    mutating func refuse(_ reply: SMTPReply, _ actions: inout [SMTPServerAction]) {
        errors += 1
        if errors >= Self.maxErrors {
            close(with: SMTPReply(code: 421, enhancedStatus: "4.7.0", "\(hostname) Too many errors, closing"), &actions)
        } else {
            actions.append(.reply(reply))
        }
    }
}
