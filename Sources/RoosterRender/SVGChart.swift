/// Small charts as inline SVG, readable without scripts and printable: horizontal bars, a
/// histogram with an optional marker line, and a heat map. Every chart has a title for screen
/// readers and a tooltip per mark.
struct SVGChart {
    /// Horizontal bars, one per label, scaled to the largest value.
    static func bars(_ items: [(label: String, value: Int)], title: String, width: Int = 560) -> String {
        let rowHeight = 22, labelWidth = 170
        let height = max(items.count, 1) * rowHeight + 8
        let largest = max(items.map(\.value).max() ?? 1, 1)
        var svg = open(width: width, height: height, title: title)
        for (index, item) in items.enumerated() {
            let y = 4 + index * rowHeight
            let length = Int((Double(item.value) / Double(largest) * Double(width - labelWidth - 60)).rounded())
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(item.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(length, 1))\" height=\"\(rowHeight - 6)\" fill=\"#3056a0\">"
            svg += "<title>\(escape(item.label)): \(item.value)</title></rect>"
            svg += "<text x=\"\(labelWidth + max(length, 1) + 5)\" y=\"\(y + 15)\">\(item.value)</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical bars over labelled bins, with an optional vertical marker (a norm) at a fractional bin position.
    static func histogram(
        _ counts: [Int], labels: [String], title: String, axis: String, marker: (position: Double, label: String)? = nil,
        width: Int = 560, height: Int = 220
    ) -> String {
        let left = 40, bottom = 42, top = 18
        let plotWidth = width - left - 10, plotHeight = height - bottom - top
        let largest = max(counts.max() ?? 1, 1)
        let barWidth = Double(plotWidth) / Double(max(counts.count, 1))
        var svg = open(width: width, height: height, title: title)
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#8a93a3\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\">\(largest)</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + plotHeight)\" text-anchor=\"end\">0</text>"
        for (index, count) in counts.enumerated() {
            let barHeight = Int((Double(count) / Double(largest) * Double(plotHeight)).rounded())
            let x = Double(left) + Double(index) * barWidth
            let label = labels.indices.contains(index) ? labels[index] : "\(index)"
            svg += "<rect x=\"\(format(x + 2))\" y=\"\(top + plotHeight - barHeight)\" width=\"\(format(max(barWidth - 4, 1)))\" "
            svg += "height=\"\(barHeight)\" fill=\"#5b8bd0\"><title>\(escape(label)): \(count)</title></rect>"
            if count > 0 {
                svg +=
                    "<text x=\"\(format(x + barWidth / 2))\" y=\"\(top + plotHeight - barHeight - 3)\" text-anchor=\"middle\">\(count)</text>"
            }
            svg += "<text x=\"\(format(x + barWidth / 2))\" y=\"\(top + plotHeight + 15)\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        if let marker {
            let x = Double(left) + marker.position * barWidth
            svg +=
                "<line x1=\"\(format(x))\" y1=\"\(top - 6)\" x2=\"\(format(x))\" y2=\"\(top + plotHeight)\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            svg += "<text x=\"\(format(x + 4))\" y=\"\(top + 4)\" fill=\"#c0392b\">\(escape(marker.label))</text>"
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">\(escape(axis))</text>"
        return svg + "</svg>"
    }

    /// A grid of shares (0…1) from white to dark blue; nil cells (no such period) are grey.
    static func heatMap(rows: [String], columns: [String], cells: [[Double?]], title: String) -> String {
        let left = 64, top = 22, cellWidth = 84, cellHeight = 24
        let width = left + columns.count * cellWidth + 8, height = top + rows.count * cellHeight + 8
        var svg = open(width: width, height: height, title: title)
        for (column, label) in columns.enumerated() {
            svg +=
                "<text x=\"\(left + column * cellWidth + cellWidth / 2)\" y=\"\(top - 7)\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        for (row, label) in rows.enumerated() {
            let y = top + row * cellHeight
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 16)\" text-anchor=\"end\">\(escape(label))</text>"
            for column in columns.indices {
                let x = left + column * cellWidth
                let value = cells.indices.contains(row) && cells[row].indices.contains(column) ? cells[row][column] : nil
                guard let share = value else {
                    svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"#eef0f4\"/>"
                    continue
                }
                let percent = Int((share * 100).rounded())
                let (r, g, b) = shade(share)
                svg +=
                    "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"rgb(\(r),\(g),\(b))\">"
                svg += "<title>\(escape(columns[column])) \(escape(label)): \(percent) %</title></rect>"
                svg +=
                    "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"\(share > 0.55 ? "#ffffff" : "#1d2430")\">\(percent) %</text>"
            }
        }
        return svg + "</svg>"
    }

    /// White (0) to dark blue (1).
    static func shade(_ share: Double) -> (Int, Int, Int) {
        let t = min(max(share, 0), 1)
        return (Int(247 - 199 * t), Int(249 - 163 * t), Int(252 - 92 * t))
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "role=\"img\" font-size=\"12\" font-family=\"system-ui, sans-serif\"><title>\(escape(title))</title>"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }
}
