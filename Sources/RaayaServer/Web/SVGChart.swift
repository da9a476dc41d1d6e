import Foundation

/// Bar and line charts drawn on the server as inline SVG: a y axis with round ticks, one label per bucket on the
/// x axis, and the series in the palette's colours (`.series-0` … in the stylesheet). In right-to-left pages time
/// runs from right to left, as the text does. A legend in HTML follows the chart, so it takes the page's direction.
struct SVGChart: Sendable {
    struct Series: Sendable {
        let name: String
        /// One value per label; nil where there is nothing to draw (a line breaks there).
        let values: [Double?]
        /// The palette's colour (`.series-N`) when the series' meaning has one (red for negative…); nil: its place
        /// among the series.
        var colour: Int? = nil

        /// The stylesheet class of the series' colour, the series being the `number`th.
        func colourClass(_ number: Int) -> String { "series-\((colour ?? number) % 6)" }
    }

    enum Kind: Sendable {
        /// Bars stacked per label.
        case stackedBars
        case lines
    }

    let kind: Kind
    /// What the chart shows, for screen readers.
    let title: String
    let labels: [String]
    let series: [Series]
    let rightToLeft: Bool
    /// How a y tick is written (a number of hours, a percentage…).
    var format: @Sendable (Double) -> String = { SVGChart.number($0) }

    static let width = 640.0
    static let height = 240.0
    private static let left = 48.0
    private static let right = 12.0
    private static let top = 12.0
    private static let bottom = 28.0

    var html: HTML {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let count = max(labels.count, 1)
        let highest: Double =
            switch kind {
            case .stackedBars: (0..<labels.count).map { index in series.reduce(0) { $0 + ($1.values[safe: index].flatMap { $0 } ?? 0) } }.max() ?? 0
            case .lines: series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
            }
        let wholeSteps = series.allSatisfy { $0.values.allSatisfy { ($0 ?? 0) == ($0 ?? 0).rounded() } }
        let ceiling = Self.niceCeiling(highest, wholeSteps: wholeSteps)
        let step = plotWidth / Double(count)
        /// The x of the middle of bucket `index`, mirrored in right-to-left pages.
        func x(_ index: Int) -> Double {
            let fromStart = Self.left + step * (Double(index) + 0.5)
            return rightToLeft ? Self.width - Self.right - (fromStart - Self.left) : fromStart
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - value / ceiling) }

        var parts: [String] = []
        for tick in 0...4 {
            let value = ceiling * Double(tick) / 4
            let at = Self.round(y(value))
            parts.append("<line class=\"grid\" x1=\"\(Self.left)\" y1=\"\(at)\" x2=\"\(Self.width - Self.right)\" y2=\"\(at)\"/>")
            parts.append("<text class=\"tick\" x=\"\(Self.left - 6)\" y=\"\(Self.round(at + 4))\" text-anchor=\"end\">\(escape(format(value)))</text>")
        }
        // At most about eight labels, so they do not overlap.
        let every = max(1, Int((Double(labels.count) / 8).rounded(.up)))
        for (index, label) in labels.enumerated() where index % every == 0 {
            parts.append(
                "<text class=\"tick\" x=\"\(Self.round(x(index)))\" y=\"\(Self.height - 8)\" text-anchor=\"middle\">\(escape(label))</text>")
        }
        switch kind {
        case .stackedBars:
            let barWidth = Self.round(step * 0.7)
            for index in labels.indices {
                var base = 0.0
                for (number, line) in series.enumerated() {
                    guard let value = line.values[safe: index].flatMap({ $0 }), value > 0 else { continue }
                    let topY = y(base + value)
                    parts.append(
                        "<rect class=\"\(line.colourClass(number))\" x=\"\(Self.round(x(index) - barWidth / 2))\" y=\"\(Self.round(topY))\" "
                            + "width=\"\(barWidth)\" height=\"\(Self.round(y(base) - topY))\"><title>\(escape(line.name)) \(escape(labels[index])): "
                            + "\(escape(format(value)))</title></rect>")
                    base += value
                }
            }
        case .lines:
            for (number, line) in series.enumerated() {
                // Runs of consecutive values, each a polyline; a lone value is a dot.
                var run: [String] = []
                func flush() {
                    if run.count > 1 {
                        parts.append("<polyline class=\"line \(line.colourClass(number))\" points=\"\(run.joined(separator: " "))\"/>")
                    }
                    run = []
                }
                for index in labels.indices {
                    guard let value = line.values[safe: index].flatMap({ $0 }) else { flush(); continue }
                    let point = "\(Self.round(x(index))),\(Self.round(y(value)))"
                    run.append(point)
                    parts.append(
                        "<circle class=\"\(line.colourClass(number))\" cx=\"\(Self.round(x(index)))\" cy=\"\(Self.round(y(value)))\" r=\"3\">"
                            + "<title>\(escape(line.name)) \(escape(labels[index])): \(escape(format(value)))</title></circle>")
                }
                flush()
            }
        }
        let legend = series.enumerated().map { number, line in
            "<li><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"\(line.colourClass(number))\" width=\"10\" height=\"10\"/></svg>\(escape(line.name))</li>"
        }
        return HTML(
            trusted: """
                <figure class="chart"><svg viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-label="\(escape(title))" \
                xmlns="http://www.w3.org/2000/svg"><title>\(escape(title))</title>\(parts.joined())</svg>\
                <ul class="legend">\(legend.joined())</ul></figure>
                """)
    }

    /// The top of the y axis: four equal steps, each 1, 2, 2.5 or 5 × 10ⁿ (for counts, whole steps of 1, 2 or
    /// 5 × 10ⁿ), the smallest reaching `value`; so every gridline has a round label.
    static func niceCeiling(_ value: Double, wholeSteps: Bool) -> Double {
        let rough = max(value, 0) / 4
        guard rough > 0 else { return wholeSteps ? 4 : 1 }
        var magnitude = pow(10, log10(rough).rounded(.down))
        if wholeSteps { magnitude = max(1, magnitude) }
        let factors: [Double] = wholeSteps ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
        let factor = factors.first { $0 * magnitude >= rough } ?? 10
        return 4 * factor * magnitude
    }

    /// A tick or value: whole numbers plain, others with up to two decimals.
    static func number(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    private func escape(_ text: String) -> String {
        HTML("\(text)").text
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
