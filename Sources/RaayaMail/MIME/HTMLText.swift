/// Plain text from an HTML body, for mail that has no text/plain alternative: what a reader would see,
/// line by line, with quoted blocks marked by `>` so reply folding can find them.
enum HTMLText {
    private static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "tr", "table", "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "dl", "dt", "dd", "section", "article", "header", "footer", "address", "center",
        "form", "fieldset", "body", "html",
    ]
    /// Elements whose content a reader never sees.
    private static let invisible: Set<String> = HTMLTokenizer.rawTextElements.union([
        "head", "template", "svg", "math", "object", "applet", "select",
    ])

    static func plainText(fromHTML html: String) -> String {
        var writer = LineWriter()
        var hidden: SkippedElement?
        var preDepth = 0
        for token in HTMLTokenizer.tokenize(html) {
            if let ended = hidden?.ends(at: token) {
                if ended { hidden = nil }
                continue
            }
            switch token {
            case .text(let text):
                preDepth > 0 ? writer.writePreformatted(text) : writer.write(text)
            case .startTag(let name, _, let selfClosing):
                if invisible.contains(name) {
                    hidden = SkippedElement(name: name, selfClosing: selfClosing)
                } else if name == "br" {
                    writer.breakLine(force: true)
                } else if name == "td" || name == "th" {
                    writer.separateWords()
                } else if blockElements.contains(name) {
                    writer.breakLine()
                    if name == "blockquote" { writer.quoteDepth += 1 }
                    if name == "pre" { preDepth += 1 }
                }
            case .endTag(let name):
                guard blockElements.contains(name) else { continue }
                writer.breakLine()
                if name == "blockquote" { writer.quoteDepth = max(0, writer.quoteDepth - 1) }
                if name == "pre" { preDepth = max(0, preDepth - 1) }
            }
        }
        return writer.finish()
    }

    /// The charset a `<meta>` near the top declares, for HTML parts whose Content-Type names none.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map(ASCII.lowercased)
        let key = Array("charset=".utf8)
        var index = 0
        while index + key.count < head.count {
            if Array(head[index..<(index + key.count)]) == key {
                var cursor = index + key.count
                while cursor < head.count, head[cursor] == ASCII.quote || head[cursor] == 0x27 { cursor += 1 }
                let start = cursor
                while cursor < head.count, isCharsetByte(head[cursor]) { cursor += 1 }
                return cursor > start ? String(decoding: head[start..<cursor], as: UTF8.self) : nil
            }
            index += 1
        }
        return nil
    }

    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x61...0x7A, ASCII.hyphen, ASCII.underscore, 0x2E, ASCII.colon: true
        default: false
        }
    }
}

/// Collects text into lines: whitespace collapses as in a browser, block boundaries start a new line once,
/// `<br>` always does, and each line carries the `> ` marks of the blockquotes it sits in.
private struct LineWriter {
    var quoteDepth = 0
    private var lines: [String] = []
    private var current = ""
    private var currentQuoteDepth = 0
    private var pendingSpace = false

    mutating func write(_ text: String) {
        for character in text {
            if character.isWhitespace && character != "\u{A0}" {
                pendingSpace = true
            } else {
                if current.isEmpty {
                    currentQuoteDepth = quoteDepth
                } else if pendingSpace {
                    current.append(" ")
                }
                pendingSpace = false
                // A no-break space is content (Outlook's `<p>&nbsp;</p>` is a blank line), shown as a space.
                current.append(character == "\u{A0}" ? " " : character)
            }
        }
    }

    mutating func writePreformatted(_ text: String) {
        for (number, line) in text.splitIntoLines().enumerated() {
            if number > 0 { breakLine(force: true) }
            if current.isEmpty { currentQuoteDepth = quoteDepth }
            current += line
        }
    }

    mutating func separateWords() {
        if !current.isEmpty { pendingSpace = true }
    }

    mutating func breakLine(force: Bool = false) {
        guard force || !current.isEmpty else { return }
        let depth = current.isEmpty ? quoteDepth : currentQuoteDepth
        let marks = String(repeating: ">", count: depth)
        var trimmed = Substring(current)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        let text = String(trimmed)
        lines.append(depth == 0 ? text : text.isEmpty ? marks : marks + " " + text)
        current = ""
        pendingSpace = false
    }

    /// Joins the lines, keeping at most one blank line in a row and none at either end.
    mutating func finish() -> String {
        breakLine()
        var result: [String] = []
        for line in lines {
            if line.isEmpty && (result.last?.isEmpty ?? true) { continue }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }
}
