/// A body part ready to write: its Content-* fields (folded, CRLF inside) and its body lines.
struct MIMEEntity {
    var headerFields: [String]
    var bodyLines: [String]
}

/// Builds the MIME structure of an outbound message. Boundaries come from a seed, so composing is
/// deterministic, and each is checked against the content it encloses before use.
struct MIMEBuilder {
    private let seed: String
    private var attempt = 0

    init(seed: String) {
        self.seed = seed
    }

    mutating func entity(text: String, html: String?, attachments: [MailAttachment]) -> MIMEEntity {
        let plain = textEntity(text, subtype: "plain")
        var content = plain
        var attached = attachments
        if let html {
            content = multipart("alternative", [plain, textEntity(html, subtype: "html")])
            let inline = attachments.filter { $0.disposition == .inline && $0.contentID != nil }
            attached = attachments.filter { !($0.disposition == .inline && $0.contentID != nil) }
            if !inline.isEmpty { content = multipart("related", [content] + inline.map(attachmentEntity)) }
        }
        if !attached.isEmpty { content = multipart("mixed", [content] + attached.map(attachmentEntity)) }
        return content
    }

    private func textEntity(_ text: String, subtype: String) -> MIMEEntity {
        MIMEEntity(
            headerFields: [
                "Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
            ],
            bodyLines: QuotedPrintable.encode(text))
    }

    private mutating func multipart(_ subtype: String, _ parts: [MIMEEntity]) -> MIMEEntity {
        let boundary = uniqueBoundary(avoiding: parts)
        var lines: [String] = []
        for part in parts {
            lines.append("--" + boundary)
            lines += part.headerFields
            lines.append("")
            lines += part.bodyLines
        }
        lines.append("--" + boundary + "--")
        var field = HeaderField("Content-Type")
        field.append("multipart/\(subtype);")
        field.append("boundary=\"\(boundary)\"")
        return MIMEEntity(headerFields: [field.rendered], bodyLines: lines)
    }

    /// `=_` cannot occur in quoted-printable or base64 output, which makes a clash unlikely; the check makes it
    /// impossible, trying the next candidate until none of the enclosed lines contains the boundary.
    private mutating func uniqueBoundary(avoiding parts: [MIMEEntity]) -> String {
        while true {
            let candidate = "=_raaya_" + Self.hexHash(seed + "/" + String(attempt))
            attempt += 1
            let clashes = parts.contains { part in
                (part.headerFields + part.bodyLines).contains { $0.contains(candidate) }
            }
            if !clashes { return candidate }
        }
    }

    /// FNV-1a, 64 bits: a stable, well-spread fingerprint of the seed (not a secret; nothing relies on it).
    private static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private func attachmentEntity(_ attachment: MailAttachment) -> MIMEEntity {
        var contentType = HeaderField("Content-Type")
        var disposition = HeaderField("Content-Disposition")
        let type = Self.cleanContentType(attachment.contentType)
        let name = attachment.filename.map { String($0.prefix(255)) }
        let dispositionValue = attachment.disposition == .inline ? "inline" : "attachment"
        if let name, !name.isEmpty {
            contentType.append(type + ";")
            disposition.append(dispositionValue + ";")
            Self.appendParameter(&contentType, name: "name", value: name)
            Self.appendParameter(&disposition, name: "filename", value: name)
        } else {
            contentType.append(type)
            disposition.append(dispositionValue)
        }
        var fields = [contentType.rendered, "Content-Transfer-Encoding: base64", disposition.rendered]
        if let id = attachment.contentID {
            let cleaned = MailComposer.cleanID(id)
            if !cleaned.isEmpty { fields.append("Content-ID: <\(cleaned)>") }
        }
        return MIMEEntity(headerFields: fields, bodyLines: Base64.encodeLines(attachment.bytes))
    }

    /// A short printable ASCII value is written quoted; anything else uses RFC 2231 (`name*=utf-8''%D9%81…`),
    /// split into numbered sections between characters so each line stays within 78 characters.
    private static func appendParameter(_ field: inout HeaderField, name: String, value: String) {
        let printable = value.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) && $0 != "\"" && $0 != "\\" }
        if printable && value.utf8.count <= 60 {
            field.append("\(name)=\"\(value)\"")
            return
        }
        let sectionLimit = HeaderField.lineLimit - 2 - name.utf8.count - "*999*=".count - "utf-8''".count
        var sections: [String] = [""]
        for scalar in value.unicodeScalars {
            let encoded = percentEncoded(scalar)
            if sections[sections.count - 1].utf8.count + encoded.utf8.count > sectionLimit { sections.append("") }
            sections[sections.count - 1] += encoded
        }
        if sections.count == 1 {
            field.append("\(name)*=utf-8''\(sections[0])")
            return
        }
        for (number, section) in sections.enumerated() {
            let charset = number == 0 ? "utf-8''" : ""
            let separator = number < sections.count - 1 ? ";" : ""
            field.append("\(name)*\(number)*=\(charset)\(section)\(separator)")
        }
    }

    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        let attributeCharacters = "!#$&+-.^_`|~"
        var output = ""
        for byte in String(scalar).utf8 {
            let isAlphanumeric =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || attributeCharacters.utf8.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output +=
                    "%" + String(UnicodeScalar(ASCII.hexDigit(byte >> 4)))
                    + String(UnicodeScalar(ASCII.hexDigit(byte & 0x0F)))
            }
        }
        return output
    }

    private static func cleanContentType(_ type: String) -> String {
        let lowered = type.trimmingBlanks().lowercased()
        let parts = lowered.split(separator: "/", omittingEmptySubsequences: false)
        let tokenCharacters = "!#$&^_.+-"
        let valid =
            parts.count == 2
            && parts.allSatisfy { part in
                !part.isEmpty
                    && part.unicodeScalars.allSatisfy { scalar in
                        (0x30...0x39).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
                            || tokenCharacters.unicodeScalars.contains(scalar)
                    }
            }
        return valid ? lowered : "application/octet-stream"
    }
}
