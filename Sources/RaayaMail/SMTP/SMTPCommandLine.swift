/// A command line split into its verb and argument (RFC 5321 §4.1.1). The verb is upper-cased because commands are
/// case-insensitive; the argument keeps its case because local parts may not be.
struct SMTPCommandLine {
    let verb: String
    let argument: Substring

    init(_ line: String) {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let verbPart = trimmed.prefix { $0 != " " && $0 != "\t" }
        verb = verbPart.uppercased()
        var rest = trimmed.dropFirst(verbPart.count).drop { $0 == " " || $0 == "\t" }
        while let last = rest.last, last == " " || last == "\t" { rest.removeLast() }
        argument = rest
    }
}

/// The argument of MAIL or RCPT: `FROM:<a@b> SIZE=12 BODY=8BITMIME`.
struct SMTPPathArgument {
    struct Parameter {
        /// Upper-cased, as parameter keywords are case-insensitive (RFC 5321 §4.1.2).
        let keyword: String
        let value: Substring?
    }

    /// The path between the angle brackets, as given, without a source route; empty for `<>`.
    let path: String
    let parameters: [Parameter]

    /// Parses `keyword:path params`, tolerating a space after the colon, a path without angle brackets, quoted
    /// local parts (which may hold `>` or spaces) and the obsolete source route (RFC 5321 §4.1.3, §C).
    init?(_ argument: Substring, keyword: String) {
        guard argument.count > keyword.count, argument.prefix(keyword.count).uppercased() == keyword,
            argument.dropFirst(keyword.count).first == ":"
        else { return nil }
        let afterColon = argument.dropFirst(keyword.count + 1).drop { $0 == " " }

        let rest: Substring
        var path: Substring
        if afterColon.first == "<" {
            guard let close = Self.closingBracket(in: afterColon) else { return nil }
            path = afterColon[afterColon.index(after: afterColon.startIndex)..<close]
            rest = afterColon[afterColon.index(after: close)...]
        } else {
            path = afterColon.prefix { $0 != " " }
            guard !path.isEmpty else { return nil }
            rest = afterColon.dropFirst(path.count)
        }
        if path.first == "@" {
            guard let colon = path.firstIndex(of: ":") else { return nil }
            path = path[path.index(after: colon)...]
        }
        guard !path.contains(where: { $0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false }) else { return nil }
        self.path = String(path)

        parameters = rest.split(separator: " ").map { word in
            guard let equals = word.firstIndex(of: "=") else {
                return Parameter(keyword: word.uppercased(), value: nil)
            }
            return Parameter(keyword: word[..<equals].uppercased(), value: word[word.index(after: equals)...])
        }
    }

    /// The `>` that ends the path, skipping any inside a quoted local part.
    private static func closingBracket(in text: Substring) -> Substring.Index? {
        var inQuotes = false
        var escaped = false
        for index in text.indices.dropFirst() {
            let character = text[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ">" && !inQuotes {
                return index
            }
        }
        return nil
    }
}
