import RaayaCore

/// The answers a survey offers, in order, with words on the points that need them, in Arabic and English.
enum SurveyScale {
    struct Point: Sendable {
        let score: Int
        let label: String?
    }

    static func points(_ kind: SurveyKind, direction: EffortDirection, language: String) -> [Point] {
        let arabic = language == "ar"
        switch kind {
        case .csat:
            let labels =
                arabic
                ? ["غير راضٍ إطلاقاً", "غير راضٍ", "محايد", "راضٍ", "راضٍ جداً"]
                : ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
            return (1...5).reversed().map { Point(score: $0, label: labels[$0 - 1]) }
        case .nps:
            return (0...10).reversed().map { score in
                let label: String? =
                    switch score {
                    case 10: arabic ? "مرجّح جداً" : "Extremely likely"
                    case 0: arabic ? "غير مرجّح إطلاقاً" : "Not at all likely"
                    default: nil
                    }
                return Point(score: score, label: label)
            }
        case .ces:
            let easy = arabic ? "سهل جداً" : "Very easy"
            let hard = arabic ? "صعب جداً" : "Very difficult"
            return (1...7).map { score in
                let label: String? =
                    switch score {
                    case 1: direction == .lowIsEasy ? easy : hard
                    case 7: direction == .lowIsEasy ? hard : easy
                    default: nil
                    }
                return Point(score: score, label: label)
            }
        }
    }
}
