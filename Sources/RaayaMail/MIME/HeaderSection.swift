/// Splits an entity (a message or a body part) into its header fields and body (RFC 5322 §2.1).
struct HeaderSection {
    var headers: MailHeaders
    var bodyStart: Int
    var problems: [String]

    /// Reads fields up to the first empty line. Continuation lines are unfolded by dropping the line break and
    /// keeping the blank that starts them. A line that is neither a field nor a continuation ends the section,
    /// so a message without headers becomes all body rather than being refused.
    init(parsing bytes: [UInt8], in range: Range<Int>) {
        var rawFields: [(name: String, value: [UInt8])] = []
        var problems: [String] = []
        var bodyStart = range.upperBound
        var isFirstLine = true
        bytes.forEachLine(in: range) { line in
            defer { isFirstLine = false }
            if line.content.isEmpty {
                bodyStart = line.next
                return false
            }
            if ASCII.isBlank(bytes[line.content.lowerBound]), !rawFields.isEmpty {
                rawFields[rawFields.count - 1].value += bytes[line.content]
                return true
            }
            if let (name, valueStart) = Self.field(bytes, line: line.content) {
                rawFields.append((name, Array(bytes[valueStart..<line.content.upperBound])))
                return true
            }
            // mbox files start each message with a `From ` envelope line that is not a header field.
            if isFirstLine && bytes.hasPrefix(Array("From ".utf8), at: line.content.lowerBound) { return true }
            bodyStart = line.content.lowerBound
            problems.append(
                rawFields.isEmpty
                    ? "no header fields; the whole message is treated as the body"
                    : "header section ended without an empty line")
            return false
        }
        let hint = Self.charsetHint(rawFields)
        var headers = MailHeaders()
        var reportedBytes = false
        for field in rawFields {
            let (value, problem) = Self.decodeValue(field.value, hint: hint)
            if let problem, !reportedBytes {
                problems.append("header \(field.name): \(problem)")
                reportedBytes = true
            }
            headers.append(field.name, value.trimmingBlanks())
        }
        self.headers = headers
        self.bodyStart = bodyStart
        self.problems = problems
    }

    /// The name of a field line and where its value starts. A name is printable ASCII without colon
    /// (RFC 5322 §3.6.8); blanks before the colon are obsolete syntax that is still accepted.
    private static func field(_ bytes: [UInt8], line: Range<Int>) -> (name: String, valueStart: Int)? {
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] > ASCII.space, bytes[index] < 0x7F, bytes[index] != ASCII.colon {
            index += 1
        }
        let nameEnd = index
        while index < line.upperBound, ASCII.isBlank(bytes[index]) { index += 1 }
        guard nameEnd > line.lowerBound, index < line.upperBound, bytes[index] == ASCII.colon else { return nil }
        return (String(decoding: bytes[line.lowerBound..<nameEnd], as: UTF8.self), index + 1)
    }

    /// Raw 8-bit header bytes should be UTF-8 (RFC 6532). Old mailers wrote them in the body's charset instead,
    /// so that charset is the fallback before replacement characters.
    private static func charsetHint(_ fields: [(name: String, value: [UInt8])]) -> Charset? {
        guard let field = fields.first(where: { $0.name.lowercased() == "content-type" }) else { return nil }
        let parsed = HeaderParameters(String(decoding: field.value, as: UTF8.self))
        return parsed.parameters["charset"].flatMap(Charset.init(label:))
    }

    private static func decodeValue(_ bytes: [UInt8], hint: Charset?) -> (String, String?) {
        if bytes.isASCII { return (String(decoding: bytes, as: UTF8.self), nil) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        if let hint, hint != .utf8, hint != .ascii {
            return (hint.decode(bytes).text, "raw 8-bit bytes decoded in the body's charset")
        }
        return (String(decoding: bytes, as: UTF8.self), "invalid UTF-8 replaced with U+FFFD")
    }
}
