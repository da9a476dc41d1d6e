/// Composes an outbound message as RFC 5322 bytes with CRLF line endings, ready for an SMTP client: UTF-8
/// text as quoted-printable, HTML as an alternative, attachments in base64, every header line within 78
/// characters, and nothing a caller passes able to add a header line of its own.
public struct MailComposer: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress] = []
    public var replyTo: MailAddress?
    public var subject: String
    /// Seconds since 1970 UTC; written in +0000.
    public var date: Int64
    /// Without angle brackets: `ticket-1042.7@raaya.example`.
    public var messageID: String
    public var inReplyTo: String?
    public var references: [String] = []
    /// Marks acknowledgements and other mail no person wrote (`Auto-Submitted: auto-replied`, RFC 3834), so
    /// the receiving side does not answer it automatically in turn.
    public var isAutomatic = false
    public var text: String
    /// When given, the message is multipart/alternative with `text` as the plain version.
    public var html: String?
    /// Inline attachments with a Content-ID go with the HTML (multipart/related); the rest are attached.
    public var attachments: [MailAttachment] = []
    /// Boundaries derive from this, so the same message composes to the same bytes; the message id by default.
    public var boundarySeed: String

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Int64, messageID: String, text: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.boundarySeed = messageID
    }

    public func compose() -> [UInt8] {
        var fields: [String] = []
        fields.append(Self.simpleField("Date", MailDate.format(date)))
        fields.append(Self.addressField("From", [from]))
        if let replyTo { fields.append(Self.addressField("Reply-To", [replyTo])) }
        if !to.isEmpty { fields.append(Self.addressField("To", to)) }
        if !cc.isEmpty { fields.append(Self.addressField("Cc", cc)) }
        fields.append(Self.textField("Subject", subject))
        fields.append(Self.simpleField("Message-ID", "<\(Self.cleanID(messageID))>"))
        if let inReplyTo { fields.append(Self.idsField("In-Reply-To", [inReplyTo])) }
        if !references.isEmpty { fields.append(Self.idsField("References", references)) }
        if isAutomatic {
            fields.append(Self.simpleField("Auto-Submitted", "auto-replied"))
            // Exchange honours this and sends no out-of-office answer to an acknowledgement.
            fields.append(Self.simpleField("X-Auto-Response-Suppress", "All"))
        }
        fields.append(Self.simpleField("MIME-Version", "1.0"))
        var builder = MIMEBuilder(seed: boundarySeed)
        let body = builder.entity(text: text, html: html, attachments: attachments)
        let lines = fields + body.headerFields + [""] + body.bodyLines
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func simpleField(_ name: String, _ value: String) -> String {
        var field = HeaderField(name)
        field.append(value)
        return field.rendered
    }

    /// Unstructured text such as the subject: plain ASCII stays readable (folded at spaces); anything else,
    /// or ASCII that would read back differently, goes into encoded words.
    static func textField(_ name: String, _ value: String) -> String {
        var field = HeaderField(name)
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let plainASCII = value.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        // Text that unfolds or decodes differently is encoded instead: encoded-word look-alikes, blanks at the
        // ends (trimmed by readers), runs of spaces (which would fold into blank lines) and over-long words.
        let readsBack =
            !value.contains("=?") && !value.hasPrefix(" ") && !value.hasSuffix(" ") && !value.contains("  ")
            && words.allSatisfy { $0.utf8.count < HeaderField.lineLimit - name.utf8.count - 2 }
        if value.isEmpty {
            return name + ":"
        } else if plainASCII && readsBack {
            for word in words { field.append(String(word)) }
        } else {
            field.appendEncoded(value)
        }
        return field.rendered
    }

    static func addressField(_ name: String, _ addresses: [MailAddress]) -> String {
        var field = HeaderField(name)
        for (position, address) in addresses.enumerated() {
            let mailbox = cleanAddress(address.address)
            let separator = position < addresses.count - 1 ? "," : ""
            guard let displayName = address.name?.trimmingBlanks(), !displayName.isEmpty else {
                field.append(mailbox + separator)
                continue
            }
            let isAtext = displayName.unicodeScalars.allSatisfy { scalar in
                (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
                    || (0x61...0x7A).contains(scalar.value) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
            }
            let printable = displayName.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            if isAtext && !displayName.contains("=?") && !displayName.contains("  ") {
                for word in displayName.split(separator: " ") { field.append(String(word)) }
            } else if printable && !displayName.contains("=?") && displayName.utf8.count < 60 {
                let escaped = displayName.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                field.append("\"\(escaped)\"")
            } else {
                field.appendEncoded(displayName)
            }
            field.append("<\(mailbox)>" + separator)
        }
        return field.rendered
    }

    static func idsField(_ name: String, _ ids: [String]) -> String {
        var field = HeaderField(name)
        for id in ids.map(cleanID) where !id.isEmpty { field.append("<\(id)>") }
        return field.rendered
    }

    /// Addresses and ids reach headers as given, so everything that could end a line or the bracket is removed.
    private static func cleanAddress(_ address: String) -> String {
        let unsafe = "<>,;\"".unicodeScalars
        return String(
            address.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F && !unsafe.contains($0) }
                .map(Character.init))
    }

    static func cleanID(_ id: String) -> String {
        String(
            id.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
                .map(Character.init))
    }
}
