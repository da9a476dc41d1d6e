import Foundation

/// A canned reply's text with placeholders filled in for the ticket at hand.
///
/// Placeholders are `{{name}}` with one of `names`; spaces inside the braces are allowed. An unknown name is
/// refused when the macro is saved (so a typo never reaches a customer), and a known one without a value (a
/// customer without a name) becomes empty.
public enum MacroText {
    public static let names = ["customer.name", "customer.email", "ticket.id", "ticket.subject", "agent.name"]

    /// The placeholders of `text` that are not one of `names`, in order of appearance.
    public static func unknownPlaceholders(in text: String) -> [String] {
        placeholders(in: text).map(\.name).filter { !names.contains($0) }
    }

    public static func render(_ text: String, values: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        for placeholder in placeholders(in: text) {
            result += rest[rest.startIndex..<placeholder.range.lowerBound]
            result += values[placeholder.name] ?? ""
            rest = rest[placeholder.range.upperBound...]
        }
        return result + rest
    }

    private static func placeholders(in text: String) -> [(name: String, range: Range<String.Index>)] {
        var found: [(String, Range<String.Index>)] = []
        var searchFrom = text.startIndex
        while let open = text.range(of: "{{", range: searchFrom..<text.endIndex),
            let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
        {
            let name = String(text[open.upperBound..<close.lowerBound]).trimmingWhitespace()
            found.append((name, open.lowerBound..<close.upperBound))
            searchFrom = close.upperBound
        }
        return found
    }
}
