/// The three satisfaction surveys and their standard scales.
public enum SurveyKind: String, CaseIterable, Codable, Sendable {
    /// Customer satisfaction: "How satisfied are you with the help you received?" 1–5, 5 = very satisfied.
    case csat
    /// Net promoter score: "How likely are you to recommend us?" 0–10.
    case nps
    /// Customer effort score: "How easy was it to get your issue resolved?" 1–7.
    case ces

    public var scale: ClosedRange<Int> {
        switch self {
        case .csat: 1...5
        case .nps: 0...10
        case .ces: 1...7
        }
    }

    /// CSAT and CES follow a ticket's resolution; NPS asks about the relationship, by campaign.
    public var followsResolution: Bool { self != .nps }
}

/// Which end of the CES scale is easy, as the admin worded the question. Stored with each survey so that
/// reports turn every answer into one direction (1 = very easy) and never mix the two.
public enum EffortDirection: String, CaseIterable, Codable, Sendable {
    /// 1 = very easy, 7 = very difficult (the default).
    case lowIsEasy = "low_is_easy"
    /// 1 = very difficult, 7 = very easy.
    case highIsEasy = "high_is_easy"

    /// The answer on the 1 = very easy scale.
    public func normalized(_ score: Int) -> Int {
        self == .lowIsEasy ? score : 8 - score
    }
}

/// One answer as reports count it: the kind, the score as given, and for CES the direction of its survey.
public struct SurveyAnswer: Sendable, Equatable {
    public let kind: SurveyKind
    public let score: Int
    public let direction: EffortDirection

    public init(kind: SurveyKind, score: Int, direction: EffortDirection = .lowIsEasy) {
        self.kind = kind
        self.score = score
        self.direction = direction
    }

    /// A bad answer that asks someone to close the loop with the customer: CSAT ≤ 2, an NPS detractor (0–6),
    /// CES ≥ 6 on the 1 = very easy scale.
    public var isLow: Bool {
        switch kind {
        case .csat: score <= 2
        case .nps: score <= 6
        case .ces: direction.normalized(score) >= 6
        }
    }
}
