/// A mixed-integer program in memory, minimised: columns with bounds, kinds and costs, and rows
/// of linear terms with bounds. Built by the formulations of this module; handed to a
/// ``MIPBackend``, which reads it. The builder keeps the matrix well-formed (terms of one column in a row merged,
/// zero coefficients dropped), which GLPK, for one, would otherwise reject by aborting.
public struct MIPModel: Sendable {
    public enum Kind: Sendable { case continuous, integer, binary }

    public struct Column: Sendable {
        public var name: String
        public var kind: Kind
        /// Bounds; nil is unbounded.
        public var lower: Double?
        public var upper: Double?
        public var cost: Double
    }

    public struct Row: Sendable {
        public var name: String
        public var lower: Double?
        public var upper: Double?
        /// Column index and coefficient, one term per column, by ascending column, none zero.
        public var terms: [(column: Int, coefficient: Double)]
    }

    public private(set) var columns: [Column] = []
    /// Columns to branch on before any other: the decisions that the rest follows from.
    public internal(set) var branchFirst: [Int] = []
    public private(set) var rows: [Row] = []
    public internal(set) var objectiveConstant: Double = 0

    /// Adds a column and returns its index.
    @discardableResult
    mutating func addColumn(_ name: String, _ kind: Kind, lower: Double? = 0, upper: Double? = nil, cost: Double = 0) -> Int {
        let bounds = kind == .binary ? (max(lower ?? 0, 0), min(upper ?? 1, 1)) : (lower, upper)
        columns.append(Column(name: name, kind: kind, lower: bounds.0, upper: bounds.1, cost: cost))
        return columns.count - 1
    }

    /// Adds to a column's cost.
    mutating func addCost(_ cost: Double, to column: Int) { columns[column].cost += cost }

    /// Adds `lower ≤ Σ terms ≤ upper`. Rows without terms are checked against their bounds instead of added:
    /// an empty row that cannot hold makes the model infeasible, which ``isTriviallyInfeasible`` records.
    mutating func addRow(_ name: String, _ terms: [(Int, Double)], lower: Double? = nil, upper: Double? = nil) {
        var merged: [Int: Double] = [:]
        for (column, coefficient) in terms { merged[column, default: 0] += coefficient }
        let kept = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (column: $0.key, coefficient: $0.value) }
        guard !kept.isEmpty else {
            if (lower ?? 0) > 1e-9 || (upper ?? 0) < -1e-9 { emptyRowsViolated.append(name) }
            return
        }
        rows.append(Row(name: name, lower: lower, upper: upper, terms: kept))
    }

    /// Names of rows without terms whose bounds exclude zero: the model has no solution.
    public private(set) var emptyRowsViolated: [String] = []
    public var isTriviallyInfeasible: Bool { !emptyRowsViolated.isEmpty }

    public var nonzeros: Int { rows.reduce(0) { $0 + $1.terms.count } }

    /// Objective value of a full assignment of column values.
    public func objective(of values: [Double]) -> Double {
        zip(columns, values).reduce(objectiveConstant) { $0 + $1.0.cost * $1.1 }
    }

    /// The model with some columns fixed and removed: their contribution moves into the row bounds
    /// and the objective constant. Returns the reduced model and, per reduced column, its original index.
    func fixing(_ fixed: [Int: Double]) -> (model: MIPModel, original: [Int]) {
        var reduced = MIPModel()
        var newIndex = Array(repeating: -1, count: columns.count)
        var original: [Int] = []
        reduced.objectiveConstant = objectiveConstant
        for (index, column) in columns.enumerated() {
            if let value = fixed[index] {
                reduced.objectiveConstant += column.cost * value
            } else {
                newIndex[index] = original.count
                original.append(index)
                reduced.columns.append(column)
            }
        }
        for row in rows {
            var shift = 0.0
            var terms: [(Int, Double)] = []
            for term in row.terms {
                if let value = fixed[term.column] {
                    shift += term.coefficient * value
                } else {
                    terms.append((newIndex[term.column], term.coefficient))
                }
            }
            reduced.addRow(row.name, terms, lower: row.lower.map { $0 - shift }, upper: row.upper.map { $0 - shift })
        }
        reduced.emptyRowsViolated += emptyRowsViolated
        reduced.branchFirst = branchFirst.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil }
        return (reduced, original)
    }

    /// The elastic program of this one: the same columns at no cost, and on each row that `side`
    /// names a slack column (cost 1) that lets the row give on that side. Its optimum is the least
    /// total give that makes the rows hold together; the rows whose slack is positive at that
    /// optimum are a smallest set to relax. Returns the slack column of each relaxed row.
    func elastic(_ side: (Row) -> RelaxedSide?) -> (model: MIPModel, slacks: [(row: Int, column: Int)]) {
        var elastic = MIPModel()
        for column in columns {
            elastic.columns.append(Column(name: column.name, kind: column.kind, lower: column.lower, upper: column.upper, cost: 0))
        }
        var slacks: [(row: Int, column: Int)] = []
        for (index, row) in rows.enumerated() {
            var terms = row.terms.map { ($0.column, $0.coefficient) }
            if let relaxed = side(row) {
                let slack = elastic.addColumn("slack_\(row.name)", .integer, lower: 0, cost: 1)
                terms.append((slack, relaxed == .lower ? 1 : -1))
                slacks.append((index, slack))
            }
            elastic.addRow(row.name, terms, lower: row.lower, upper: row.upper)
        }
        elastic.emptyRowsViolated = emptyRowsViolated
        return (elastic, slacks)
    }

    /// Which bound of a row may give in ``elastic(_:)``.
    enum RelaxedSide { case lower, upper }
}
