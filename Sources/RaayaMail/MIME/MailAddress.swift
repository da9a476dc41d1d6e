/// A mailbox: an optional display name and an address (RFC 5322 §3.4).
public struct MailAddress: Sendable, Hashable {
    /// The display name with encoded words decoded, or nil when none was given.
    public var name: String?
    /// `local@domain`; parsing lowercases the domain, which is case-insensitive, and keeps the local part.
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The part after the last `@`, if any.
    public var domain: String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        return String(address[address.index(after: at)...])
    }

    /// The part before the last `@`, or the whole address when it has none.
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }

    /// Parses an address list as found in From, To, Cc and Reply-To. Handles quoted names with commas,
    /// `<addr>` alone, bare addresses, groups (whose members are kept and whose name is dropped, so
    /// `undisclosed-recipients:;` yields nothing) and comments, which stand in for a missing display name.
    public static func parseList(_ value: String) -> [MailAddress] {
        var result: [MailAddress] = []
        var current: [AddressToken] = []
        for token in AddressToken.tokenize(value) {
            switch token {
            case .comma, .semicolon:
                result += mailbox(current).map { [$0] } ?? []
                current = []
            case .colon:
                if current.contains(where: \.isAngle) {
                    current.append(.atom(":"))
                } else {
                    current = []  // a group's display name
                }
            default:
                current.append(token)
            }
        }
        result += mailbox(current).map { [$0] } ?? []
        return result
    }

    private static func mailbox(_ tokens: [AddressToken]) -> MailAddress? {
        var phrase: [String] = []
        var comments: [String] = []
        var angle: String?
        var bare: [String] = []
        for token in tokens {
            switch token {
            case .atom(let text):
                if angle == nil { phrase.append(text) }
                bare.append(text)
            case .quoted(let text):
                if angle == nil { phrase.append(text) }
                bare.append("\"\(text)\"")
            case .comment(let text): comments.append(text)
            case .angle(let text): angle = angle ?? text
            case .comma, .colon, .semicolon: break
            }
        }
        var address: String
        var name: String?
        if let angle {
            address = angle
            name = phrase.isEmpty ? nil : phrase.joined(separator: " ")
        } else if bare.count > 1, bare.filter({ $0.contains("@") }).count == 1,
            let index = bare.firstIndex(where: { $0.contains("@") })
        {
            // `Name name@x` without brackets: careless, but the intent is plain.
            address = bare[index]
            name = bare.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: " ")
        } else {
            address = bare.joined()
        }
        if name == nil, let comment = comments.first(where: { !$0.trimmingBlanks().isEmpty }) {
            name = comment
        }
        address = normalized(address)
        guard !address.isEmpty else { return nil }
        let decodedName = name.map { EncodedWords.decode($0).trimmingBlanks() }
        return MailAddress(name: decodedName?.isEmpty == false ? decodedName : nil, address: address)
    }

    /// Drops an obsolete source route (`@relay:`), and lowercases the domain.
    private static func normalized(_ raw: String) -> String {
        var address = raw.filter { $0 != " " && $0 != "\t" }
        if address.hasPrefix("@"), let colon = address.lastIndex(of: ":") {
            address = String(address[address.index(after: colon)...])
        }
        guard let at = address.lastIndex(of: "@") else { return address }
        return address[..<at] + "@" + address[address.index(after: at)...].lowercased()
    }
}

/// The pieces of an address list: specials that structure it, and the words, quoted strings, comments and
/// `<…>` addresses between them.
private enum AddressToken {
    case atom(String)
    case quoted(String)
    case comment(String)
    case angle(String)
    case comma
    case colon
    case semicolon

    var isAngle: Bool {
        if case .angle = self { return true }
        return false
    }

    static func tokenize(_ value: String) -> [AddressToken] {
        let scalars = Array(value.unicodeScalars)
        var tokens: [AddressToken] = []
        var index = 0
        var atom = String.UnicodeScalarView()

        func flushAtom() {
            if !atom.isEmpty { tokens.append(.atom(String(atom))) }
            atom = String.UnicodeScalarView()
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r", "\n", ">":
                flushAtom()
            case ",", ":", ";":
                flushAtom()
                tokens.append(scalar == "," ? .comma : scalar == ":" ? .colon : .semicolon)
            case "\"":
                flushAtom()
                var text = String.UnicodeScalarView()
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    text.append(scalars[index])
                    index += 1
                }
                tokens.append(.quoted(String(text)))
            case "(":
                flushAtom()
                var text = String.UnicodeScalarView()
                var depth = 1
                index += 1
                while index < scalars.count {
                    let inner = scalars[index]
                    if inner == "\\", index + 1 < scalars.count {
                        index += 1
                        text.append(scalars[index])
                    } else if inner == "(" {
                        depth += 1
                        text.append(inner)
                    } else if inner == ")" {
                        depth -= 1
                        if depth == 0 { break }
                        text.append(inner)
                    } else {
                        text.append(inner)
                    }
                    index += 1
                }
                tokens.append(.comment(String(text)))
            case "<":
                flushAtom()
                var text = String.UnicodeScalarView()
                index += 1
                while index < scalars.count, scalars[index] != ">" {
                    text.append(scalars[index])
                    index += 1
                }
                tokens.append(.angle(String(text)))
            default:
                atom.append(scalar)
            }
            index += 1
        }
        flushAtom()
        return tokens
    }
}
