/// Why a line received from a server is not part of a well-formed reply.
public enum SMTPReplyParseError: Error, Sendable, Equatable {
    /// The line does not start with three digits followed by a space, a hyphen or nothing.
    case malformedLine(String)
    /// A continuation line carries another code than the line before it.
    case codeChanged(expected: Int, found: String)
}

/// Gathers reply lines (`250-…` … `250 …`) into replies, one line at a time (RFC 5321 §4.2.1).
public struct SMTPReplyParser: Sendable {
    private var code: Int?
    private var enhancedStatus: String?
    private var lines: [String] = []

    public init() {}

    /// Takes one line without its CRLF; returns the reply when this line was its last.
    public mutating func parse(line: String) throws(SMTPReplyParseError) -> SMTPReply? {
        let utf8 = Array(line.utf8)
        guard utf8.count >= 3, utf8[0..<3].allSatisfy({ (48...57).contains($0) }),
            (50...53).contains(utf8[0])
        else { throw .malformedLine(line) }
        let lineCode = Int(utf8[0] - 48) * 100 + Int(utf8[1] - 48) * 10 + Int(utf8[2] - 48)
        let separator = utf8.count > 3 ? utf8[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { throw .malformedLine(line) }
        if let code, code != lineCode { throw .codeChanged(expected: code, found: line) }
        code = lineCode

        var text = utf8.count > 4 ? String(decoding: utf8[4...], as: UTF8.self) : ""
        if let status = Self.enhancedStatus(at: text, replyCode: lineCode) {
            if enhancedStatus == nil && lines.isEmpty { enhancedStatus = status }
            text = String(text.dropFirst(status.utf8.count).drop { $0 == " " })
        }
        lines.append(text)
        guard separator == UInt8(ascii: " ") else { return nil }

        let reply = SMTPReply(code: lineCode, enhancedStatus: enhancedStatus, lines: lines)
        self = SMTPReplyParser()
        return reply
    }

    /// `class.subject.detail` at the start of the text, when its class matches the reply code (RFC 3463 §2, RFC 2034
    /// §4); anything else (`8BITMIME`, a host name, `1.2.3.4 is your address` under a 250) is plain text.
    private static func enhancedStatus(at text: String, replyCode: Int) -> String? {
        let token = text.prefix { $0 != " " }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == String(replyCode / 100),
            parts[1...].allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigitForSMTP) })
        else { return nil }
        return String(token)
    }
}

extension Character {
    fileprivate var isASCIIDigitForSMTP: Bool { ("0"..."9").contains(self) }
}
