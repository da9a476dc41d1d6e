/// A small HTML tokenizer after the HTML5 rules that matter for reading mail safely: tag names end only at
/// whitespace, `/` or `>`; attributes may be quoted either way or not at all; comments, CDATA, doctypes and
/// processing instructions are skipped; the content of raw-text elements (`script`, `style`, …) is skipped
/// up to its end tag, so markup inside it never becomes tags.
struct HTMLTokenizer {
    enum Token: Equatable {
        /// Text with character references decoded.
        case text(String)
        /// A start tag, name lowercased, attributes decoded, the first of duplicate names kept.
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
    }

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// Elements whose content is text up to the matching end tag, never markup.
    static let rawTextElements: Set<String> = [
        "script", "style", "iframe", "noembed", "noframes", "noscript", "xmp", "textarea", "title", "plaintext",
    ]

    static func tokenize(_ html: String) -> [Token] {
        var tokenizer = HTMLTokenizer(scalars: Array(html.unicodeScalars))
        tokenizer.run()
        return tokenizer.tokens
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var tokens: [Token] = []
    private var text = String.UnicodeScalarView()

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func at(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func run() {
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<" else {
                text.append(scalar)
                index += 1
                continue
            }
            let next = at(1)
            if let next, isASCIILetter(next) {
                startTag()
            } else if next == "/" {
                if let letter = at(2), isASCIILetter(letter) {
                    endTag()
                } else {
                    skip(past: ">")  // `</>` and `</ …>` are bogus comments
                }
            } else if next == "!" {
                if starts(with: "<!--") {
                    index += 4
                    skipComment()
                } else if starts(with: "<![CDATA[") {
                    skip(past: "]]>")
                } else {
                    skip(past: ">")
                }
            } else if next == "?" {
                skip(past: ">")
            } else {
                text.append(scalar)
                index += 1
            }
        }
        flushText()
    }

    private mutating func flushText() {
        if !text.isEmpty { tokens.append(.text(HTMLEntities.decode(String(text)))) }
        text = String.UnicodeScalarView()
    }

    private func starts(with prefix: String, ignoringCase: Bool = false) -> Bool {
        var offset = 0
        for expected in prefix.unicodeScalars {
            guard let actual = at(offset) else { return false }
            if ignoringCase ? lowercased(actual) != lowercased(expected) : actual != expected { return false }
            offset += 1
        }
        return true
    }

    private mutating func skip(past terminator: String) {
        while index < scalars.count && !starts(with: terminator) { index += 1 }
        index = min(index + terminator.unicodeScalars.count, scalars.count)
    }

    /// Comments end at `-->` or the `--!>` browsers also accept; `<!-->` is an empty comment.
    private mutating func skipComment() {
        if starts(with: ">") || starts(with: "->") {
            index += starts(with: ">") ? 1 : 2
            return
        }
        while index < scalars.count && !starts(with: "-->") && !starts(with: "--!>") { index += 1 }
        index = min(index + (starts(with: "--!>") ? 4 : 3), scalars.count)
    }

    private mutating func readName() -> String {
        var name = String.UnicodeScalarView()
        while let scalar = at(0), !isWhitespace(scalar), scalar != "/", scalar != ">" {
            name.append(lowercased(scalar))
            index += 1
        }
        return String(name)
    }

    private mutating func startTag() {
        index += 1
        let name = readName()
        var attributes: [Attribute] = []
        var selfClosing = false
        var closed = false
        while let scalar = at(0) {
            if isWhitespace(scalar) {
                index += 1
            } else if scalar == ">" {
                index += 1
                closed = true
                break
            } else if scalar == "/" {
                index += 1
                if at(0) == ">" {
                    selfClosing = true
                    index += 1
                    closed = true
                    break
                }
            } else {
                let attribute = readAttribute()
                if !attributes.contains(where: { $0.name == attribute.name }) { attributes.append(attribute) }
            }
        }
        // A tag cut off by the end of the input is dropped, as browsers do.
        guard closed else {
            index = scalars.count
            return
        }
        flushText()
        tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
        if Self.rawTextElements.contains(name) { skipRawText(of: name) }
    }

    private mutating func readAttribute() -> Attribute {
        var name = String.UnicodeScalarView()
        // The first character may be `=`; after that `=` separates the value.
        repeat {
            guard let scalar = at(0) else { break }
            name.append(lowercased(scalar))
            index += 1
        } while at(0).map { !isWhitespace($0) && $0 != "/" && $0 != ">" && $0 != "=" } ?? false
        var lookahead = index
        while lookahead < scalars.count, isWhitespace(scalars[lookahead]) { lookahead += 1 }
        guard lookahead < scalars.count, scalars[lookahead] == "=" else {
            return Attribute(name: String(name), value: "")
        }
        index = lookahead + 1
        while let scalar = at(0), isWhitespace(scalar) { index += 1 }
        var value = String.UnicodeScalarView()
        if let quote = at(0), quote == "\"" || quote == "'" {
            index += 1
            while let scalar = at(0), scalar != quote {
                value.append(scalar)
                index += 1
            }
            index += 1
        } else {
            while let scalar = at(0), !isWhitespace(scalar), scalar != ">" {
                value.append(scalar)
                index += 1
            }
        }
        return Attribute(name: String(name), value: HTMLEntities.decode(String(value), inAttribute: true))
    }

    private mutating func endTag() {
        index += 2
        let name = readName()
        skip(past: ">")
        flushText()
        tokens.append(.endTag(name: name))
    }

    /// Skips to `</name` followed by whitespace, `/` or `>`, leaving the end tag to be read as usual.
    private mutating func skipRawText(of name: String) {
        let endTag = "</" + name
        let afterName = 2 + name.unicodeScalars.count
        while index < scalars.count {
            if scalars[index] == "<" && starts(with: endTag, ignoringCase: true) {
                let after = at(afterName)
                if after == nil || after.map({ isWhitespace($0) || $0 == "/" || $0 == ">" }) == true { return }
            }
            index += 1
        }
    }

    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
    }
}

/// Follows an element whose content is being skipped through nested elements of the same name to its end.
struct SkippedElement {
    let name: String
    private var depth = 1

    /// Skipping starts at a start tag; a self-closing one has no content, except for raw-text elements, which
    /// HTML never treats as self-closing.
    init?(name: String, selfClosing: Bool) {
        guard !selfClosing || HTMLTokenizer.rawTextElements.contains(name) else { return nil }
        self.name = name
    }

    /// Whether `token` ends the skipped element: its own end tag at the outer level, or, since `</head>` is
    /// optional, the start of the body.
    mutating func ends(at token: HTMLTokenizer.Token) -> Bool {
        switch token {
        case .startTag(let tag, _, let selfClosing) where tag == name && !selfClosing:
            depth += 1
        case .endTag(let tag) where tag == name:
            depth -= 1
            return depth == 0
        case .startTag("body", _, _) where name == "head":
            return true
        default:
            break
        }
        return false
    }
}
