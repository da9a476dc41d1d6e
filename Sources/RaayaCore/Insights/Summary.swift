/// The count, median, 90th percentile and average of a set of measurements (durations in seconds, replies…).
///
/// Percentiles use the **nearest-rank** method: with the `n` values sorted from smallest to largest, the
/// p-th percentile is the value at rank `⌈p/100 × n⌉` (counting from 1; rank 1 when that is 0). It is always one
/// of the measured values, never an interpolation. The median is the 50th percentile by the same rule, so for
/// an even count it is the lower of the two middle values: the median of 1 h, 2 h, 3 h, 4 h is 2 h.
/// The average is the arithmetic mean. All three are nil when there is nothing to measure.
public struct Summary: Sendable, Equatable {
    public var count: Int
    public var median: Double?
    public var p90: Double?
    public var average: Double?

    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        median = Self.percentile(50, ofSorted: sorted)
        p90 = Self.percentile(90, ofSorted: sorted)
        average = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// The nearest-rank `p`-th percentile (0–100) of values sorted ascending; nil if there are none.
    public static func percentile(_ p: Double, ofSorted sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        // p × n first, so a whole rank (90 × 10 / 100) stays exact rather than 9.000…01 rounding up to 10.
        let rank = Int((p * Double(sorted.count) / 100).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// A share: how many of the counted cases (`denominator`) have the property (`numerator`).
public struct Ratio: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The share from 0 to 1; nil when nothing was counted, so a report shows "no data" rather than 0 %.
    public var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}
