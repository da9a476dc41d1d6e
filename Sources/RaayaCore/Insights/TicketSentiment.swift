import Foundation

/// How a ticket's customer felt, from the sentiment labels of the customer's messages on it: when the ticket
/// opened (the first labeled message) and now (the latest). Messages without a label (stored before sentiment was
/// scored) are skipped; a ticket with no labeled customer message has neither.
public struct TicketSentiment: Sendable, Equatable {
    public var opening: SentimentLabel?
    public var latest: SentimentLabel?

    public init(opening: SentimentLabel?, latest: SentimentLabel?) {
        self.opening = opening
        self.latest = latest
    }

    /// One customer message as this reads it: when it was written, its id (which orders messages of the same
    /// instant by arrival), and its label.
    public struct Message: Sendable, Equatable {
        public var id: Int
        public var at: Date
        public var label: SentimentLabel?

        public init(id: Int, at: Date, label: SentimentLabel?) {
            self.id = id
            self.at = at
            self.label = label
        }
    }

    /// From the customer's messages on one ticket, in any order.
    public init(messages: [Message]) {
        let labeled = messages.filter { $0.label != nil }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        self.init(opening: labeled.first?.label, latest: labeled.last?.label)
    }
}
