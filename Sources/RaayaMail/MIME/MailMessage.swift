/// An inbound mail message, read from its raw bytes into what a ticket message needs.
public struct MailMessage: Sendable, Equatable {
    public var headers: MailHeaders
    public var from: MailAddress?
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: [MailAddress]
    /// The decoded Subject, or "" when there is none.
    public var subject: String
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    /// Seconds since 1970 UTC, nil when the Date field is missing or unreadable.
    public var date: Int64?
    /// The text/plain body, line breaks as `\n`, trailing line breaks removed; nil when there is none or it is
    /// empty.
    public var textBody: String?
    /// The text/html body as sent (unsanitized; see `HTMLSanitizer` before showing it).
    public var htmlBody: String?
    public var attachments: [MailAttachment]
    /// What was odd about the bytes and how it was read anyway; empty for a well-formed message.
    public var problems: [String]

    /// Where a reply goes: Reply-To when given, else From.
    public var replyAddress: MailAddress? {
        replyTo.first ?? from
    }

    /// The plain text when there is any, else text derived from the HTML, else "".
    public var preferredText: String {
        if let textBody, !textBody.trimmingBlanks().isEmpty { return textBody }
        if let htmlBody { return HTMLText.plainText(fromHTML: htmlBody) }
        return textBody ?? ""
    }

    /// The ticket number tagged in the subject as `[#1042]`.
    public var ticketNumber: Int? {
        TicketToken.number(inSubject: subject)
    }

    /// Reads a message. Never fails: whatever cannot be read as MIME degrades (at worst to the whole input as
    /// text/plain) and `problems` says so.
    public static func parse(_ bytes: [UInt8]) -> MailMessage {
        var parser = MIMEParser()
        let root = parser.parse(bytes)
        var collector = BodyCollector()
        let bodies = collector.collect(root)
        let headers = root.headers
        return MailMessage(
            headers: headers,
            from: headers["From"].flatMap { MailAddress.parseList($0).first },
            to: headers.all("To").flatMap(MailAddress.parseList),
            cc: headers.all("Cc").flatMap(MailAddress.parseList),
            replyTo: headers.all("Reply-To").flatMap(MailAddress.parseList),
            subject: headers.decoded("Subject") ?? "",
            messageID: headers["Message-ID"].flatMap { MessageID.parseList($0).first },
            inReplyTo: headers["In-Reply-To"].map(MessageID.parseList) ?? [],
            references: headers["References"].map(MessageID.parseList) ?? [],
            date: headers["Date"].flatMap(MailDate.parse),
            textBody: bodies.text.isEmpty ? nil : bodies.text.joined(separator: "\n"),
            htmlBody: bodies.html.isEmpty ? nil : bodies.html.joined(separator: "\n"),
            attachments: collector.attachments,
            problems: parser.problems + collector.problems
        )
    }
}

/// Walks the MIME tree into bodies and attachments. Text parts that are not attachments form the body; within
/// multipart/alternative one plain and one HTML version are taken, elsewhere inline text parts are joined, as
/// Apple Mail sends text, image, text.
private struct BodyCollector {
    struct Bodies {
        var text: [String] = []
        var html: [String] = []
    }

    var attachments: [MailAttachment] = []
    var problems: [String] = []

    mutating func collect(_ part: MIMEPart) -> Bodies {
        if part.isMultipart {
            let results = part.children.map { collect($0) }
            if part.contentType == "multipart/alternative" {
                var bodies = Bodies()
                if let text = results.first(where: { !$0.text.isEmpty })?.text { bodies.text = text }
                if let html = results.first(where: { !$0.html.isEmpty })?.html { bodies.html = html }
                return bodies
            }
            return results.reduce(into: Bodies()) {
                $0.text += $1.text
                $0.html += $1.html
            }
        }
        let isText = part.contentType == "text/plain" || part.contentType == "text/html"
        if isText && part.disposition != "attachment" && part.filename == nil {
            let text = decodeText(part)
            // An empty part (a phone's "see attached" mail) is no body, so an alternative can still be chosen.
            if text.isEmpty { return Bodies() }
            return part.contentType == "text/plain" ? Bodies(text: [text]) : Bodies(html: [text])
        }
        attachments.append(attachment(part))
        return Bodies()
    }

    private mutating func decodeText(_ part: MIMEPart) -> String {
        let bytes = part.body.normalizingLineEndings()
        var charset = part.contentTypeParameters["charset"]
        if charset == nil && part.contentType == "text/html" { charset = HTMLText.declaredCharset(bytes) }
        let (text, problem) = TextDecoding.decode(bytes, charset: charset)
        if let problem { problems.append(problem) }
        var result = Substring(text)
        while result.last == "\n" { result = result.dropLast() }
        return String(result)
    }

    private func attachment(_ part: MIMEPart) -> MailAttachment {
        var filename = part.filename
        if filename == nil && part.contentType == "message/rfc822" {
            // A forwarded message is easier to recognise by its subject than as "attachment".
            let inner = HeaderSection(parsing: part.body, in: 0..<part.body.count)
            let subject = inner.headers.decoded("Subject")?.trimmingBlanks() ?? ""
            filename = (subject.isEmpty ? "message" : subject) + ".eml"
        }
        let disposition: MailAttachment.Disposition =
            switch part.disposition {
            case "inline": .inline
            case "attachment": .attachment
            default: part.contentID == nil ? .attachment : .inline
            }
        return MailAttachment(
            filename: filename, contentType: part.contentType, contentID: part.contentID, disposition: disposition,
            bytes: part.body)
    }
}
