/// How a customer is recognised across channels: one customer per email address and per phone number.
public enum Identity {
    /// Lower-cased, trimmed address if it looks like one a mail server would accept; nil otherwise.
    public static func normalizedEmail(_ raw: String) -> String? {
        let email = raw.trimmingWhitespace().lowercased()
        guard email.utf8.count <= 254 else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return nil }
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return nil }
        guard !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }) else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else { return nil }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return nil }
        return email
    }

    /// `+` and digits only (Arabic-Indic digits accepted), 6 to 15 digits; nil otherwise.
    public static func normalizedPhone(_ raw: String) -> String? {
        var digits = ""
        var plus = false
        for scalar in raw.unicodeScalars {
            if let digit = asciiDigit(scalar) {
                digits.unicodeScalars.append(digit)
            } else if scalar == "+" && digits.isEmpty && !plus {
                plus = true
            } else if scalar == " " || scalar == "-" || scalar == "(" || scalar == ")" || scalar == "." {
                continue
            } else {
                return nil
            }
        }
        guard (6...15).contains(digits.count) else { return nil }
        return (plus ? "+" : "") + digits
    }

    /// A whole number typed in ASCII, Arabic-Indic or Eastern Arabic-Indic digits (an optional leading `-` or,
    /// for ticket numbers, `#`); nil for anything else.
    public static func wholeNumber(_ text: String) -> Int? {
        var scalars = Substring(text.trimmingWhitespace()).unicodeScalars[...]
        if scalars.first == "#" { scalars = scalars.dropFirst() }
        return Int(withASCIIDigits(String(String.UnicodeScalarView(scalars))))
    }

    /// `text` with its Arabic-Indic and Eastern Arabic-Indic digits written as ASCII ones.
    public static func withASCIIDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { asciiDigit($0) ?? $0 }))
    }

    /// ASCII digits, Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as an ASCII digit.
    public static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30...0x39: scalar
        case 0x660...0x669: Unicode.Scalar(scalar.value - 0x660 + 0x30)
        case 0x6F0...0x6F9: Unicode.Scalar(scalar.value - 0x6F0 + 0x30)
        default: nil
        }
    }
}
