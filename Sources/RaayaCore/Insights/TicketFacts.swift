import Foundation

/// What the reports need to know about one ticket, derived from its messages and events (never from counters
/// kept on the side). Build it by hand in tests, or with `TicketFacts(id:…, events:, messages:)` from the
/// stored history.
///
/// The attributes reports filter on (channel, group, assignee, tags, priority, organization) are the ticket's
/// current ones; the instants are when things happened.
public struct TicketFacts: Sendable, Equatable {
    public var id: Int
    public var createdAt: Date
    /// The channel the ticket came through.
    public var channel: Channel
    public var groupID: Int?
    /// The agent the ticket is assigned to.
    public var assigneeID: Int?
    public var tags: Set<String>
    public var priority: TicketPriority
    /// The organization of the ticket's customer.
    public var organizationID: Int?
    /// The first public message written by an agent (internal notes and bot answers do not count).
    public var firstPublicAgentReplyAt: Date?
    /// Public messages written by agents over the ticket's whole life.
    public var publicAgentReplyCount: Int
    /// Every time the ticket was moved to `solved`, in order. The first ends the first cycle; each later one ends
    /// the cycle opened by the reopen before it.
    public var solvedAt: [Date]
    /// Every time the ticket left `solved` for an active status, in order.
    public var reopenedAt: [Date]
    /// When the ticket was closed, if it was.
    public var closedAt: Date?
    /// Whether the ticket was closed by merging it into another: its closure is not a resolution.
    public var isMerged: Bool
    public var status: TicketStatus

    public init(
        id: Int, createdAt: Date, channel: Channel, groupID: Int? = nil, assigneeID: Int? = nil,
        tags: Set<String> = [], priority: TicketPriority = .normal, organizationID: Int? = nil,
        firstPublicAgentReplyAt: Date? = nil, publicAgentReplyCount: Int = 0, solvedAt: [Date] = [],
        reopenedAt: [Date] = [], closedAt: Date? = nil, isMerged: Bool = false, status: TicketStatus = .new
    ) {
        self.id = id
        self.createdAt = createdAt
        self.channel = channel
        self.groupID = groupID
        self.assigneeID = assigneeID
        self.tags = tags
        self.priority = priority
        self.organizationID = organizationID
        self.firstPublicAgentReplyAt = firstPublicAgentReplyAt
        self.publicAgentReplyCount = publicAgentReplyCount
        self.solvedAt = solvedAt
        self.reopenedAt = reopenedAt
        self.closedAt = closedAt
        self.isMerged = isMerged
        self.status = status
    }
}

// MARK: - Resolution

extension TicketFacts {
    /// The instants the ticket was resolved: each move to `solved`, and a move to `closed` straight from an
    /// active status (an agent may close without solving first) unless the ticket was merged. In order.
    public var resolvedAt: [Date] {
        guard let closedAt, !isMerged else { return solvedAt }
        // A close after a solve merely makes that resolution final; only a close of an active ticket resolves it.
        let lastSolve = solvedAt.last { $0 <= closedAt }
        let lastReopen = reopenedAt.last { $0 <= closedAt }
        let wasActive: Bool =
            if let lastSolve { lastReopen.map { $0 >= lastSolve } ?? false } else { true }
        return wasActive ? (solvedAt + [closedAt]).sorted() : solvedAt
    }

    /// Each resolution cycle as `(start, resolved)`: creation to the first resolution, then each reopen to the
    /// next resolution after it. A cycle not yet resolved is left out.
    public var resolutionCycles: [(start: Date, resolved: Date)] { resolutionCycles(resolutions: resolvedAt) }

    /// `resolutionCycles` from the ticket's `resolvedAt`, worked out before.
    func resolutionCycles(resolutions: [Date]) -> [(start: Date, resolved: Date)] {
        var cycles: [(start: Date, resolved: Date)] = []
        guard let first = resolutions.first else { return cycles }
        cycles.append((createdAt, first))
        for reopen in reopenedAt {
            if let next = resolutions.first(where: { $0 > reopen }) { cycles.append((reopen, next)) }
        }
        return cycles
    }

