/// Collects every field error of one request so the client learns all of them at once.
public struct Validation: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func fail(_ field: String, _ reason: String) {
        errors.append(FieldError(field, reason))
    }

    /// Trims the value and checks it is present and no longer than `maxCharacters`.
    public mutating func requiredText(_ value: String?, field: String, maxCharacters: Int) -> String {
        let trimmed = value?.trimmingWhitespace() ?? ""
        if trimmed.isEmpty {
            fail(field, "is required")
        } else if trimmed.count > maxCharacters {
            fail(field, "must be at most \(maxCharacters) characters")
        }
        return trimmed
    }

    /// Trims an optional value; empty becomes nil.
    public mutating func optionalText(_ value: String?, field: String, maxCharacters: Int) -> String? {
        guard let trimmed = value?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        if trimmed.count > maxCharacters { fail(field, "must be at most \(maxCharacters) characters") }
        return trimmed
    }

    /// A message body: present after trimming, at most `Limits.bodyBytes` bytes of UTF-8. Kept as written,
    /// except that line breaks become `\n` (browsers send form text with `\r\n`).
    public mutating func requiredBody(_ value: String?, field: String) -> String {
        let body = Self.unixLineBreaks(value ?? "")
        if body.trimmingWhitespace().isEmpty {
            fail(field, "is required")
        } else if body.utf8.count > Limits.bodyBytes {
            fail(field, "must be at most \(Limits.bodyBytes) bytes")
        }
        return body
    }

    /// `\r\n` and a lone `\r` as `\n`.
    public static func unixLineBreaks(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasReturn {
                previousWasReturn = false
                continue
            }
            previousWasReturn = scalar == "\r"
            scalars.append(previousWasReturn ? "\n" : scalar)
        }
        return String(scalars)
    }

    /// A language tag Raaya speaks: `ar` or `en`, optionally with a region (`ar-SA`).
    public mutating func language(_ value: String?, field: String) -> String? {
        guard let raw = value?.trimmingWhitespace(), !raw.isEmpty else { return nil }
        let tag = raw.lowercased()
        let base = tag.split(separator: "-", maxSplits: 1).first.map(String.init) ?? tag
        guard tag.count <= 16, base == "ar" || base == "en", !tag.hasSuffix("-") else {
            fail(field, "must be ar or en")
            return nil
        }
        return tag
    }

    /// A colour as `#rrggbb` (lower case); `#RGB` is widened.
    public mutating func color(_ value: String?, field: String) -> String? {
        guard let raw = value?.trimmingWhitespace().lowercased(), !raw.isEmpty else { return nil }
        let digits = Array(raw.drop { $0 == "#" })
        let hex = digits.allSatisfy(\.isHexDigit) && raw.hasPrefix("#")
        switch (hex, digits.count) {
        case (true, 6): return "#" + String(digits)
        case (true, 3): return "#" + digits.map { "\($0)\($0)" }.joined()
        default:
            fail(field, "must be a colour like #0b6e4f")
            return nil
        }
    }

    public mutating func email(_ value: String?, field: String) -> String? {
        guard let raw = value?.trimmingWhitespace(), !raw.isEmpty else { return nil }
        guard let email = Identity.normalizedEmail(raw) else {
            fail(field, "is not a valid email address")
            return nil
        }
        return email
    }

    public mutating func phone(_ value: String?, field: String) -> String? {
        guard let raw = value?.trimmingWhitespace(), !raw.isEmpty else { return nil }
        guard let phone = Identity.normalizedPhone(raw) else {
            fail(field, "is not a valid phone number")
            return nil
        }
        return phone
    }

    /// Throws every collected error, if any.
    public func check() throws(DomainError) {
        if !errors.isEmpty { throw .invalid(errors) }
    }
}

public enum Limits {
    /// Support tiers of groups: 1 is the first line.
    public static let tiers = 1...9
    public static let subjectCharacters = 250
    public static let bodyBytes = 256 * 1024
    /// A whole inbound mail with its attachments, as received.
    public static let mailBytes = 25 * 1024 * 1024
    /// One attached file; larger ones stay only in the raw mail.
    public static let attachmentBytes = 20 * 1024 * 1024
    public static let attachmentsPerMessage = 50
    public static let nameCharacters = 200
    /// A survey answer's comment.
    public static let commentCharacters = 4000
    public static let tagCharacters = 64
    public static let tagsPerTicket = 50
    public static let passwordMinCharacters = 8
    public static let pageSizeDefault = 25
    public static let pageSizeMax = 100
    /// How much of a new request's text is searched for articles to suggest: the question is near the top.
    public static let suggestionQueryCharacters = 2000
}

extension String {
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
