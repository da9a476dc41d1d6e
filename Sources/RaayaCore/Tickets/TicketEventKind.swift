/// What an event records. Stored as its raw value; never renamed once shipped.
public enum TicketEventKind: String, CaseIterable, Codable, Sendable {
    case created
    case statusChanged = "status_changed"
    case priorityChanged = "priority_changed"
    case assigned
    case groupChanged = "group_changed"
    case tagsChanged = "tags_changed"
    case messageAdded = "message_added"
    case firstResponse = "first_response"
    case reopened
    case followUpCreated = "follow_up_created"
    case merged
    case mergedFrom = "merged_from"
    case callLogged = "call_logged"
    /// The chat bot offered an article (`article_id`).
    case botAnswered = "bot_answered"
    /// The chat bot handed the chat to a person (`reason`: asked, not_solved, low_confidence).
    case botHandedOff = "bot_handed_off"
    /// The visitor said the bot's article solved it: solved as self-service.
    case botSolved = "bot_solved"
    /// The customer followed "this solved it" under an article suggested in the acknowledgement (`article_id`):
    /// solved as self-service.
    case selfServiceSolved = "self_service_solved"
    /// A satisfaction survey went to the customer (`survey_id`, `kind`, `invitation_id`, `via`: email or chat).
    case surveySent = "survey_sent"
    /// The customer answered a survey (`kind`, `score`, `low`: whether it asks to close the loop).
    case surveyAnswered = "survey_answered"
}
