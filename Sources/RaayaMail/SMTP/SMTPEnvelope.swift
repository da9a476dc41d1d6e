/// One message as SMTP carries it: who it is from, who it is for, and its content.
public struct SMTPEnvelope: Sendable, Equatable {
    /// The reverse path as the client gave it; empty for a bounce (`MAIL FROM:<>`).
    public var mailFrom: String
    /// Forward paths as the client gave them, in order; the application normalizes.
    public var recipients: [String]
    /// The message content with CRLF line endings, dot-unstuffed, without the terminating `.` line.
    public var data: [UInt8]

    public init(mailFrom: String, recipients: [String], data: [UInt8]) {
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.data = data
    }
}

/// What the driver of an `SMTPServerSession` must do next, in order.
public enum SMTPServerAction: Sendable, Equatable {
    /// Write these bytes (`reply.bytes`) to the client.
    case reply(SMTPReply)
    /// Ask the application whether this address is one of its mailboxes, then call `recipientChecked(accepted:)`.
    case checkRecipient(String)
    /// Store the message durably, then call `deliveryFinished(_:)`.
    case deliver(SMTPEnvelope)
    /// Close the connection once the replies before it are written.
    case close
}
