import Fluent
import Foundation
import RaayaCore

/// One customer request. Its id is the ticket's sequential number (`#1042`).
final class Ticket: Model, @unchecked Sendable {
    static let schema = "tickets"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "subject") var subject: String
    @Field(key: "status") var status: TicketStatus
    @Field(key: "priority") var priority: TicketPriority
    @Field(key: "channel") var channel: Channel
    @Parent(key: "customer_id") var customer: Customer
    @OptionalParent(key: "group_id") var group: Group?
    @OptionalParent(key: "assignee_id") var assignee: User?
    @Field(key: "created_at") var createdAt: Date
    /// The time of the last activity (message or change): the order of every ticket list.
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "first_response_at") var firstResponseAt: Date?
    @OptionalField(key: "solved_at") var solvedAt: Date?
    @Field(key: "reopen_count") var reopenCount: Int
    @OptionalField(key: "follow_up_of_id") var followUpOfID: Int?
    @OptionalField(key: "merged_into_id") var mergedIntoID: Int?
    /// The sentiment of the customer's latest message (see `UpdateTicketsSentiment`).
    @OptionalField(key: "sentiment") var sentiment: SentimentLabel?

    init() {}
}

final class TicketTag: Model, @unchecked Sendable {
    static let schema = "ticket_tags"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "ticket_id") var ticket: Ticket
    @Field(key: "tag") var tag: String

    init() {}

    init(ticketID: Int, tag: String) {
        self.$ticket.id = ticketID
        self.tag = tag
    }
}

/// One entry of a ticket's conversation.
final class Message: Model, @unchecked Sendable {
    static let schema = "messages"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "ticket_id") var ticket: Ticket
    @Field(key: "author_kind") var authorKind: AuthorKind
    @OptionalField(key: "author_user_id") var authorUserID: Int?
    @OptionalField(key: "author_customer_id") var authorCustomerID: Int?
    @Field(key: "body") var body: String
    @Field(key: "internal") var isInternal: Bool
    @Field(key: "channel") var channel: Channel
    @Field(key: "created_at") var createdAt: Date
    /// Sanitized HTML, for messages that came as HTML mail.
    @OptionalField(key: "html") var html: String?
    /// A customer message's sentiment label and score (see `UpdateMessagesSentiment`).
    @OptionalField(key: "sentiment") var sentiment: SentimentLabel?
    @OptionalField(key: "sentiment_score") var sentimentScore: Double?

    init() {}
}

/// An immutable record of something that happened to a ticket; every metric derives from these and messages.
final class TicketEvent: Model, @unchecked Sendable {
    static let schema = "ticket_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "ticket_id") var ticket: Ticket
    @Field(key: "kind") var kind: String
    @OptionalField(key: "actor_user_id") var actorUserID: Int?
    /// JSON object with the event's details (`{"from":"open","to":"solved"}`).
    @Field(key: "data") var data: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The details an event's stored `data` holds; none when it is not a JSON object of strings.
    static func details(_ data: String) -> [String: String] {
        (try? JSON.decoder.decode([String: String].self, from: Data(data.utf8))) ?? [:]
    }
}

/// What a creating request made, found again by a retry with the same `Idempotency-Key`.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "key") var key: String
    @Field(key: "request_path") var requestPath: String
    @Field(key: "resource_id") var resourceID: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userID: Int, key: String, requestPath: String, resourceID: Int, createdAt: Date) {
        self.userID = userID
        self.key = key
        self.requestPath = requestPath
        self.resourceID = resourceID
        self.createdAt = createdAt
    }
}
