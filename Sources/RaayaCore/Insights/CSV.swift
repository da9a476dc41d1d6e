import Foundation

/// Comma-separated values as RFC 4180 writes them, for report exports: a field holding a comma, a double quote
/// or a line break is quoted (its quotes doubled), and lines end with CRLF.
///
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// gets a leading apostrophe, unless it is a plain number such as `-3` or `-0.5`: a customer's name must never
/// become a formula in a manager's spreadsheet.
public enum CSV {
    /// One line, CRLF included.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
