/// A staff member's role. Customers are not users.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin, supervisor, agent

    /// Admins and supervisors see every ticket; agents see their groups', their own and unassigned-group ones.
    public var seesAllTickets: Bool { self != .agent }
}

/// What a user may see of tickets, decided once per request.
public struct TicketVisibility: Sendable, Equatable {
    public let userID: Int
    public let role: Role
    public let groupIDs: Set<Int>

    public init(userID: Int, role: Role, groupIDs: Set<Int>) {
        self.userID = userID
        self.role = role
        self.groupIDs = groupIDs
    }

    public func canSee(groupID: Int?, assigneeID: Int?) -> Bool {
        if role.seesAllTickets { return true }
        guard let groupID else { return true }
        return groupIDs.contains(groupID) || assigneeID == userID
    }
}