    /// The latest instant of the ticket's history that a metric reads: creation, first reply, a solve, a reopen or
    /// the closure. Nothing after it changes the ticket's figures.
    public var lastInstant: Date {
        var last = createdAt
        for instant in [firstPublicAgentReplyAt, closedAt, solvedAt.max(), reopenedAt.max()] {
            if let instant, instant > last { last = instant }
        }
        return last
    }

    /// Whether the ticket is unresolved now, after everything in its history.
    public var isUnresolvedNow: Bool { isUnresolved(before: .distantFuture) }

    /// Whether the ticket was unresolved just before `instant`: created before it, and not solved or closed, or
    /// reopened since its last resolution. Pending and on-hold tickets are unresolved.
    public func isUnresolved(before instant: Date) -> Bool { isUnresolved(before: instant, resolutions: resolvedAt) }

    /// `isUnresolved(before:)` from the ticket's `resolvedAt`, worked out before.
    func isUnresolved(before instant: Date, resolutions: [Date]) -> Bool {
        guard createdAt < instant else { return false }
        if isMerged, let closedAt, closedAt < instant { return false }
        guard let lastResolution = resolutions.last(where: { $0 < instant }) else { return true }
        return reopenedAt.contains { $0 >= lastResolution && $0 < instant }
    }
}

// MARK: - From the stored history

extension TicketFacts {
    /// One stored event, as the reports read it.
    public struct Event: Sendable, Equatable {
        public var kind: TicketEventKind
        public var at: Date
        /// The event's details (`from` and `to` of a status change…).
        public var details: [String: String]

        public init(_ kind: TicketEventKind, at: Date, details: [String: String] = [:]) {
            self.kind = kind
            self.at = at
            self.details = details
        }
    }

    /// One stored message, as the reports read it.
    public struct Message: Sendable, Equatable {
        public var author: AuthorKind
        public var isInternal: Bool
        public var at: Date

        public init(author: AuthorKind, isInternal: Bool, at: Date) {
            self.author = author
            self.isInternal = isInternal
            self.at = at
        }
    }

    /// The facts of a ticket from its current attributes and its history.
    ///
    /// Creation is the `created` event (else `createdAt`); solves are `status_changed` events to `solved`,
    /// reopens are `reopened` events, closure is the first `status_changed` to `closed`, a `merged` event marks the
    /// ticket as merged, and the status is the last `status_changed` target (`new` without one). Replies are the
    /// public messages by agents. Events and messages may come in any order.
    public init(
        id: Int, createdAt: Date, channel: Channel, groupID: Int?, assigneeID: Int?, tags: Set<String>,
        priority: TicketPriority, organizationID: Int?, events: [Event], messages: [Message]
    ) {
        let events = events.sorted { $0.at < $1.at }
        let replies = messages.filter { $0.author == .agent && !$0.isInternal }.map(\.at).sorted()
        var solved: [Date] = []
        var closed: Date?
        var status = TicketStatus.new
        for event in events where event.kind == .statusChanged {
            guard let target = event.details["to"].flatMap(TicketStatus.init(rawValue:)) else { continue }
            if target == .solved { solved.append(event.at) }
            if target == .closed, closed == nil { closed = event.at }
            status = target
        }
        self.init(
            id: id, createdAt: events.first { $0.kind == .created }?.at ?? createdAt, channel: channel,
            groupID: groupID, assigneeID: assigneeID, tags: tags, priority: priority, organizationID: organizationID,
            firstPublicAgentReplyAt: replies.first, publicAgentReplyCount: replies.count, solvedAt: solved,
            reopenedAt: events.filter { $0.kind == .reopened }.map(\.at), closedAt: closed,
            isMerged: events.contains { $0.kind == .merged }, status: status)
    }
}
