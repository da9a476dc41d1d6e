/// Who else has a ticket's page open, as one agent's live connection hears it, for the collision warning.
///
/// Each connection (a browser tab) says when it opens and leaves the page and repeats that it is still there
/// every so often; one not heard from for `timeout` is gone (its instance may have stopped). Typing counts for
/// `typingTimeout` after the last typing signal. The list shows each person once, typing if any of their tabs is.
public struct TicketViewers: Sendable {
    public struct Viewer: Equatable, Sendable {
        public let userID: Int
        public let name: String
        public let typing: Bool

        public init(userID: Int, name: String, typing: Bool) {
            self.userID = userID
            self.name = name
            self.typing = typing
        }
    }

    private struct Entry: Sendable {
        var userID: Int
        var name: String
        var seenAt: ContinuousClock.Instant
        var typingAt: ContinuousClock.Instant?
    }

    public let timeout: Duration
    public let typingTimeout: Duration
    private var entries: [String: Entry] = [:]

    public init(timeout: Duration = .seconds(90), typingTimeout: Duration = .seconds(8)) {
        self.timeout = timeout
        self.typingTimeout = typingTimeout
    }

    /// A connection has the page open (or said so again).
    public mutating func viewing(connection: String, userID: Int, name: String, at now: ContinuousClock.Instant) {
        entries[connection, default: Entry(userID: userID, name: name, seenAt: now)].seenAt = now
    }

    /// A connection started or stopped typing; typing means the page is open.
    public mutating func typing(connection: String, userID: Int, name: String, active: Bool, at now: ContinuousClock.Instant) {
        viewing(connection: connection, userID: userID, name: name, at: now)
        entries[connection]?.typingAt = active ? now : nil
    }

    public mutating func left(connection: String) {
        entries[connection] = nil
    }

    public mutating func removeAll() {
        entries = [:]
    }

    /// The people on the page now, by name, each once; connections not heard from for `timeout` are dropped.
    public mutating func current(at now: ContinuousClock.Instant) -> [Viewer] {
        entries = entries.filter { now - $0.value.seenAt <= timeout }
        var people: [Int: Viewer] = [:]
        for entry in entries.values {
            let typing = entry.typingAt.map { now - $0 <= typingTimeout } ?? false
            let known = people[entry.userID]
            people[entry.userID] = Viewer(userID: entry.userID, name: entry.name, typing: typing || (known?.typing ?? false))
        }
        return people.values.sorted { ($0.name, $0.userID) < ($1.name, $1.userID) }
    }
}
