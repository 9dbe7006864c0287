import Foundation
import RoosterModel

/// Rooster timetables as XHSTT solutions and back, for schools read by ``XHSTTImport`` (whose
/// lesson IDs are the event IDs). A solution file is an XHSTT archive: the instance and one
/// solution group, as the archive's evaluators (and Rooster's `check`) read it.
public enum XHSTTSolutionFile {
    /// The timetable as a solution: each placement is its event at the placement's time, with the
    /// chosen rooms in the event's room roles, in order.
    public static func solution(_ timetable: Timetable, instance: XHSTTInstance, mapping: XHSTTMapping, group: String = "Rooster")
        -> XHSTTSolution
    {
        let eventIndex = Dictionary(instance.events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let resourceIndex = Dictionary(mapping.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var events: [XHSTTSolution.SubEvent] = []
        for placement in timetable.placements {
            guard let index = eventIndex[placement.lesson.rawValue] else { continue }
            let event = instance.events[index]
            let preassigned = Set(event.resources.compactMap(\.resource))
            var chosen = placement.rooms.compactMap { resourceIndex[$0.rawValue] }.filter { !preassigned.contains($0) }
            var resources: [String: Int] = [:]
            for need in event.resources where need.resource == nil {
                guard let role = need.role, !chosen.isEmpty else { continue }
                resources[role] = chosen.removeFirst()
            }
            events.append(.init(event: index, duration: event.duration, time: mapping.time(of: placement.start), resources: resources))
        }
        events.sort { $0.event < $1.event }
        return XHSTTSolution(group: group, contributor: "Rooster", events: events, reportedCost: nil, runningTime: nil)
    }

    /// A solution as a Rooster timetable; an event split into several pieces cannot be one.
    public static func timetable(_ solution: XHSTTSolution, instance: XHSTTInstance, mapping: XHSTTMapping, file: String) throws(InputError)
        -> Timetable
    {
        var placements: [Placement] = []
        var pieces: [Int: Int] = [:]
        for part in solution.events {
            let event = instance.events[part.event]
            pieces[part.event, default: 0] += 1
            guard part.duration == event.duration, pieces[part.event] == 1 else {
                throw InputError(
                    file: file, line: event.line,
                    message: "Solution '\(solution.group)' splits event '\(event.id)'; Rooster's lessons are never split",
                    hint: "score it with `rooster check` on the archive, which evaluates split events too")
            }
            guard let time = part.time, let start = mapping.slots[time] else { continue }
            let rooms =
                event.resources.compactMap { $0.resource }.filter { mapping.roles[$0] == .room }
                + event.resources.compactMap { need in need.resource == nil ? need.role.flatMap { part.resources[$0] } : nil }
            placements.append(Placement(lesson: .init(event.id), start: start, rooms: rooms.map { .init(mapping.names[$0]) }))
        }
        return Timetable(placements: placements)
    }

    /// An archive holding the instance and the solution.
    public static func archive(_ solution: XHSTTSolution, instance: XHSTTInstance, cost: XHSTTEvaluator.Cost? = nil) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<HighSchoolTimetableArchive>", "  <Instances>"]
        lines.append(instance.element.xml(indent: 4))
        lines += [
            "  </Instances>", "  <SolutionGroups>", "    <SolutionGroup Id=\"\(MarkupText.escaped(solution.group))\">", "      <MetaData>",
            "        <Contributor>\(MarkupText.escaped(solution.contributor ?? "Rooster"))</Contributor>",
            "        <Date>\(ISO8601DateFormatter().string(from: Date()).prefix(10))</Date>",
            "        <Description>Written by Rooster</Description>", "      </MetaData>",
            "      <Solution Reference=\"\(MarkupText.escaped(instance.id))\">", "        <Events>",
        ]
        let time = { (index: Int) in MarkupText.escaped(instance.times[index].id) }
        for part in solution.events {
            lines.append("          <Event Reference=\"\(MarkupText.escaped(instance.events[part.event].id))\">")
            lines.append("            <Duration>\(part.duration)</Duration>")
            if let start = part.time { lines.append("            <Time Reference=\"\(time(start))\"/>") }
            if !part.resources.isEmpty {
                lines.append("            <Resources>")
                for (role, resource) in part.resources.sorted(by: { $0.key < $1.key }) {
                    lines.append("              <Resource Reference=\"\(MarkupText.escaped(instance.resources[resource].id))\">")
                    lines.append("                <Role>\(MarkupText.escaped(role))</Role>")
                    lines.append("              </Resource>")
                }
                lines.append("            </Resources>")
            }
            lines.append("          </Event>")
        }
        lines.append("        </Events>")
        if let cost {
            lines += [
                "        <Report>", "          <InfeasibilityValue>\(cost.hard)</InfeasibilityValue>",
                "          <ObjectiveValue>\(cost.soft)</ObjectiveValue>", "        </Report>",
            ]
        }
        lines += ["      </Solution>", "    </SolutionGroup>", "  </SolutionGroups>", "</HighSchoolTimetableArchive>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the one solution a file holds for the school's instance; with several, the last
    /// (archives list solutions oldest first), named in `chosen`.
    public static func read(_ text: String, instance: XHSTTInstance, file: String) throws(InputError)
        -> (solution: XHSTTSolution, chosen: String?)
    {
        let (_, solutions) = try XHSTTArchive.read(text, file: file, instance: instance.id)
        guard let last = solutions.last else {
            throw InputError(
                file: file, message: "The archive holds no solution of instance '\(instance.id)'",
                hint: "an XHSTT solution is a <SolutionGroup> with a <Solution Reference=\"\(instance.id)\">")
        }
        return (last, solutions.count > 1 ? "the last of \(solutions.count) solutions (\(last.group))" : nil)
    }
}

extension XMLElement {
    /// The element as XML text, indented by `indent` spaces; for documents without mixed
    /// content (text beside child elements), such as XHSTT's.
    func xml(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let attributes = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(MarkupText.escaped($0.value))\"" }.joined()
        if children.isEmpty {
            let text = trimmedText
            return text.isEmpty ? "\(pad)<\(name)\(attributes)/>" : "\(pad)<\(name)\(attributes)>\(MarkupText.escaped(text))</\(name)>"
        }
        return (["\(pad)<\(name)\(attributes)>"] + children.map { $0.xml(indent: indent + 2) } + ["\(pad)</\(name)>"])
            .joined(separator: "\n")
    }
}
