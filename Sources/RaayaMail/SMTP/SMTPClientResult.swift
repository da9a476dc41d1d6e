/// What the driver of an `SMTPClientSession` must do next, in order.
public enum SMTPClientAction: Sendable, Equatable {
    /// Write these bytes to the server.
    case send([UInt8])
    /// Start TLS on the connection now, then call `tlsStarted()`.
    case startTLS
    /// The conversation is over: close the connection once the writes before are done, and record the result.
    case done(SMTPClientResult)
}

/// How handing one message to a relay ended, so that the outbox knows whether to try again.
public enum SMTPClientResult: Sendable, Equatable {
    /// The server took responsibility for the message for the accepted recipients. `serverReply` is its answer to the
    /// end of data, which usually names its queue id.
    case delivered(accepted: [String], refused: [SMTPRefusedRecipient], serverReply: String)
    /// Nothing was delivered. `permanent` when the server answered 5xx or the message can never go this way; a 4xx,
    /// a lost connection or a broken reply is worth another try. `reason` says what failed, with the server's reply.
    case failed(permanent: Bool, reason: String)
}

/// A recipient the server would not take.
public struct SMTPRefusedRecipient: Sendable, Equatable {
    public var address: String
    public var reply: SMTPReply

    public init(address: String, reply: SMTPReply) {
        self.address = address
        self.reply = reply
    }

    /// A 5xx: trying this recipient again will not help; a 4xx may be retried.
    public var isPermanent: Bool { reply.isPermanentFailure }
}

/// A user name and password for AUTH PLAIN or AUTH LOGIN (RFC 4954, RFC 4616).
public struct SMTPCredentials: Sendable, Equatable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}
