/// One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional enhanced status code (RFC 3463, announced as
/// ENHANCEDSTATUSCODES by RFC 2034) and one or more lines of text.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    /// `class.subject.detail`, such as `2.1.5`; written before the text of every line when present.
    public var enhancedStatus: String?
    public var lines: [String]

    public init(code: Int, enhancedStatus: String? = nil, lines: [String]) {
        self.code = code
        self.enhancedStatus = enhancedStatus
        self.lines = lines
    }

    public init(code: Int, enhancedStatus: String? = nil, _ text: String) {
        self.init(code: code, enhancedStatus: enhancedStatus, lines: [text])
    }

    /// 2xx: the command was carried out.
    public var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: the server waits for more (354 after DATA, 334 during AUTH).
    public var isIntermediate: Bool { (300..<400).contains(code) }
    /// 4xx: worth trying again later.
    public var isTransientFailure: Bool { (400..<500).contains(code) }
    /// 5xx: trying again unchanged will fail again.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The text of all lines, without code or enhanced status, one line per `\n`.
    public var text: String { lines.joined(separator: "\n") }

    /// The reply on one line, for logs and failure reasons: `550 5.1.1 No such mailbox`.
    public var description: String {
        var text = String(code)
        if let enhancedStatus { text += " " + enhancedStatus }
        let joined = lines.joined(separator: " / ")
        if !joined.isEmpty { text += " " + joined }
        return text
    }

    /// The reply as sent on the wire: `250-first`, …, `250 last`, each line ending in CRLF.
    public var bytes: [UInt8] {
        let shown = lines.isEmpty ? [""] : lines
        var out: [UInt8] = []
        out.reserveCapacity(shown.reduce(0) { $0 + $1.utf8.count + 16 })
        let codeBytes = Array(String(code).utf8)
        for (index, line) in shown.enumerated() {
            out.append(contentsOf: codeBytes)
            out.append(index == shown.count - 1 ? UInt8(ascii: " ") : UInt8(ascii: "-"))
            if let enhancedStatus {
                out.append(contentsOf: enhancedStatus.utf8)
                if !line.isEmpty { out.append(UInt8(ascii: " ")) }
            }
            // A CR or LF inside text given by the application would end the reply early and desynchronise the
            // client, so they become spaces.
            for byte in line.utf8 {
                out.append(byte == 13 || byte == 10 ? UInt8(ascii: " ") : byte)
            }
            out.append(contentsOf: [13, 10])
        }
        return out
    }
}
