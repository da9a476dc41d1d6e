/// One input field that is wrong, named as the client sent it (`customer.email`, `subject`).
public struct FieldError: Error, Equatable, Sendable {
    public let field: String
    public let reason: String

    public init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// The errors the domain can raise. The server maps each to an RFC 9457 problem.
public enum DomainError: Error, Equatable, Sendable {
    /// Well-formed input with wrong values (422).
    case invalid([FieldError])
    /// Input that cannot be read at all: not JSON, wrong types (400).
    case malformed(field: String?, detail: String)
    /// Missing, or not visible to the caller: the two are deliberately the same answer (404).
    case notFound(resource: String)
    /// A create that would repeat a unique identity (409), with the existing record's id.
    case duplicate(resource: String, field: String, existingID: Int)
    /// A status change the ticket's status machine does not allow (409).
    case illegalStatusMove(from: TicketStatus, to: TicketStatus)
    /// Another conflict with the current state (409).
    case conflict(String)
    /// No or bad credentials (401).
    case unauthenticated(String)
    /// Signed in, but the role does not allow it (403).
    case forbidden(String)
    /// Too many failed sign-ins for one account (429).
    case tooManyAttempts(retryAfterSeconds: Int)

    public static func invalid(_ field: String, _ reason: String) -> DomainError {
        .invalid([FieldError(field, reason)])
    }
}
