/// What one mail transaction has gathered so far (RFC 5321 §3.3); RSET, EHLO and the end of DATA start afresh.
struct SMTPServerTransaction {
    var mailFrom: String?
    var recipients: [String] = []
    /// The client said SMTPUTF8 on MAIL, so addresses may carry UTF-8 (RFC 6531 §3.4).
    var allowsUTF8 = false
    /// Some RCPT was tried, so DATA without recipients means they were all refused rather than never sent.
    var triedRecipient = false
}

extension SMTPServerSession {
    static let commandsHelp = "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP"

    mutating func handle(_ command: SMTPCommandLine, into actions: inout [SMTPServerAction]) {
        switch command.verb {
        case "EHLO", "HELO":
            hello(command, into: &actions)
        case "MAIL":
            mail(command.argument, into: &actions)
        case "RCPT":
            recipient(command.argument, into: &actions)
        case "DATA":
            data(command.argument, into: &actions)
        case "RSET":
            guard command.argument.isEmpty else { return refuse(Self.syntax("RSET"), &actions) }
            transaction = SMTPServerTransaction()
            actions.append(.reply(SMTPReply(code: 250, enhancedStatus: "2.0.0", "Reset")))
        case "NOOP":
            actions.append(.reply(SMTPReply(code: 250, enhancedStatus: "2.0.0", "OK")))
        case "QUIT":
            close(with: SMTPReply(code: 221, enhancedStatus: "2.0.0", "\(hostname) closing connection"), &actions)
        case "VRFY":
            guard !command.argument.isEmpty else { return refuse(Self.syntax("VRFY <address>"), &actions) }
            // Answering would tell address harvesters which mailboxes exist (RFC 5321 §3.5.3, §7.3).
            actions.append(.reply(SMTPReply(code: 252, enhancedStatus: "2.5.0", "Cannot VRFY, but will try delivery")))
        case "HELP":
            actions.append(.reply(SMTPReply(code: 214, enhancedStatus: "2.0.0", Self.commandsHelp)))
        case "EXPN", "TURN", "ETRN", "ATRN", "BDAT", "STARTTLS", "AUTH":
            refuse(SMTPReply(code: 502, enhancedStatus: "5.5.1", "Command not implemented"), &actions)
        default:
            refuse(SMTPReply(code: 500, enhancedStatus: "5.5.2", "Command not recognized"), &actions)
        }
    }

    private mutating func hello(_ command: SMTPCommandLine, into actions: inout [SMTPServerAction]) {
        guard !command.argument.isEmpty else { return refuse(Self.syntax("\(command.verb) <domain>"), &actions) }
        greeted = true
        transaction = SMTPServerTransaction()
        let hello = "\(hostname) greets \(command.argument)"
        // No enhanced status on the EHLO reply: its lines are keywords (RFC 2034 §3).
        let lines =
            command.verb == "EHLO"
            ? [hello, "PIPELINING", "SIZE \(maxMessageSize)", "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES"]
            : [hello]
        actions.append(.reply(SMTPReply(code: 250, lines: lines)))
    }

