/// The standard scores of a set of survey answers. Each kind counts only its own answers.
///
/// - CSAT % = answers of 4 or 5 ÷ all CSAT answers × 100.
/// - NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100; passives (7–8) count in the total only.
/// - CES average on the 1 = very easy … 7 = very difficult scale (answers of surveys worded the other way round
///   are turned first), with the count of each score.
public struct SatisfactionScore: Sendable, Equatable {
    public struct CSAT: Sendable, Equatable {
        public var answers = 0
        /// Answers of 4 or 5.
        public var satisfied = 0
        /// nil without answers.
        public var percent: Double? { answers == 0 ? nil : Double(satisfied) / Double(answers) * 100 }
    }

    public struct NPS: Sendable, Equatable {
        public var promoters = 0
        public var passives = 0
        public var detractors = 0
        public var answers: Int { promoters + passives + detractors }
        /// nil without answers.
        public var score: Double? {
            answers == 0 ? nil : (Double(promoters) - Double(detractors)) / Double(answers) * 100
        }
    }

    public struct CES: Sendable, Equatable {
        /// How many answers gave each score, index 0 for 1 (very easy) … index 6 for 7 (very difficult).
        public var distribution = [Int](repeating: 0, count: 7)
        public var answers: Int { distribution.reduce(0, +) }
        /// nil without answers.
        public var average: Double? {
            let total = answers
            guard total > 0 else { return nil }
            let sum = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
            return Double(sum) / Double(total)
        }
    }

    public var csat = CSAT()
    public var nps = NPS()
    public var ces = CES()

    public init() {}

    public init<S: Sequence>(_ answers: S) where S.Element == SurveyAnswer {
        for answer in answers { add(answer) }
    }

    /// Counts one answer; a score outside its kind's scale is ignored (the database never holds one).
    public mutating func add(_ answer: SurveyAnswer) {
        guard answer.kind.scale.contains(answer.score) else { return }
        switch answer.kind {
        case .csat:
            csat.answers += 1
            if answer.score >= 4 { csat.satisfied += 1 }
        case .nps:
            switch answer.score {
            case 9...10: nps.promoters += 1
            case 7...8: nps.passives += 1
            default: nps.detractors += 1
            }
        case .ces:
            ces.distribution[answer.direction.normalized(answer.score) - 1] += 1
        }
    }
}
