/// The charsets Raaya decodes; everything else is guessed (UTF-8, then Latin-1) and reported as a problem.
enum Charset: Sendable, Equatable {
    case utf8
    case ascii
    /// ISO-8859-1 labels are decoded as windows-1252, as browsers do: mailers that say Latin-1 usually mean it.
    case windows1252
    case windows1256
    case iso88596

    init?(label: String) {
        var name = label.trimmingBlanks().lowercased()
        if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 {
            name = String(name.dropFirst().dropLast())
        }
        // RFC 2231 lets a language follow the charset in encoded words: `utf-8*ar`.
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us": self = .ascii
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
            "x-cp1252", "iso_8859-1:1987":
            self = .windows1252
        case "windows-1256", "cp1256", "x-cp1256", "ms-arab": self = .windows1256
        case "iso-8859-6", "iso8859-6", "iso_8859-6", "iso_8859-6:1987", "arabic", "asmo-708", "ecma-114",
            "iso-8859-6-i", "iso-8859-6-e":
            self = .iso88596
        default: return nil
        }
    }

    /// Decodes `bytes`; the problem is non-nil when bytes had to be replaced or the label did not fit them.
    func decode(_ bytes: [UInt8]) -> (text: String, problem: String?) {
        switch self {
        case .utf8:
            return Self.decodeUTF8(bytes)
        case .ascii:
            if bytes.isASCII { return (String(decoding: bytes, as: UTF8.self), nil) }
            // 8-bit bytes under an ASCII label are almost always UTF-8 from a mislabelling mailer.
            if let text = String(validating: bytes, as: UTF8.self) {
                return (text, "us-ascii text held 8-bit bytes; decoded as UTF-8")
            }
            return (Self.decodeWindows1252(bytes), "us-ascii text held 8-bit bytes; decoded as windows-1252")
        case .windows1252:
            return (Self.decodeWindows1252(bytes), nil)
        case .windows1256:
            return (Self.decodeSingleByte(bytes) { UInt32(SingleByteTables.windows1256High[Int($0 - 0x80)]) }, nil)
        case .iso88596:
            var unassigned = false
            let text = Self.decodeSingleByte(bytes) { byte in
                if let scalar = SingleByteTables.iso88596(byte) { return scalar }
                unassigned = true
                return 0xFFFD
            }
            return (text, unassigned ? "iso-8859-6 text held unassigned bytes; replaced with U+FFFD" : nil)
        }
    }

    static func decodeUTF8(_ bytes: [UInt8]) -> (text: String, problem: String?) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        return (String(decoding: bytes, as: UTF8.self), "invalid UTF-8 replaced with U+FFFD")
    }

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        decodeSingleByte(bytes) { byte in
            byte < 0xA0 ? UInt32(SingleByteTables.windows1252High[Int(byte - 0x80)]) : UInt32(byte)
        }
    }

    /// `high` maps bytes 0x80–0xFF; ASCII passes through, so the table never sees it.
    private static func decodeSingleByte(_ bytes: [UInt8], high: (UInt8) -> UInt32) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : high(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}

enum TextDecoding {
    /// Decodes text whose charset label may be missing or unknown. Unlabelled text is UTF-8 when it validates and
    /// windows-1252 otherwise; an unknown label is tried the same way and reported.
    static func decode(_ bytes: [UInt8], charset label: String?) -> (text: String, problem: String?) {
        if let label, let charset = Charset(label: label) {
            return charset.decode(bytes)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, label.map { "unknown charset \"\($0)\"; decoded as UTF-8" })
        }
        let text = Charset.decodeWindows1252(bytes)
        return (text, "\(label.map { "unknown charset \"\($0)\"" } ?? "unlabelled 8-bit text"); decoded as Latin-1")
    }
}
