/// The life of a ticket: `new → open → pending → on_hold → solved → closed`.
///
/// `closed` is final: a customer writing again starts a follow-up ticket instead.
public enum TicketStatus: String, CaseIterable, Codable, Sendable {
    case new
    case open
    case pending
    case onHold = "on_hold"
    case solved
    case closed

    /// The statuses a ticket may be moved to from this one by a person.
    public var allowedMoves: [TicketStatus] {
        switch self {
        case .new: [.open, .pending, .onHold, .solved, .closed]
        case .open: [.pending, .onHold, .solved, .closed]
        case .pending: [.open, .onHold, .solved, .closed]
        case .onHold: [.open, .pending, .solved, .closed]
        case .solved: [.open, .closed]
        case .closed: []
        }
    }

    public func canMove(to next: TicketStatus) -> Bool {
        next == self || allowedMoves.contains(next)
    }

    /// Whether the ticket still needs work from the team.
    public var isActive: Bool {
        switch self {
        case .new, .open, .pending, .onHold: true
        case .solved, .closed: false
        }
    }
}

public enum TicketPriority: String, CaseIterable, Codable, Sendable {
    case low, normal, high, urgent
}

public enum Channel: String, CaseIterable, Codable, Sendable {
    case email, chat, web, phone, social, api
}

/// Who wrote a message.
public enum AuthorKind: String, CaseIterable, Codable, Sendable {
    case customer, agent, bot, system
}
