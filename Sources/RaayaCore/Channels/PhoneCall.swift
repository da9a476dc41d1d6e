/// A phone call as a telephony system or an agent reports it.
public struct PhoneCall: Sendable, Equatable {
    public enum Direction: String, CaseIterable, Codable, Sendable {
        case inbound, outbound
    }

    public enum Outcome: String, CaseIterable, Codable, Sendable {
        case answered, missed, voicemail, busy, failed
    }

    public var direction: Direction
    /// Normalized (`Identity.normalizedPhone`).
    public var number: String
    public var durationSeconds: Int
    public var outcome: Outcome
    public var notes: String?

    public init(direction: Direction, number: String, durationSeconds: Int, outcome: Outcome, notes: String?) {
        self.direction = direction
        self.number = number
        self.durationSeconds = durationSeconds
        self.outcome = outcome
        self.notes = notes
    }

    /// One line for the conversation, in Arabic and English: "📞 مكالمة واردة — inbound call · +966… · 3:20 · answered".
    public var summary: String {
        let arabic: String =
            switch (direction, outcome) {
            case (.inbound, .missed): "مكالمة فائتة"
            case (.inbound, _): "مكالمة واردة"
            case (.outbound, _): "مكالمة صادرة"
            }
        let minutes = durationSeconds / 60
        let seconds = durationSeconds % 60
        let duration = "\(minutes):\(seconds < 10 ? "0" : "")\(seconds)"
        let line = "📞 \(arabic) — \(direction.rawValue) call · \(number) · \(duration) · \(outcome.rawValue)"
        guard let notes, !notes.isEmpty else { return line }
        return line + "\n" + notes
    }
}
