import RoosterIO
import RoosterModel

/// A timetable as CSV (RFC 4180: quoted fields, CRLF line ends), one row per entry, with a UTF-8
/// byte-order mark so that Excel reads accents right. Dutch Excel expects `;` between fields.
public struct CSVRenderer: Sendable {
    public var locale: RenderLocale
    public var delimiter: Character

    public init(locale: RenderLocale = .en, delimiter: Character = ",") {
        self.locale = locale
        self.delimiter = delimiter
    }

    public static let columns = ["view", "name", "day", "start", "end", "periods", "kind", "title", "teachers", "groups", "rooms", "weeks"]

    public func render(_ schedules: [Schedule], in school: School) -> String {
        var rows = [Self.columns]
        for schedule in schedules {
            for entry in schedule.entries {
                rows.append([
                    schedule.view.description, schedule.name, locale.dayLabel(entry.day, in: school), entry.start.description,
                    entry.end.description, "\(entry.periodCount)", entry.kind.rawValue, entry.title,
                    entry.teachers.map(\.rawValue).joined(separator: " "), entry.groups.map(\.rawValue).joined(separator: " "),
                    entry.rooms.map(\.rawValue).joined(separator: " "), entry.weeks.map(locale.weekName).joined(separator: " "),
                ])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: String(delimiter)) + "\r\n" }.joined()
    }

    private func field(_ value: String) -> String { CSVField.escape(value, delimiter: delimiter) }
}
