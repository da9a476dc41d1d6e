/// Quoted-printable (RFC 2045 §6.7) for bodies, and the Q variant of RFC 2047 for header words.
enum QuotedPrintable {
    /// Decodes a body. Trailing blanks on a line are transport padding and dropped; `=` at the end of a line is a
    /// soft break; `=` not followed by two hex digits (either case) is kept as it is, as most readers do.
    static func decode(_ encoded: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count)
        for line in encoded.lines() {
            var end = line.content.upperBound
            while end > line.content.lowerBound && ASCII.isBlank(encoded[end - 1]) { end -= 1 }
            var softBreak = false
            var index = line.content.lowerBound
            while index < end {
                let byte = encoded[index]
                if byte == ASCII.equals {
                    if index + 1 == end {
                        softBreak = true
                        break
                    }
                    if index + 2 < end, let high = ASCII.hexValue(encoded[index + 1]),
                        let low = ASCII.hexValue(encoded[index + 2])
                    {
                        output.append(high << 4 | low)
                        index += 3
                        continue
                    }
                }
                output.append(byte)
                index += 1
            }
            if !softBreak {
                output.append(contentsOf: encoded[line.content.upperBound..<line.next])
            }
        }
        return output
    }

    /// Decodes the text of a Q encoded word: like the body form, with `_` standing for a space.
    static func decodeWord(_ encoded: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            if byte == ASCII.underscore {
                output.append(ASCII.space)
            } else if byte == ASCII.equals, index + 2 < encoded.count, let high = ASCII.hexValue(encoded[index + 1]),
                let low = ASCII.hexValue(encoded[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// Encodes text as UTF-8 quoted-printable lines of at most 76 characters. Escapes are whole per Unicode
    /// scalar, so a soft break never falls inside an `=XX` or between the bytes of one character. A `.` or
    /// `From ` at the start of a line is escaped too, so neither SMTP dot handling nor mbox quoting can alter it.
    static func encode(_ text: String) -> [String] {
        var lines: [String] = []
        for hardLine in text.splitIntoLines() {
            let scalars = Array(hardLine.unicodeScalars)
            var line = ""
            for (position, scalar) in scalars.enumerated() {
                let isLast = position == scalars.count - 1
                var token = escape(scalar, atLineEnd: isLast)
                if line.count + token.count > 75 {
                    lines.append(line + "=")
                    line = ""
                }
                if line.isEmpty {
                    let startsFrom = scalar == "F" && scalars[position...].starts(with: "From ".unicodeScalars)
                    if scalar == "." || startsFrom { token = escapeBytes(Array(String(scalar).utf8)) }
                }
                line += token
            }
            lines.append(line)
        }
        return lines
    }

    private static func escape(_ scalar: Unicode.Scalar, atLineEnd: Bool) -> String {
        switch scalar.value {
        case 0x21...0x3C, 0x3E...0x7E: String(scalar)
        case 0x20, 0x09: atLineEnd ? escapeBytes([UInt8(scalar.value)]) : String(scalar)
        default: escapeBytes(Array(String(scalar).utf8))
        }
    }

    private static func escapeBytes(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        for byte in bytes {
            output += [ASCII.equals, ASCII.hexDigit(byte >> 4), ASCII.hexDigit(byte & 0x0F)]
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    /// Lines split at CRLF, CR or LF. Swift treats CRLF as one Character, so splitting on scalars is what works.
    func splitIntoLines() -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }
}
