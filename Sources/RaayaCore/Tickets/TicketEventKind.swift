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
}
