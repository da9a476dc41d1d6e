import Foundation

/// Staffing of a live channel (chat, phone) by the Erlang C queueing model: contacts arrive at random (Poisson)
/// at a steady rate, each takes the average handle time, and a contact waits in one queue until any of the
/// `agents` is free. Nobody gives up waiting, so the model slightly overstates waits.
///
/// With arrival rate λ and average handle time h, the offered traffic is `A = λ × h` erlangs (how many agents
/// would be busy all the time). For `N` agents:
/// - Erlang B, by the recursion `B(0) = 1`, `B(n) = A·B(n−1) / (n + A·B(n−1))`, which never forms the huge
///   powers and factorials of the closed formula and so stays exact for thousands of agents;
/// - probability of waiting `C = N·B(N) / (N − A·(1 − B(N)))` when `N > A`, and 1 (the queue grows without
///   end) when `N ≤ A`;
/// - service level, the share answered within `t` seconds: `1 − C·e^(−(N − A)·t / h)`;
/// - average speed of answer: `C·h / (N − A)`.
public struct ErlangC: Sendable, Equatable {
    /// Contacts per second.
    public var arrivalRate: Double
    /// Seconds per contact: talk or chat time plus the wrap-up after it.
    public var averageHandleTime: Double

    public init(arrivalRate: Double, averageHandleTime: Double) {
        self.arrivalRate = arrivalRate
        self.averageHandleTime = averageHandleTime
    }

    /// `count` contacts arriving over `seconds`, such as 100 calls in 30 minutes.
    public init(arrivals count: Double, perSeconds seconds: Double, averageHandleTime: Double) {
        self.init(arrivalRate: seconds > 0 ? count / seconds : 0, averageHandleTime: averageHandleTime)
    }

    /// Offered traffic `A` in erlangs.
    public var traffic: Double { max(0, arrivalRate * averageHandleTime) }

    /// The probability that a contact finds all `agents` busy and is lost, were there no queue (Erlang B).
    public func erlangB(agents: Int) -> Double {
        let traffic = traffic
        var blocking = 1.0
        for n in stride(from: 1, through: max(0, agents), by: 1) {
            blocking = traffic * blocking / (Double(n) + traffic * blocking)
        }
        return blocking
    }

    /// The probability that a contact has to wait for an agent (Erlang C).
    public func probabilityOfWaiting(agents: Int) -> Double {
        let traffic = traffic
        guard traffic > 0 else { return 0 }
        guard Double(agents) > traffic else { return 1 }
        let blocking = erlangB(agents: agents)
        return Double(agents) * blocking / (Double(agents) - traffic * (1 - blocking))
    }

    /// The share of contacts answered within `seconds` by `agents`, from 0 to 1.
    public func serviceLevel(agents: Int, answeredWithin seconds: Double) -> Double {
        let traffic = traffic
        guard traffic > 0 else { return 1 }
        guard Double(agents) > traffic else { return 0 }
        let waiting = probabilityOfWaiting(agents: agents)
        return 1 - waiting * exp(-(Double(agents) - traffic) * seconds / averageHandleTime)
    }

    /// The average wait before an agent answers, in seconds; infinite when `agents` cannot keep up.
    public func averageSpeedOfAnswer(agents: Int) -> Double {
        let traffic = traffic
        guard traffic > 0 else { return 0 }
        guard Double(agents) > traffic else { return .infinity }
        return probabilityOfWaiting(agents: agents) * averageHandleTime / (Double(agents) - traffic)
    }

    /// The fewest agents answering at least `target` (0–1, such as 0.8) of contacts within `seconds`, such as
    /// "80 % answered within 20 s". Nil when `target` is not below 1 (no finite staff guarantees every contact).
    public func agentsNeeded(serviceLevel target: Double, answeredWithin seconds: Double) -> Int? {
        guard target < 1 else { return nil }
        guard traffic > 0 else { return 0 }
        // The service level rises with every agent past the traffic, so the first that meets the target is it.
        var agents = Int(traffic.rounded(.down)) + 1
        while serviceLevel(agents: agents, answeredWithin: seconds) < target { agents += 1 }
        return agents
    }
}
