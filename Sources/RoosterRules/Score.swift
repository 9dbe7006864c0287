import RoosterModel

/// The score of a timetable: hard cost first, then soft cost; lower is better, (0, 0) is perfect.
///
/// A timetable with hard cost 0 is *feasible*. Scores compare lexicographically, so any feasible
/// timetable beats any infeasible one.
public struct Score: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hard: Int
    public var soft: Int

    public init(hard: Int, soft: Int) {
        self.hard = hard
        self.soft = soft
    }

    public static let zero = Score(hard: 0, soft: 0)

    public var isFeasible: Bool { hard == 0 }

    public static func < (lhs: Score, rhs: Score) -> Bool { (lhs.hard, lhs.soft) < (rhs.hard, rhs.soft) }

    public var description: String { "\(hard) hard, \(soft) soft" }
}
