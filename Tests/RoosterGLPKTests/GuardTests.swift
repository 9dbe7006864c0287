import CGLPK
import Foundation
import Testing

@testable import RoosterAuto
@testable import RoosterGLPK
@testable import RoosterMIP

/// GLPK misuse must come back as an error, never as `abort()` in the host process.
@Suite("GLPK guard")
struct GuardTests {
    @Test("A GLPK error inside the test process is caught, explained, and GLPK works afterwards on the same thread")
    func provokedError() throws {
        var result = rg_result()
        let code = rg_provoke_error(&result)
        #expect(code == Int32(RG_GLPK_ERROR))
        let message = withUnsafeBytes(of: result.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #expect(message.contains("glp_add_rows"), "GLPK's own message names the call: \(message)")
        // The environment was freed and comes back for the next solve.
        let solution = try GLPKBackend().solve(Self.knapsack)
        #expect(solution.status == .optimal)
        #expect(solution.objective == -10)
    }

    @Test("Duplicate matrix entries (which GLPK rejects by aborting) are a GLPKError")
    func duplicateEntries() {
        var result = rg_result()
        let code = Self.runRaw(entries: [(0, 0, 1), (0, 0, 2)], result: &result)
        #expect(code == Int32(RG_GLPK_ERROR))
    }

    @Test("An entry outside the matrix is refused before GLPK sees it")
    func outOfRange() {
        var result = rg_result()
        let code = Self.runRaw(entries: [(0, 9, 1)], result: &result)
        #expect(code == Int32(RG_BAD_MODEL))
    }

    @Test("Reaching GLPK's memory limit is a GLPKError, not a crash")
    func memoryLimit() {
        var model = MIPModel()
        let columns = (0..<20_000).map { model.addColumn("x\($0)", .binary, cost: -1) }
        for start in stride(from: 0, to: columns.count - 10, by: 3) {
            model.addRow("r\(start)", columns[start..<(start + 10)].map { ($0, 1) }, upper: 3)
        }
        var runner = MIPRunner(GLPKBackend())
        runner.memoryLimitMegabytes = 1
        #expect(throws: GLPKError.self) { try runner.solve(model) }
    }

    @Test("The builder merges repeated terms, so GLPK never sees a duplicate")
    func builderMerges() throws {
        var model = MIPModel()
        let x = model.addColumn("x", .integer, lower: 0, upper: 10, cost: -1)
        model.addRow("twice", [(x, 1), (x, 1)], upper: 7)
        let solution = try GLPKBackend().solve(model)
        #expect(solution.objective == -3, "2x ≤ 7 with x integer gives x = 3")
    }

    @Test("A warm start is accepted and a cancelled task stops the search")
    func warmStartAndCancellation() async throws {
        let model = Self.knapsack
        var runner = MIPRunner(GLPKBackend())
        runner.start = [1, 0, 1, 0]
        let warm = try runner.solve(model)
        #expect(warm.objective == -10)
        let task = Task { () -> MIPSolution? in
            withUnsafeCurrentTask { $0?.cancel() }
            return try? GLPKBackend().solve(Self.hardModel)
        }
        let stopped = await task.value
        #expect(stopped != nil, "a cancelled solve still returns")
    }

    /// max 5a + 4b + 5c + 3d with 2a + 3b + 3c + 2d ≤ 5: optimum a + c = 10.
    static var knapsack: MIPModel {
        var model = MIPModel()
        let values = [5.0, 4, 5, 3], weights = [2.0, 3, 3, 2]
        let columns = values.enumerated().map { model.addColumn("v\($0.offset)", .binary, cost: -$0.element) }
        model.addRow("weight", zip(columns, weights).map { ($0, $1) }, upper: 5)
        return model
    }

    /// A model that branches for a while: many overlapping knapsack rows.
    static var hardModel: MIPModel {
        var model = MIPModel()
        let columns = (0..<300).map { model.addColumn("x\($0)", .binary, cost: -Double(($0 * 37) % 11 + 1)) }
        for r in 0..<80 {
            let terms = (0..<40).map { k in (columns[(r * 17 + k * 7) % columns.count], Double((r + k) % 5 + 2)) }
            model.addRow("r\(r)", terms, upper: 13)
        }
        return model
    }

    /// Runs a one-row, six-column model with raw matrix entries (row, column, value).
    static func runRaw(entries: [(Int32, Int32, Double)], result: inout rg_result) -> Int32 {
        var allocations: [UnsafeMutableRawPointer] = []
        defer { allocations.forEach { $0.deallocate() } }
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            pointer.initialize(from: array, count: array.count)
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        let values = copy([Double](repeating: 0, count: 6))
        result.values = values
        var model = rg_model(
            rows: 1, cols: 6, row_type: copy([Int32(RG_UPPER)]), row_lower: copy([1.0]), row_upper: copy([1.0]),
            col_type: copy([Int32](repeating: Int32(RG_DOUBLE), count: 6)),
            col_kind: copy([Int32](repeating: Int32(RG_CONTINUOUS), count: 6)),
            col_lower: copy([Double](repeating: 0, count: 6)), col_upper: copy([Double](repeating: 1, count: 6)),
            objective: copy([Double](repeating: -1, count: 6)), objective_constant: 0, nonzeros: Int32(entries.count),
            entry_row: copy(entries.map(\.0)), entry_col: copy(entries.map(\.1)), entry_value: copy(entries.map(\.2)), col_names: nil,
            row_names: nil)
        var params = rg_params()
        params.time_limit_ms = 1000
        return rg_run(&model, &params, &result)
    }

    @Test("Names in exported models are unique after GLPK's character and length limits")
    func exportedNames() {
        let long = String(repeating: "x", count: 300)
        let names = GLPKBackend.glpkNames(["2V1-du", "2V1_du", "2V1 du", long + "a", long + "b", "", "ok"])
        #expect(names[0...2] == ["2V1_du", "2V1_du_2", "2V1_du_3"])
        #expect(names[3].count == 240 && names[4] == names[3] + "_2")
        #expect(names[5] == "_" && names[6] == "ok")
        #expect(Set(names).count == names.count)
    }
}
