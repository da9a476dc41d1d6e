/// One node of a message's MIME tree (RFC 2045, RFC 2046): a leaf with its body already freed of its
/// transfer encoding, or a multipart with children.
struct MIMEPart {
    var headers: MailHeaders
    /// `type/subtype`, lowercased.
    var contentType: String
    var contentTypeParameters: [String: String]
    /// `inline` or `attachment` when the part says so.
    var disposition: String?
    var dispositionParameters: [String: String]
    var body: [UInt8]
    var children: [MIMEPart]

    var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// The filename from Content-Disposition, else the older `name` of Content-Type.
    var filename: String? {
        let name = dispositionParameters["filename"] ?? contentTypeParameters["name"]
        return name.flatMap { $0.trimmingBlanks().isEmpty ? nil : $0.trimmingBlanks() }
    }

    var contentID: String? {
        guard let raw = headers["Content-ID"] else { return nil }
        let id = raw.trimmingBlanks().filter { $0 != "<" && $0 != ">" }
        return id.isEmpty ? nil : id
    }
}

/// Builds the MIME tree, degrading instead of failing: a multipart without a usable boundary becomes text, a
/// missing closing boundary ends at the end of the message, and nesting deeper than `maxDepth` stops there.
struct MIMEParser {
    static let maxDepth = 32
    private(set) var problems: [String] = []

    mutating func parse(_ bytes: [UInt8]) -> MIMEPart {
        parseEntity(bytes, in: 0..<bytes.count, depth: 0, defaultType: "text/plain")
    }

    private mutating func parseEntity(_ bytes: [UInt8], in range: Range<Int>, depth: Int, defaultType: String)
        -> MIMEPart
    {
        let section = HeaderSection(parsing: bytes, in: range)
        problems += section.problems
        let bodyRange = min(section.bodyStart, range.upperBound)..<range.upperBound
        var contentType = defaultType
        var parameters: [String: String] = [:]
        if let field = section.headers["Content-Type"] {
            let parsed = HeaderParameters(field)
            if parsed.value.split(separator: "/").count == 2 && !parsed.value.contains(" ") {
                contentType = parsed.value
                parameters = parsed.parameters
            } else {
                problems.append("unreadable Content-Type \"\(field)\"; read as \(defaultType)")
            }
        }
        var part = MIMEPart(
            headers: section.headers, contentType: contentType, contentTypeParameters: parameters,
            disposition: nil, dispositionParameters: [:], body: [], children: [])
        if let field = section.headers["Content-Disposition"] {
            let parsed = HeaderParameters(field)
            part.disposition = parsed.value.isEmpty ? nil : parsed.value
            part.dispositionParameters = parsed.parameters
        }

        if part.isMultipart {
            let boundary = parameters["boundary"] ?? ""
            if boundary.isEmpty {
                problems.append("\(contentType) without a boundary; its body is read as text")
            } else if depth >= Self.maxDepth {
                problems.append("parts nested deeper than \(Self.maxDepth) levels are kept as one attachment")
                part.contentType = "application/octet-stream"
                part.body = Array(bytes[bodyRange])
                return part
            } else if let ranges = splitMultipart(bytes, in: bodyRange, boundary: Array(("--" + boundary).utf8)) {
                let childDefault = contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
                part.children = ranges.map {
                    parseEntity(bytes, in: $0, depth: depth + 1, defaultType: childDefault)
                }
                return part
            } else {
                problems.append("\(contentType) boundary never appears; its body is read as text")
            }
            part.contentType = "text/plain"
        }
        part.body = decodeTransferEncoding(bytes, in: bodyRange, headers: section.headers)
        return part
    }

    /// The ranges between boundary delimiter lines, without preamble and epilogue. The line break before a
    /// delimiter belongs to it (RFC 2046 §5.1.1), so it is not part of the preceding body. Nil when no
    /// delimiter appears at all.
    private mutating func splitMultipart(_ bytes: [UInt8], in range: Range<Int>, boundary: [UInt8]) -> [Range<Int>]? {
        var parts: [Range<Int>] = []
        var partStart: Int?
        var closed = false
        bytes.forEachLine(in: range) { line in
            guard bytes.hasPrefix(boundary, at: line.content.lowerBound) else { return true }
            var after = line.content.lowerBound + boundary.count
            let isClose =
                after + 2 <= line.content.upperBound && bytes.hasPrefix([ASCII.hyphen, ASCII.hyphen], at: after)
            if isClose { after += 2 }
            // Only transport padding may follow; `--abc-1` is not a delimiter for boundary `abc`.
            guard bytes[min(after, line.content.upperBound)..<line.content.upperBound].allSatisfy(ASCII.isBlank)
            else { return true }
            if let start = partStart {
                var end = line.content.lowerBound
                if end > start && bytes[end - 1] == ASCII.lf { end -= 1 }
                if end > start && bytes[end - 1] == ASCII.cr { end -= 1 }
                parts.append(start..<end)
            }
            partStart = line.next
            closed = isClose
            return !isClose
        }
        guard let lastStart = partStart else { return nil }
        if !closed {
            problems.append("multipart body ended without its closing boundary")
            if lastStart < range.upperBound { parts.append(lastStart..<range.upperBound) }
        }
        return parts
    }

    private mutating func decodeTransferEncoding(_ bytes: [UInt8], in range: Range<Int>, headers: MailHeaders)
        -> [UInt8]
    {
        let raw = Array(bytes[range])
        let encoding = (headers["Content-Transfer-Encoding"] ?? "7bit").trimmingBlanks().lowercased()
        switch encoding {
        case "base64":
            let (decoded, skippedJunk) = Base64.decode(raw)
            if skippedJunk { problems.append("base64 body held characters outside the alphabet; they were skipped") }
            return decoded
        case "quoted-printable":
            return QuotedPrintable.decode(raw)
        case "7bit", "8bit", "binary", "":
            return raw
        default:
            problems.append("unknown Content-Transfer-Encoding \"\(encoding)\"; body kept as it is")
            return raw
        }
    }
}
