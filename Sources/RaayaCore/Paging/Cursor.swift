/// A keyset position in a list ordered by (activity time, id) descending, opaque to clients.
public struct ActivityCursor: Equatable, Sendable {
    public let activityMilliseconds: Int64
    public let id: Int

    public init(activityMilliseconds: Int64, id: Int) {
        self.activityMilliseconds = activityMilliseconds
        self.id = id
    }

    /// `"<milliseconds>.<id>"`, hex-free and URL-safe.
    public var token: String { "\(activityMilliseconds).\(id)" }

    public init?(token: String) {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let milliseconds = Int64(parts[0]), let id = Int(parts[1]) else { return nil }
        self.init(activityMilliseconds: milliseconds, id: id)
    }
}

/// How a ticket list is ordered.
public enum TicketOrder: String, CaseIterable, Sendable {
    /// Latest activity first (the default).
    case activity
    /// Oldest first: what has waited longest is on top. Ticket numbers follow creation, so this is number order,
    /// and its cursor is the last number shown.
    case age
}
