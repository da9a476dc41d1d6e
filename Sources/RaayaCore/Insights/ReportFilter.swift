/// Which tickets a report counts. Each field left empty lets every ticket through; a field with values lets
/// through the tickets matching any of them; a ticket is counted when it passes every field.
///
/// `agents` is the ticket's assignee; `tags` matches a ticket carrying at least one of the tags; `groups`,
/// `agents` and `organizations` never match a ticket without one.
public struct ReportFilter: Sendable, Equatable {
    public var channels: Set<Channel>
    public var groups: Set<Int>
    public var agents: Set<Int>
    public var tags: Set<String>
    public var priorities: Set<TicketPriority>
    public var organizations: Set<Int>

    public init(
        channels: Set<Channel> = [], groups: Set<Int> = [], agents: Set<Int> = [], tags: Set<String> = [],
        priorities: Set<TicketPriority> = [], organizations: Set<Int> = []
    ) {
        self.channels = channels
        self.groups = groups
        self.agents = agents
        self.tags = tags
        self.priorities = priorities
        self.organizations = organizations
    }

    /// Every ticket.
    public static let all = ReportFilter()

    public func matches(_ ticket: TicketFacts) -> Bool {
        (channels.isEmpty || channels.contains(ticket.channel))
            && (groups.isEmpty || ticket.groupID.map(groups.contains) == true)
            && (agents.isEmpty || ticket.assigneeID.map(agents.contains) == true)
            && (tags.isEmpty || !tags.isDisjoint(with: ticket.tags))
            && (priorities.isEmpty || priorities.contains(ticket.priority))
            && (organizations.isEmpty || ticket.organizationID.map(organizations.contains) == true)
    }
}
