/// Reads a growing, append-only log of rows with increasing integer ids (the ticket events) and delivers each
/// committed row exactly once.
///
/// A plain "ids above the highest seen" reader loses rows on PostgreSQL: ids come from a sequence when a row is
/// inserted, not when its transaction commits, so row 11 can become visible after row 12 was read, and an id
/// whose transaction rolled back never appears. So the reader keeps a floor instead: it reads ids above the floor,
/// remembers which of those it has delivered, and moves the floor only past ids it has delivered or that have
/// been missing for longer than `gapTimeout` — longer than any transaction that inserts events should take.
///
/// What it remembers is only the delivered ids above the floor, each with when it was first read, so memory
/// is bounded by the rows read within one timeout. If a read has a row limit, a gap can make reads repeat the
/// same rows until the gap times out; the reader then moves on.
public struct EventWatermark: Sendable {
    /// Every id at or below it has been delivered or given up on; the next read asks for ids above it.
    public private(set) var floor: Int
    public let gapTimeout: Duration
    /// Delivered ids above the floor, each with the instant it was first read.
    private var delivered: [Int: ContinuousClock.Instant] = [:]

    public init(after floor: Int, gapTimeout: Duration = .seconds(10)) {
        self.floor = floor
        self.gapTimeout = gapTimeout
    }

    /// How many delivered ids above the floor are remembered (what a gap costs in memory).
    public var heldCount: Int { delivered.count }

    /// Takes the ids one read returned (in any order, repeats allowed) and returns, ascending, those never
    /// delivered before; then moves the floor. `now` is when the read happened.
    public mutating func accept(_ ids: [Int], now: ContinuousClock.Instant) -> [Int] {
        let fresh = Set(ids.filter { $0 > floor && delivered[$0] == nil }).sorted()
        for id in fresh { delivered[id] = now }
        advance(now: now)
        return fresh
    }

    /// Moves the floor over delivered ids and over gaps that have waited long enough. A missing id has been
    /// missing since the earliest read of any delivered id above it, so every id of one gap shares that instant.
    private mutating func advance(now: ContinuousClock.Instant) {
        let held = delivered.sorted { $0.key < $1.key }
        guard !held.isEmpty else { return }
        let ids = held.map(\.key)
        // earliestAbove[i]: the earliest first-read instant among ids[i...].
        var earliestAbove = held.map(\.value)
        for index in earliestAbove.indices.dropLast().reversed() {
            earliestAbove[index] = min(earliestAbove[index], earliestAbove[index + 1])
        }
        for (index, id) in ids.enumerated() {
            if id != floor + 1 && now - earliestAbove[index] <= gapTimeout { break }
            floor = id
            delivered[id] = nil
        }
    }
}
