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
        count = values.count
        guard !values.isEmpty else {
            median = nil
            p90 = nil
            average = nil
            return
        }
        average = values.reduce(0, +) / Double(values.count)
        // The two ranks are picked by selection, not by sorting: a year's report summarises half a million
        // durations per figure, and sorting them was a tenth of its time.
        var values = values
        let p90Index = Self.index(90, count: values.count)
        let medianIndex = Self.index(50, count: values.count)
        (median, p90) = values.withUnsafeMutableBufferPointer { buffer in
            Self.select(p90Index, in: buffer, from: 0, through: buffer.count - 1)
            // Everything before the 90th percentile's index is now at most it: the median is among them.
            Self.select(medianIndex, in: buffer, from: 0, through: p90Index)
            return (buffer[medianIndex], buffer[p90Index])
        }
    }

    /// The nearest-rank `p`-th percentile (0–100) of values sorted ascending; nil if there are none.
    public static func percentile(_ p: Double, ofSorted sorted: [Double]) -> Double? {
        sorted.isEmpty ? nil : sorted[index(p, count: sorted.count)]
    }

    /// The index of the nearest-rank `p`-th percentile among `count` sorted values (count > 0).
    private static func index(_ p: Double, count: Int) -> Int {
        // p × n first, so a whole rank (90 × 10 / 100) stays exact rather than 9.000…01 rounding up to 10.
        let rank = Int((p * Double(count) / 100).rounded(.up))
        return min(max(rank, 1), count) - 1
    }

    /// Reorders `buffer[low...high]` so that the value at `index` is the one sorting would put there, with none
    /// greater before it and none smaller after it (quickselect with Hoare's partition around a median of three;
    /// a range that keeps splitting badly is sorted instead, so no input takes quadratic time).
    private static func select(_ index: Int, in buffer: UnsafeMutableBufferPointer<Double>, from low: Int, through high: Int) {
        var low = low
        var high = high
        var roundsLeft = 2 * (Int.bitWidth - high.leadingZeroBitCount) + 8
        while low < high {
            roundsLeft -= 1
            guard roundsLeft > 0 else {
                var window = UnsafeMutableBufferPointer(rebasing: buffer[low...high])
                window.sort()
                return
            }
            let a = buffer[low]
            let b = buffer[low + (high - low) / 2]
            let c = buffer[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low
            var j = high
            while i <= j {
                while i <= high, buffer[i] < pivot { i += 1 }
                while j >= low, buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now low...j holds values ≤ pivot, i...high values ≥ pivot, and anything between equals it.
            if index <= j {
                high = j
            } else if index >= i {
                low = i
            } else {
                return
            }
        }
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
