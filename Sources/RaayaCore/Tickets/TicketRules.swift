/// What a new message does to the ticket it is written on. Decided here, applied by the ticket service.
public enum MessageEffect: Equatable, Sendable {
    /// The message is added; the status may change (`nil`: unchanged).
    case append(newStatus: TicketStatus?, reopens: Bool, setsFirstResponse: Bool)
    /// The ticket is closed for good: the message opens a follow-up ticket linked to it.
    case followUp
}

public enum TicketRules {
    /// The effect of a message by `author` (public or internal) on a ticket in `status`.
    ///
    /// - A public agent reply to a `new`/`open` ticket is the first response if there was none yet,
    ///   and moves a `new` ticket to `open`.
    /// - A customer message on a `solved` ticket reopens it; on `pending` it goes back to `open`;
    ///   on `closed` it starts a follow-up.
    public static func effect(
        ofMessageBy author: AuthorKind, isInternal: Bool, on status: TicketStatus, hasFirstResponse: Bool
    ) -> MessageEffect {
        switch author {
        case .customer:
            switch status {
            case .closed: return .followUp
            case .solved: return .append(newStatus: .open, reopens: true, setsFirstResponse: false)
            case .pending: return .append(newStatus: .open, reopens: false, setsFirstResponse: false)
            case .new, .open, .onHold: return .append(newStatus: nil, reopens: false, setsFirstResponse: false)
            }
        case .agent, .bot:
            if isInternal || status == .closed {
                return .append(newStatus: nil, reopens: false, setsFirstResponse: false)
            }
            let first = !hasFirstResponse && (status == .new || status == .open) && author == .agent
            return .append(newStatus: status == .new ? .open : nil, reopens: false, setsFirstResponse: first)
        case .system:
            return .append(newStatus: nil, reopens: false, setsFirstResponse: false)
        }
    }

    /// A customer message at least this negative (`Sentiment.score`) raises the ticket's priority when the admin
    /// switched the rule on.
    public static let strongNegative = -0.6

    /// The priority a ticket should have after a customer message with `sentiment`: `high` when the message is
    /// strongly negative and the ticket is below that; nil when it stays as it is (it is never lowered, and an
    /// urgent ticket stays urgent).
    public static func priority(after sentiment: Sentiment, current: TicketPriority) -> TicketPriority? {
        guard sentiment.label == .negative, sentiment.score <= strongNegative, current == .low || current == .normal
        else { return nil }
        return .high
    }
}
