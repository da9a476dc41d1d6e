import Foundation
import RaayaCore
import SQLKit

/// Rules an admin switches on for what happens to tickets by themselves. For now one: a strongly negative
/// customer message raises the ticket to high priority (`TicketRules.priority(after:current:)`), recorded as a
/// `priority_changed` event with the reason `sentiment`. Off by default: priorities are the team's to set.
struct EscalationSettings: Codable, Sendable, Equatable {
    static let key = "escalation"

    var raisePriorityOnNegative = false

    enum CodingKeys: String, CodingKey {
        case raisePriorityOnNegative = "raise_priority_on_negative"
    }

    static func load(on sql: any SQLDatabase) async throws -> EscalationSettings {
        try await StoredSetting.load(key, on: sql) ?? EscalationSettings()
    }
}
