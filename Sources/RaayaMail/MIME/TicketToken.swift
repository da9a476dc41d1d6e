/// The `[#1042]` tag Raaya puts in the subject of outgoing mail, so a reply finds its ticket even when its
/// mailer dropped In-Reply-To and References.
public enum TicketToken {
    /// The number in the first `[#N]` of a subject. Digits may be ASCII, Arabic-Indic (`[#١٠٤٢]`) or extended
    /// Arabic-Indic (Persian and Urdu keyboards), since phones write what their keyboard offers.
    public static func number(inSubject subject: String) -> Int? {
        let scalars = Array(subject.unicodeScalars)
        var index = 0
        while index + 2 < scalars.count {
            if scalars[index] == "[", scalars[index + 1] == "#" {
                var value = 0
                var digits = 0
                var cursor = index + 2
                while cursor < scalars.count, let digit = digitValue(scalars[cursor]), digits < 18 {
                    value = value * 10 + digit
                    digits += 1
                    cursor += 1
                }
                if digits > 0, cursor < scalars.count, scalars[cursor] == "]" { return value }
            }
            index += 1
        }
        return nil
    }

    /// The tag for a ticket number: `[#1042]`.
    public static func tag(_ number: Int) -> String {
        "[#\(number)]"
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x0660...0x0669: Int(scalar.value - 0x0660)
        case 0x06F0...0x06F9: Int(scalar.value - 0x06F0)
        default: nil
        }
    }
}
