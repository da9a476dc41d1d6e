import RaayaCore
/// Makes customer HTML safe to show inside Raaya's pages with an allow-list: known-harmless elements and
/// attributes pass, everything else is removed, and the result is re-serialized from tokens, so no markup the
/// input smuggled in can survive as markup.
public enum HTMLSanitizer {
    private static let allowedElements: Set<String> = [
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "blockquote", "pre", "code", "ul", "ol", "li",
        "a", "img", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    ]
    private static let voidElements: Set<String> = ["br", "hr", "img"]
    /// Removed with everything inside them: active content, forms, foreign markup and the document head.
    private static let droppedWithContent: Set<String> = HTMLTokenizer.rawTextElements.union([
        "object", "applet", "form", "svg", "math", "head", "template", "select", "frameset",
    ])
    /// Deeper nesting only serves to slow down whoever renders it.
    private static let maxOpenElements = 256

    /// The sanitized HTML: text and attribute values re-escaped, links opening in a new tab without referrer,
    /// allowed elements left open closed at the end and stray end tags dropped.
    public static func sanitize(_ html: String) -> String {
        var output = ""
        var open: [String] = []
        var dropping: SkippedElement?
        for token in HTMLTokenizer.tokenize(html) {
            if let ended = dropping?.ends(at: token) {
                if ended { dropping = nil }
                continue
            }
            switch token {
            case .text(let text):
                output += HTMLEscaping.escape(text)
            case .startTag(let name, let attributes, let selfClosing):
                if droppedWithContent.contains(name) {
                    dropping = SkippedElement(name: name, selfClosing: selfClosing)
                } else if allowedElements.contains(name) && open.count < maxOpenElements {
                    output += "<" + name + safeAttributes(attributes, of: name) + ">"
                    if !voidElements.contains(name) { open.append(name) }
                }
            case .endTag(let name):
                guard let position = open.lastIndex(of: name) else { continue }
                for element in open[position...].reversed() { output += "</\(element)>" }
                open.removeSubrange(position...)
            }
        }
        for element in open.reversed() { output += "</\(element)>" }
        return output
    }

    private static func safeAttributes(_ attributes: [HTMLTokenizer.Attribute], of element: String) -> String {
        var kept: [(String, String)] = []
        for attribute in attributes {
            let value = attribute.value
            switch (attribute.name, element) {
            case ("href", "a"):
                if let url = cleanedURL(value), hasScheme(url, in: ["http:", "https:", "mailto:"]) {
                    kept.append(("href", url))
                }
            case ("src", "img"):
                if let url = cleanedURL(value), isSafeImageSource(url) { kept.append(("src", url)) }
            case ("alt", _), ("title", _):
                kept.append((attribute.name, value))
            case ("dir", _):
                let direction = value.trimmingBlanks().lowercased()
                if ["ltr", "rtl", "auto"].contains(direction) { kept.append(("dir", direction)) }
            case ("colspan", "td"), ("colspan", "th"), ("rowspan", "td"), ("rowspan", "th"):
                if let span = Int(value.trimmingBlanks()), (1...1000).contains(span) {
                    kept.append((attribute.name, String(span)))
                }
            default:
                break
            }
        }
        if element == "a" && kept.contains(where: { $0.0 == "href" }) {
            kept.append(("rel", "noopener noreferrer nofollow"))
            kept.append(("target", "_blank"))
        }
        return kept.map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()
    }

    /// A URL as a browser reads it: surrounding controls and spaces stripped, tabs and line breaks removed
    /// anywhere. What remains must start with an allowed scheme exactly, so `jav&#x09;ascript:` or
    /// `\u{1}javascript:` cannot pass as something else.
    private static func cleanedURL(_ value: String) -> String? {
        var scalars = Array(value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        return scalars.isEmpty ? nil : String(String.UnicodeScalarView(scalars))
    }

    private static func hasScheme(_ url: String, in schemes: [String]) -> Bool {
        let lowered = url.lowercased()
        return schemes.contains { lowered.hasPrefix($0) }
    }

    /// Images may come from the message itself (`cid:`), over HTTPS, or inline as PNG, JPEG or GIF data; SVG
    /// data can carry script and plain HTTP would leak the reader's address unencrypted.
    private static func isSafeImageSource(_ url: String) -> Bool {
        if hasScheme(url, in: ["cid:", "https:"]) { return true }
        let lowered = url.lowercased()
        return ["data:image/png", "data:image/jpeg", "data:image/gif"].contains { prefix in
            guard lowered.hasPrefix(prefix) else { return false }
            let next = lowered.dropFirst(prefix.count).first
            return next == ";" || next == ","
        }
    }
}
