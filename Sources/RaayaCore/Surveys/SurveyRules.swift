import Foundation

/// When a survey that follows a resolution goes out, and whether it does at all.
public struct SurveyPolicy: Sendable, Equatable, Codable {
    /// How long after the ticket is solved the survey is sent.
    public var delayMinutes: Int
    /// No customer gets this kind of survey twice within this many days.
    public var throttleDays: Int
    /// Whether tickets the bot or a suggested article solved are surveyed too.
    public var includeSelfService: Bool
    /// Whether tickets merged into another are surveyed (their conversation lives on in the other ticket).
    public var includeMerged: Bool

    public init(delayMinutes: Int = 60, throttleDays: Int = 7, includeSelfService: Bool = false, includeMerged: Bool = false) {
        self.delayMinutes = delayMinutes
        self.throttleDays = throttleDays
        self.includeSelfService = includeSelfService
        self.includeMerged = includeMerged
    }

    public static let delayRange = 0...(60 * 24 * 30)
    public static let throttleRange = 0...365
}

/// Why a scheduled survey was not sent. Stored with the invitation.
public enum SurveySkipReason: String, Sendable, Codable, CaseIterable {
    /// The ticket is no longer solved or closed (the customer wrote again, or an agent reopened it).
    case notSolved = "not_solved"
    case selfService = "self_service"
    case merged
    /// The customer got a survey of this kind within the throttle window.
    case recentlySurveyed = "recently_surveyed"
    /// The customer cannot be reached the way they came: no email address, and not a live chat.
    case unreachable
    /// The survey was switched off after it was scheduled.
    case disabled
}

/// The ticket-side facts the decision needs, read when the survey is due (not when it was scheduled).
public struct SurveyTicketFacts: Sendable, Equatable {
    public var status: TicketStatus
    public var solvedBySelfService: Bool
    public var merged: Bool
    /// When this customer last got a survey of the same kind, if ever.
    public var lastSurveyedAt: Date?
    public var channel: Channel
    public var hasEmail: Bool

    public init(
        status: TicketStatus, solvedBySelfService: Bool = false, merged: Bool = false, lastSurveyedAt: Date? = nil,
        channel: Channel, hasEmail: Bool
    ) {
        self.status = status
        self.solvedBySelfService = solvedBySelfService
        self.merged = merged
        self.lastSurveyedAt = lastSurveyedAt
        self.channel = channel
        self.hasEmail = hasEmail
    }
}

/// How a survey reaches the customer: by the channel they used, as far as it can carry a link.
public enum SurveyDelivery: String, Sendable, Codable {
    /// A mail with one-click ratings.
    case email
    /// A message in the live chat with the rating links.
    case chat
}

public enum SurveyRules {
    /// Whether a due survey is sent, and how; `enabled` is the survey's switch now.
    public static func decide(
        _ facts: SurveyTicketFacts, policy: SurveyPolicy, enabled: Bool, now: Date
    ) -> SurveyDecision {
        guard enabled else { return .skip(.disabled) }
        guard facts.status == .solved || facts.status == .closed else { return .skip(.notSolved) }
        if facts.merged && !policy.includeMerged { return .skip(.merged) }
        if facts.solvedBySelfService && !policy.includeSelfService { return .skip(.selfService) }
        if let last = facts.lastSurveyedAt, now.timeIntervalSince(last) < Double(policy.throttleDays) * 86_400 {
            return .skip(.recentlySurveyed)
        }
        if facts.channel == .chat { return .send(.chat) }
        return facts.hasEmail ? .send(.email) : .skip(.unreachable)
    }

    /// A customer may change an answer for this long after first giving it; then it is locked.
    public static let editWindow: TimeInterval = 24 * 3600
    /// A survey link works this long after it was sent.
    public static let linkLifetime: TimeInterval = 30 * 86_400

    /// What a customer opening a survey link may do.
    public enum AnswerState: Sendable, Equatable {
        /// Not answered yet.
        case open
        /// Answered; a new answer replaces the first.
        case changeable
        /// Answered more than `editWindow` ago.
        case locked
        /// The link is past its lifetime and was never answered.
        case expired
    }

    public static func answerState(sentAt: Date, firstAnsweredAt: Date?, now: Date) -> AnswerState {
        if let firstAnsweredAt {
            return now.timeIntervalSince(firstAnsweredAt) < editWindow ? .changeable : .locked
        }
        return now.timeIntervalSince(sentAt) < linkLifetime ? .open : .expired
    }
}

public enum SurveyDecision: Sendable, Equatable {
    case send(SurveyDelivery)
    case skip(SurveySkipReason)
}