    private mutating func mail(_ argument: Substring, into actions: inout [SMTPServerAction]) {
        guard greeted else { return refuse(Self.badSequence("Send EHLO or HELO first"), &actions) }
        guard transaction.mailFrom == nil else { return refuse(Self.badSequence("Sender already given"), &actions) }
        guard let parsed = SMTPPathArgument(argument, keyword: "FROM") else {
            return refuse(Self.syntax("MAIL FROM:<address>"), &actions)
        }
        var allowsUTF8 = false
        for parameter in parsed.parameters {
            switch (parameter.keyword, parameter.value) {
            case ("SIZE", let value?):
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    return refuse(Self.syntax("SIZE=<octets>"), &actions)
                }
                // Compared as text length first so that a huge number cannot overflow `Int`.
                if value.count > 18 || Int(value)! > maxMessageSize {
                    return actions.append(.reply(Self.messageTooBig))
                }
            case ("BODY", let value?):
                guard ["7BIT", "8BITMIME"].contains(value.uppercased()) else {
                    return refuse(Self.syntax("BODY=7BIT or BODY=8BITMIME"), &actions)
                }
            case ("SMTPUTF8", nil):
                allowsUTF8 = true
            default:
                return refuse(Self.unsupported(parameter.keyword), &actions)
            }
        }
        guard parsed.path.isEmpty || parsed.path.contains("@") else {
            return refuse(SMTPReply(code: 501, enhancedStatus: "5.1.7", "Bad sender address syntax"), &actions)
        }
        guard allowsUTF8 || parsed.path.utf8.allSatisfy({ $0 < 0x80 }) else {
            return actions.append(.reply(Self.needsUTF8))
        }
        transaction.mailFrom = parsed.path
        transaction.allowsUTF8 = allowsUTF8
        actions.append(.reply(SMTPReply(code: 250, enhancedStatus: "2.1.0", "Sender OK")))
    }

    private mutating func recipient(_ argument: Substring, into actions: inout [SMTPServerAction]) {
        guard transaction.mailFrom != nil else { return refuse(Self.badSequence("Need MAIL before RCPT"), &actions) }
        guard let parsed = SMTPPathArgument(argument, keyword: "TO") else {
            return refuse(Self.syntax("RCPT TO:<address>"), &actions)
        }
        transaction.triedRecipient = true
        if let parameter = parsed.parameters.first { return refuse(Self.unsupported(parameter.keyword), &actions) }
        // `postmaster` alone names this server's postmaster (RFC 5321 §4.5.1).
        guard parsed.path.contains("@") || parsed.path.lowercased() == "postmaster" else {
            return refuse(SMTPReply(code: 501, enhancedStatus: "5.1.3", "Bad recipient address syntax"), &actions)
        }
        guard transaction.allowsUTF8 || parsed.path.utf8.allSatisfy({ $0 < 0x80 }) else {
            return actions.append(.reply(Self.needsUTF8))
        }
        guard transaction.recipients.count < Self.maxRecipients else {
            return actions.append(.reply(SMTPReply(code: 452, enhancedStatus: "4.5.3", "Too many recipients")))
        }
        phase = .checkingRecipient(parsed.path)
        actions.append(.checkRecipient(parsed.path))
    }

    private mutating func data(_ argument: Substring, into actions: inout [SMTPServerAction]) {
        guard argument.isEmpty else { return refuse(Self.syntax("DATA"), &actions) }
        guard transaction.mailFrom != nil else { return refuse(Self.badSequence("Need MAIL before DATA"), &actions) }
        guard !transaction.recipients.isEmpty else {
            // After refused recipients this is the expected answer to a pipelined DATA (RFC 2920 §3.1), not an
            // error of the client's.
            if transaction.triedRecipient {
                return actions.append(.reply(SMTPReply(code: 554, enhancedStatus: "5.5.1", "No valid recipients")))
            }
            return refuse(Self.badSequence("Need RCPT before DATA"), &actions)
        }
        phase = .data
        dataReader = SMTPDataReader(limit: maxMessageSize)
        actions.append(.reply(SMTPReply(code: 354, "End data with <CR><LF>.<CR><LF>")))
    }

    private static func syntax(_ usage: String) -> SMTPReply {
        SMTPReply(code: 501, enhancedStatus: "5.5.4", "Syntax: \(usage)")
    }

    private static func badSequence(_ reason: String) -> SMTPReply {
        SMTPReply(code: 503, enhancedStatus: "5.5.1", "Bad sequence of commands: \(reason)")
    }

    private static func unsupported(_ keyword: String) -> SMTPReply {
        SMTPReply(code: 555, enhancedStatus: "5.5.4", "Parameter \(keyword) not supported")
    }

    private static let needsUTF8 = SMTPReply(code: 553, enhancedStatus: "5.6.7", "Address needs SMTPUTF8")
}
