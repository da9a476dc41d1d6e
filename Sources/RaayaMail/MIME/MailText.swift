/// Text-level reading of a mail body: what the customer newly wrote, apart from what they quoted.
public enum MailText {
    /// Separates the new text of a reply from the quoted conversation and signature below or around it.
    /// Quoted text starts at the first of: an attribution (`On … wrote:`, possibly wrapped over lines, or the
    /// Arabic `في … كتب:`), an Outlook separator (`-----Original Message-----`, `-----الرسالة الأصلية-----`,
    /// a line of underscores), an Outlook `From:`/`Sent:` block (in English or Arabic), or a signature line
    /// `-- `. Lines starting with `>` before that are quoted too. When nothing new is left, `new` is the whole
    /// text, so a message never shows as empty.
    public static func splitQuoted(_ text: String) -> (new: String, quoted: String) {
        let lines = text.splitIntoLines()
        let cut = lines.indices.first { isQuoteStart(lines, at: $0) } ?? lines.count
        var newLines: [String] = []
        var quotedLines: [String] = []
        for line in lines[..<cut] {
            if line.drop(while: { $0 == " " }).hasPrefix(">") {
                quotedLines.append(line)
            } else {
                newLines.append(line)
            }
        }
        quotedLines += lines[cut...]
        let new = newLines.joined(separator: "\n").trimmingBlanks()
        guard !new.isEmpty else { return (text.trimmingBlanks(), "") }
        return (new, quotedLines.joined(separator: "\n").trimmingBlanks())
    }

    /// Readable text from an HTML body: tags removed, block elements and `<br>` as line breaks, character
    /// references decoded, the content of `<head>`, `<style>` and `<script>` dropped, blockquotes marked `>`.
    public static func plainText(fromHTML html: String) -> String {
        HTMLText.plainText(fromHTML: html)
    }

    private static let englishAttributionEnd = "wrote:"
    private static let arabicAttributionEnd = "كتب:"
    private static let separators = ["original message", "الرسالة الأصلية", "الرسالة الاصلية"]
    private static let fromLabels = ["from:", "من:"]
    private static let sentLabels = ["sent:", "date:", "تاريخ الإرسال:", "تم الإرسال:", "أرسل:", "التاريخ:"]

    private static func isQuoteStart(_ lines: [String], at index: Int) -> Bool {
        let raw = lines[index]
        if raw == "-- " || raw == "--" { return true }
        let line = normalized(raw)
        guard !line.isEmpty else { return false }
        if isAttributionStart(line) {
            // Gmail wraps long attributions; the end may follow within two lines.
            var joined = line
            for next in index..<min(index + 3, lines.count) {
                if next > index {
                    let following = normalized(lines[next])
                    if following.isEmpty { break }
                    joined += " " + following
                }
                if isAttributionEnd(joined) { return isPlausibleAttribution(joined) }
            }
        } else if line.hasSuffix(arabicAttributionEnd) && line.contains("@") {
            return true
        }
        let lowered = line.lowercased()
        if lowered.hasPrefix("--"), lowered.hasSuffix("--") {
            let inner = lowered.trimmingCharacters(in: "-").trimmingBlanks()
            if separators.contains(inner) { return true }
        }
        if line.count >= 10, line.allSatisfy({ $0 == "_" }) {
            return index + 1 < lines.count && startsFromBlock(lines, at: index + 1)
        }
        return startsFromBlock(lines, at: index)
    }

    private static func isAttributionStart(_ line: String) -> Bool {
        line.hasPrefix("On ") || line.hasPrefix("في ")
    }

    /// Gmail in Arabic writes either `… كتب:` or `… كتب Name <address>:`.
    private static func isAttributionEnd(_ line: String) -> Bool {
        line.hasSuffix(englishAttributionEnd) || line.hasSuffix(arabicAttributionEnd)
            || (line.hasSuffix(":") && line.contains(" كتب "))
    }

    /// Mailers put a date or an address in the attribution; requiring one keeps a customer's own sentence
    /// ("في رسالتك السابقة كتب:") from hiding the rest of their message.
    private static func isPlausibleAttribution(_ text: String) -> Bool {
        text.contains("@")
            || text.unicodeScalars.contains { (0x30...0x39).contains($0.value) || (0x660...0x669).contains($0.value) }
    }

    /// `From:` followed within five lines by `Sent:` or `Date:` (or their Arabic labels), as Outlook writes
    /// the header of the message it quotes.
    private static func startsFromBlock(_ lines: [String], at index: Int) -> Bool {
        guard hasLabel(normalized(lines[index]), fromLabels) else { return false }
        for next in (index + 1)..<min(index + 6, lines.count) where hasLabel(normalized(lines[next]), sentLabels) {
            return true
        }
        return false
    }

    private static func hasLabel(_ line: String, _ labels: [String]) -> Bool {
        let lowered = line.lowercased()
        return labels.contains { lowered.hasPrefix($0) }
    }

    /// The line without bidi controls (Arabic mailers wrap attributions in them), surrounding blanks, or the
    /// `*` that Outlook's plain text uses for bold labels.
    private static func normalized(_ line: String) -> String {
        let bidiControls: ClosedRange<UInt32> = 0x202A...0x202E
        let isolates: ClosedRange<UInt32> = 0x2066...0x2069
        var scalars = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            let value = scalar.value
            if value == 0x200E || value == 0x200F || value == 0x061C || bidiControls.contains(value)
                || isolates.contains(value) || scalar == "*"
            {
                continue
            }
            scalars.append(scalar)
        }
        return String(scalars).trimmingBlanks()
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        guard let first = firstIndex(where: { $0 != character }), let last = lastIndex(where: { $0 != character })
        else { return "" }
        return String(self[first...last])
    }
}
