/// A structured field value with parameters, as in Content-Type and Content-Disposition (RFC 2045 §5.1):
/// `type/subtype; name=value; name="quoted value"`, with RFC 2231 extensions for charsets and long values.
struct HeaderParameters {
    /// The value before the first `;`, lowercased: `text/plain`, `attachment`.
    var value: String
    /// Parameters by lowercased name, with RFC 2231 sections joined and every value decoded to text.
    var parameters: [String: String]

    init(_ field: String) {
        let segments = Self.segments(Array(field.utf8))
        value = String(decoding: segments.first ?? [], as: UTF8.self).trimmingBlanks().lowercased()
            .filter { $0 != "\"" }
        var plain: [String: String] = [:]
        var sections: [String: [Section]] = [:]
        for segment in segments.dropFirst() {
            guard let (name, rawValue) = Self.nameAndValue(segment) else { continue }
            if let section = Section(name: name, value: rawValue) {
                sections[section.baseName, default: []].append(section)
            } else if plain[name] == nil {
                // Mailers such as Outlook put encoded words in quoted values though RFC 2047 forbids it there.
                plain[name] = EncodedWords.decode(rawValue)
            }
        }
        for (name, parts) in sections {
            // An RFC 2231 value is the better-specified one when a sender gives both.
            plain[name] = Section.join(parts)
        }
        parameters = plain
    }

    /// Splits at `;` outside quoted strings, dropping comments `( … )` on the way.
    private static func segments(_ bytes: [UInt8]) -> [[UInt8]] {
        var segments: [[UInt8]] = []
        var current: [UInt8] = []
        var inQuote = false
        var commentDepth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuote {
                current.append(byte)
                if byte == 0x5C, index + 1 < bytes.count {
                    current.append(bytes[index + 1])
                    index += 1
                } else if byte == ASCII.quote {
                    inQuote = false
                }
            } else if commentDepth > 0 {
                if byte == 0x28 { commentDepth += 1 }
                if byte == 0x29 { commentDepth -= 1 }
                if byte == 0x5C { index += 1 }
            } else if byte == 0x28 {
                commentDepth = 1
            } else if byte == 0x3B {
                segments.append(current)
                current = []
            } else {
                if byte == ASCII.quote { inQuote = true }
                current.append(byte)
            }
            index += 1
        }
        segments.append(current)
        return segments
    }

    /// `name = value` with the value unquoted; the name lowercased.
    private static func nameAndValue(_ segment: [UInt8]) -> (String, String)? {
        guard let equals = segment.firstIndex(of: ASCII.equals) else { return nil }
        let name = String(decoding: segment[..<equals], as: UTF8.self).trimmingBlanks().lowercased()
        guard !name.isEmpty else { return nil }
        var raw = Array(segment[(equals + 1)...])
        while let first = raw.first, ASCII.isBlank(first) || first == ASCII.cr || first == ASCII.lf {
            raw.removeFirst()
        }
        guard raw.first == ASCII.quote else {
            return (name, String(decoding: raw, as: UTF8.self).trimmingBlanks())
        }
        var unquoted: [UInt8] = []
        var index = 1
        while index < raw.count, raw[index] != ASCII.quote {
            if raw[index] == 0x5C, index + 1 < raw.count { index += 1 }
            unquoted.append(raw[index])
            index += 1
        }
        return (name, String(decoding: unquoted, as: UTF8.self))
    }

    /// One RFC 2231 piece: `name*` (extended), `name*0` (a section) or `name*0*` (an extended section).
    private struct Section {
        var baseName: String
        var number: Int
        var extended: Bool
        var value: String

        init?(name: String, value: String) {
            guard name.contains("*") else { return nil }
            var rest = Substring(name)
            extended = rest.hasSuffix("*")
            if extended { rest = rest.dropLast() }
            if let star = rest.lastIndex(of: "*") {
                guard let number = Int(rest[rest.index(after: star)...]), number >= 0, number < 10_000 else {
                    return nil
                }
                self.number = number
                rest = rest[..<star]
            } else {
                guard extended else { return nil }
                number = 0
            }
            guard !rest.isEmpty else { return nil }
            baseName = String(rest)
            self.value = value
        }

        /// Joins sections in order; section 0 of an extended value starts with `charset'language'`, and
        /// extended sections are percent-encoded bytes in that charset.
        static func join(_ sections: [Section]) -> String {
            let ordered = sections.sorted { $0.number < $1.number }
            var charset: String?
            var bytes: [UInt8] = []
            for (position, section) in ordered.enumerated() {
                var text = Substring(section.value)
                if section.extended && position == 0 {
                    let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if parts.count == 3 {
                        charset = parts[0].isEmpty ? nil : String(parts[0])
                        text = parts[2]
                    }
                }
                bytes += section.extended ? percentDecoded(Array(text.utf8)) : Array(text.utf8)
            }
            return TextDecoding.decode(bytes, charset: charset ?? "utf-8").text
        }

        private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
            var output: [UInt8] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == ASCII.percent, index + 2 < bytes.count,
                    let high = ASCII.hexValue(bytes[index + 1]), let low = ASCII.hexValue(bytes[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return output
        }
    }
}
