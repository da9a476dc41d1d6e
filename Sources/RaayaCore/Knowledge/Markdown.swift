/// The Markdown agents write articles in, rendered to HTML on the server.
///
/// A deliberate subset: paragraphs, headings (`#`–`###`), bulleted and numbered lists, `**bold**`, `*italic*`,
/// `` `code` `` and `[links](…)`. Everything else is text. Safety comes from construction, not from cleaning
/// afterwards: every character of the author's text is escaped, the only tags are the ones this renderer writes,
/// and a link's target must be a relative path, `https:`, `http:` or `mailto:` (anything else, `javascript:`
/// included, is shown as text).
public enum Markdown {
    public static func html(_ source: String) -> String {
        var output = ""
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output += "<p>" + paragraph.map(inline).joined(separator: "<br>") + "</p>\n"
            paragraph = []
        }
        func flushList() {
            guard let current = list else { return }
            let tag = current.ordered ? "ol" : "ul"
            output += "<\(tag)>" + current.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>\n"
            list = nil
        }

        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if let (level, text) = heading(line) {
                flushParagraph()
                flushList()
                output += "<h\(level)>\(inline(text))</h\(level)>\n"
            } else if let (ordered, text) = listItem(line) {
                flushParagraph()
                if list?.ordered != ordered { flushList() }
                list = (ordered, (list?.items ?? []) + [text])
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return output
    }

    /// The text a reader sees, without Markdown's marks: for search, previews and the bot's answers.
    public static func plainText(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { rawLine -> String in
            var line = String(rawLine).trimmingWhitespace()
            if let (_, text) = heading(line) { line = text }
            if let (_, text) = listItem(line) { line = text }
            return plainInline(line)
        }.joined(separator: "\n")
    }

    /// The first paragraph's plain text: an article's short answer.
    public static func firstParagraph(_ source: String) -> String {
        let blocks = plainText(source).components(separatedBy: "\n\n").map { $0.trimmingWhitespace() }
        return blocks.first { !$0.isEmpty } ?? ""
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        // Pages keep h1 for the article's title.
        return (min(hashes + 1, 4), String(line.dropFirst(hashes + 1)).trimmingWhitespace())
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(") ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline marks of one line, everything else escaped.
    private static func inline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let first = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                output += "<strong>" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])) + "</strong>"
                rest = rest[end.upperBound...]
            } else if first == "*", let end = rest.dropFirst().firstIndex(of: "*"), end > rest.index(after: rest.startIndex) {
                output += "<em>" + inline(String(rest[rest.index(after: rest.startIndex)..<end])) + "</em>"
                rest = rest[rest.index(after: end)...]
            } else if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                output += "<code>" + HTMLEscaping.escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>"
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let link = link(at: rest) {
                output += link.html
                rest = rest[link.end...]
            } else {
                output += HTMLEscaping.escape(String(first))
                rest = rest.dropFirst()
            }
        }
        return output
    }

    /// `[text](target)` at the start of `text`, if it is one with a target this renderer links to.
    private static func link(at text: Substring) -> (html: String, end: Substring.Index)? {
        guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix("("),
            let end = text[close...].firstIndex(of: ")")
        else { return nil }
        let label = String(text[text.index(after: text.startIndex)..<close])
        let target = String(text[text.index(close, offsetBy: 2)..<end]).trimmingWhitespace()
        guard isSafe(target) else { return nil }
        let external = target.hasPrefix("http")
        return (
            "<a href=\"\(HTMLEscaping.escape(target))\"\(external ? " rel=\"noopener noreferrer nofollow\"" : "")>\(inline(label))</a>",
            text.index(after: end)
        )
    }

    private static func isSafe(_ target: String) -> Bool {
        let lower = target.lowercased()
        if lower.hasPrefix("/") { return !lower.hasPrefix("//") }
        return ["https://", "http://", "mailto:"].contains { lower.hasPrefix($0) } && !target.contains(where: \.isWhitespace)
    }

    private static func plainInline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                let end = rest[close...].firstIndex(of: ")")
            {
                output += plainInline(String(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: end)...]
            } else if "*`".contains(first) {
                rest = rest.dropFirst()
            } else {
                output.append(first)
                rest = rest.dropFirst()
            }
        }
        return output
    }
}
