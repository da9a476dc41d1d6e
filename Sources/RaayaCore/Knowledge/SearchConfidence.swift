/// How far to trust the top hit of a knowledge-base search, for a chat bot deciding whether to answer with the
/// article or hand the conversation to an agent.
///
/// How to read it:
/// - `value` (0…1) is the number to threshold. It is the top hit's coverage (the IDF-weighted share of the
///   question it matches, discounted for synonym and typo matches), so it is high only when the article
///   accounts for the specific words of the question, not just for a common one. A question about something
///   the help center does not cover ("can I bring my dog to the branch?") leaves its specific words unmatched
///   and scores low even when some article shares a word with it.
/// - `margin` (0…1) is how far the top hit is ahead of the second: near 0 means two articles fit about equally
///   well; offer both rather than choosing.
/// - `relevance` is the top hit's `relevance` (how strongly, not just how completely, it matches).
///
/// Pick the threshold from a labelled question set (the `kb-eval` tool prints the distribution for questions
/// that have no answer and for those that do); the score scale depends on the help center's content.
public struct SearchConfidence: Sendable, Hashable {
    public var value: Double
    public var coverage: Double
    public var relevance: Double
    public var margin: Double

    public init(value: Double, coverage: Double, relevance: Double, margin: Double) {
        self.value = value
        self.coverage = coverage
        self.relevance = relevance
        self.margin = margin
    }

    /// The confidence of `hits`, as returned by `KnowledgeIndex.search` (best first); zero when there are none.
    public init(_ hits: [KnowledgeIndex.Hit]) {
        guard let top = hits.first, top.score > 0 else {
            self.init(value: 0, coverage: 0, relevance: 0, margin: 0)
            return
        }
        let second = hits.count > 1 ? hits[1].score : 0
        self.init(value: top.coverage, coverage: top.coverage, relevance: top.relevance, margin: 1 - second / top.score)
    }
}
