import Foundation
import RaayaCore
import SQLKit

/// The satisfaction numbers of a time range, whole and per period: CSAT %, NPS with its classes, CES average
/// and distribution (1 = very easy), response rate, the sentiment of the comments, and the new tickets by their
/// customer's sentiment. Answers count in the period they were given; the response rate counts invitations by
/// when they were sent and whether they have been answered since; tickets count in the period they were created.
struct SatisfactionReport: Encodable, Sendable {
    struct Figures: Encodable, Sendable {
        struct CSAT: Encodable, Sendable {
            let percent: Double?
            let answers: Int
            let satisfied: Int
        }

        struct NPS: Encodable, Sendable {
            let score: Double?
            let answers: Int
            let promoters: Int
            let passives: Int
            let detractors: Int
        }

        struct CES: Encodable, Sendable {
            let average: Double?
            let answers: Int
            /// Answers of 1 (very easy) … 7 (very difficult).
            let distribution: [Int]
        }

        struct ResponseRate: Encodable, Sendable {
            let sent: Int
            let answered: Int
            let rate: Double?
        }

        /// Tickets by the sentiment of their customer's messages (`TicketSentiment`): the first labeled one, and the
        /// latest.
        struct CustomerSentiment: Encodable, Sendable {
            let opening: [String: Int]
            let latest: [String: Int]
        }

        let csat: CSAT
        let nps: NPS
        let ces: CES
        let responseRate: ResponseRate
        /// Comments by sentiment label.
        let commentSentiment: [String: Int]
        let customerSentiment: CustomerSentiment

        enum CodingKeys: String, CodingKey {
            case csat, nps, ces
            case responseRate = "response_rate"
            case commentSentiment = "comment_sentiment"
            case customerSentiment = "customer_sentiment"
        }

        init(
            score: SatisfactionScore, sent: Int, answered: Int, sentiment: [String: Int],
            tickets: TicketHistory.SentimentCounts
        ) {
            csat = CSAT(percent: score.csat.percent, answers: score.csat.answers, satisfied: score.csat.satisfied)
            nps = NPS(
                score: score.nps.score, answers: score.nps.answers, promoters: score.nps.promoters,
                passives: score.nps.passives, detractors: score.nps.detractors)
            ces = CES(average: score.ces.average, answers: score.ces.answers, distribution: score.ces.distribution)
            responseRate = ResponseRate(sent: sent, answered: answered, rate: sent == 0 ? nil : Double(answered) / Double(sent) * 100)
            commentSentiment = SentimentLabel.allCases.reduce(into: [:]) { $0[$1.rawValue] = sentiment[$1.rawValue] ?? 0 }
            func labels(_ counts: [SentimentLabel: Int]) -> [String: Int] {
                SentimentLabel.allCases.reduce(into: [:]) { $0[$1.rawValue] = counts[$1] ?? 0 }
            }
            customerSentiment = CustomerSentiment(opening: labels(tickets.opening), latest: labels(tickets.latest))
        }
    }

    let from: Date
    let to: Date
    let period: String
    let total: Figures
    let periods: [ReportBucket<Figures>]

    static func make(
        range: Range<Date>, period: ReportPeriod, calendar: ReportCalendar, filter: ReportFilter, on sql: any SQLDatabase
    ) async throws -> SatisfactionReport {
        // Answers and invitations count by their ticket's current attributes, as the ticket reports do; a filter
        // leaves out campaign answers, which have no ticket.
        let tickets = TicketHistory.conditions(filter)
        let responseFilter: SQLQueryString = filter == .all ? "" : " AND r.ticket_id IN (SELECT f.ticket_id FROM ticket_facts f WHERE 1 = 1\(tickets))"
        let invitationFilter: SQLQueryString = filter == .all ? "" : " AND f.ticket_id IS NOT NULL\(tickets)"
        let responses = try await sql.raw("""
            SELECT r.kind, r.direction, r.score, r.comment_sentiment, r.answered_at FROM survey_responses r \
            WHERE r.answered_at >= \(bind: range.lowerBound) AND r.answered_at < \(bind: range.upperBound)\(responseFilter)
            """).all().map { row in
            (
                answer: SurveyAnswer(
                    kind: try row.decodeRaw(column: "kind", as: SurveyKind.self), score: try row.decode(column: "score", as: Int.self),
                    direction: try row.decodeRaw(column: "direction", as: EffortDirection.self)),
                sentiment: try row.decodeOptional(column: "comment_sentiment", as: String.self),
                at: try row.decode(column: "answered_at", as: Date.self)
            )
        }
        let invitations = try await sql.raw("""
            SELECT i.sent_at, (SELECT COUNT(*) FROM survey_responses r WHERE r.invitation_id = i.id) AS answered \
            FROM survey_invitations i LEFT JOIN ticket_facts f ON f.ticket_id = i.ticket_id \
            WHERE i.status = 'sent' AND i.sent_at >= \(bind: range.lowerBound) AND i.sent_at < \(bind: range.upperBound)\
            \(invitationFilter)
            """).all().map { row in
            (at: try row.decode(column: "sent_at", as: Date.self), answered: try row.decode(column: "answered", as: Int.self) > 0)
        }
        // The buckets cover the range, so the range's tickets are the sum of theirs.
        let buckets = calendar.buckets(period, covering: range)
        let newTickets = try await TicketHistory.sentiment(buckets, filter: filter, on: sql)
        let allTickets = newTickets.reduce(into: TicketHistory.SentimentCounts([:], [:])) { sum, bucket in
            sum.opening.merge(bucket.opening, uniquingKeysWith: +)
            sum.latest.merge(bucket.latest, uniquingKeysWith: +)
        }
        func figures(in bucket: Range<Date>, tickets: TicketHistory.SentimentCounts) -> Figures {
            let answers = responses.filter { bucket.contains($0.at) }
            let sent = invitations.filter { bucket.contains($0.at) }
            return Figures(
                score: SatisfactionScore(answers.map(\.answer)), sent: sent.count, answered: sent.filter(\.answered).count,
                sentiment: answers.compactMap(\.sentiment).reduce(into: [:]) { $0[$1, default: 0] += 1 }, tickets: tickets)
        }
        return SatisfactionReport(
            from: range.lowerBound, to: range.upperBound, period: period.name, total: figures(in: range, tickets: allTickets),
            periods: zip(buckets, newTickets).map { bucket, counts in
                ReportBucket(start: bucket.lowerBound, end: bucket.upperBound, figures: figures(in: bucket, tickets: counts))
            })
    }

    /// The most frequent themes of the negative comments in `range`, per language of the comment.
    static func negativeThemes(range: Range<Date>, on sql: any SQLDatabase, limit: Int = 10) async throws
        -> [String: [CommentThemes.Theme]]
    {
        let rows = try await sql.raw("""
            SELECT comment, comment_language FROM survey_responses WHERE comment IS NOT NULL \
            AND comment_sentiment = 'negative' AND answered_at >= \(bind: range.lowerBound) AND answered_at < \(bind: range.upperBound)
            """).all()
        var comments: [String: [String]] = [:]
        for row in rows {
            let language = try row.decodeOptional(column: "comment_language", as: String.self) ?? "ar"
            comments[language == "en" ? "en" : "ar", default: []].append(try row.decode(column: "comment", as: String.self))
        }
        return comments.mapValues { CommentThemes.top($0, limit: limit) }
    }
}
