import CGLPK
import Foundation
import RoosterIO
@_exported import RoosterMIP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GLPK's errors are ``RoosterMIP/MIPError``s; the name stays for code written against earlier versions.
public typealias GLPKError = MIPError

/// GLPK (GNU Linear Programming Kit, `libglpk-dev`) as Rooster's MIP backend.
///
/// Every GLPK call of a solve happens inside one C function (`rg_run`) on the calling thread,
/// behind a `setjmp` and GLPK's error hook: a GLPK error becomes a ``RoosterMIP/MIPError`` instead
/// of an `abort()` of the host, and no GLPK object outlives the call or crosses an `await`.
public struct GLPKBackend: MIPBackend {
    public var name: String { "glpk" }

    public init() {}

    /// Solves the model. Returns early, with the best solution so far, when the time limit or
    /// deadline passes or the current task is cancelled.
    public func solve(_ model: MIPModel, settings: MIPSettings = MIPSettings()) throws(MIPError) -> MIPSolution {
        if model.isTriviallyInfeasible { return MIPSolution(status: .infeasible) }
        var values = [Double](repeating: 0, count: model.columns.count)
        var result = rg_result()
        let hooks = Hooks(
            deadline: settings.deadline.instant, stepLimit: settings.stepLimit, log: settings.log, progress: settings.progress)
        let code = values.withUnsafeMutableBufferPointer { buffer in
            result.values = buffer.baseAddress
            return run(model, settings: settings, names: false, mps: nil, lp: nil, writeOnly: false, hooks: hooks, result: &result)
        }
        try Self.check(code, result)
        switch result.mip_status {
        case Int32(RG_OPTIMAL):
            return MIPSolution(status: .optimal, objective: result.objective, bound: result.objective, values: values)
        case Int32(RG_FEASIBLE):
            return MIPSolution(status: .feasible, objective: result.objective, bound: finite(result.bound), values: values)
        case Int32(RG_NO_FEASIBLE):
            return MIPSolution(status: .infeasible)
        default:
            return MIPSolution(status: .noSolutionYet, bound: finite(result.bound))
        }
    }

    /// Writes the model in free MPS and/or CPLEX LP format, with readable row and column names. Each
    /// file is written under a temporary name and renamed into place, so a failed or interrupted
    /// write never leaves a half-written model.
    public func write(_ model: MIPModel, mps: String?, lp: String?) throws(MIPError) {
        for (path, isMPS) in [(mps, true), (lp, false)] {
            guard let path else { continue }
            let partial = path + ".partial"
            var result = rg_result()
            let code = run(
                model, settings: MIPSettings(), names: true, mps: isMPS ? partial : nil, lp: isMPS ? nil : partial, writeOnly: true,
                hooks: Hooks(), result: &result)
            do {
                try Self.check(code, result)
            } catch {
                unlink(partial)
                throw error
            }
            do {
                try AtomicFile.replace(URL(fileURLWithPath: path), withFinished: URL(fileURLWithPath: partial))
            } catch {
                throw MIPError(message: error.description)
            }
        }
    }

    private static func check(_ code: Int32, _ result: rg_result) throws(MIPError) {
        guard code != Int32(RG_OK) else { return }
        let message = withUnsafeBytes(of: result.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        throw MIPError(message: message.trimmingWhitespace())
    }

    private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    private func run(
        _ model: MIPModel, settings: MIPSettings, names: Bool, mps: String?, lp: String?, writeOnly: Bool, hooks: Hooks,
        result: inout rg_result
    ) -> Int32 {
        let rows = model.rows, columns = model.columns
        let rowType = CBuffer(rows.map { Self.boundType($0.lower, $0.upper) })
        let rowLower = CBuffer(rows.map { $0.lower ?? 0 }), rowUpper = CBuffer(rows.map { $0.upper ?? 0 })
        let colType = CBuffer(columns.map { Self.boundType($0.lower, $0.upper) })
        let colKind = CBuffer(
            columns.map { column -> Int32 in
                switch column.kind {
                case .continuous: Int32(RG_CONTINUOUS)
                case .integer: Int32(RG_INTEGER)
                case .binary: Int32(RG_BINARY)
                }
            })
        let colLower = CBuffer(columns.map { $0.lower ?? 0 }), colUpper = CBuffer(columns.map { $0.upper ?? 0 })
        let cost = CBuffer(columns.map(\.cost))
        var entryRow: [Int32] = [], entryCol: [Int32] = [], entryValue: [Double] = []
        entryRow.reserveCapacity(model.nonzeros)
        entryCol.reserveCapacity(model.nonzeros)
        entryValue.reserveCapacity(model.nonzeros)
        for (i, row) in rows.enumerated() {
            for term in row.terms {
                entryRow.append(Int32(i))
                entryCol.append(Int32(term.column))
                entryValue.append(term.coefficient)
            }
        }
        let entryRows = CBuffer(entryRow), entryCols = CBuffer(entryCol), entryValues = CBuffer(entryValue)
        let colNames = names ? CStrings(Self.glpkNames(columns.map(\.name))) : nil
        let rowNames = names ? CStrings(Self.glpkNames(rows.map(\.name))) : nil
        let start = settings.start.map { CBuffer($0) }
        let branchFirst = CBuffer(model.branchFirst.map { Int32($0) })
        let mpsPath = mps.map { CStrings([$0]) }, lpPath = lp.map { CStrings([$0]) }

        var cModel = rg_model(
            rows: Int32(rows.count), cols: Int32(columns.count), row_type: rowType.pointer, row_lower: rowLower.pointer,
            row_upper: rowUpper.pointer, col_type: colType.pointer, col_kind: colKind.pointer, col_lower: colLower.pointer,
            col_upper: colUpper.pointer, objective: cost.pointer, objective_constant: model.objectiveConstant,
            nonzeros: Int32(entryValue.count), entry_row: entryRows.pointer, entry_col: entryCols.pointer,
            entry_value: entryValues.pointer, col_names: colNames?.pointer, row_names: rowNames?.pointer)
        // GLPK's own limit overshoots (it is checked between steps); the hooks stop at the deadline itself.
        let limit = max(settings.deadline.remaining, .milliseconds(1))
        let milliseconds = limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
        var params = rg_params()
        params.time_limit_ms = Int32(clamping: max(milliseconds, 1))
        params.mip_gap = settings.mipGap
        params.memory_limit_mb = Int32(clamping: settings.memoryLimitMegabytes)
        params.use_cuts = settings.cuts ? 1 : 0
        params.use_heuristics = settings.heuristics ? 1 : 0
        params.primal_simplex = settings.primalSimplex ? 1 : 0
        params.write_only = writeOnly ? 1 : 0
        params.mps_path = mpsPath?.pointer[0].map { UnsafePointer($0) }
        params.lp_path = lpPath?.pointer[0].map { UnsafePointer($0) }
        params.start = start.map { UnsafePointer($0.pointer) }
        params.branch_first = UnsafePointer(branchFirst.pointer)
        params.branch_first_count = Int32(model.branchFirst.count)
        params.should_stop = { context, progress in
            guard let context, let progress else { return 0 }
            let hooks = Unmanaged<Hooks>.fromOpaque(context).takeUnretainedValue()
            return hooks.shouldStop(progress.pointee) ? 1 : 0
        }
        params.should_abandon = { context in
            guard let context else { return 0 }
            return Unmanaged<Hooks>.fromOpaque(context).takeUnretainedValue().shouldAbandon() ? 1 : 0
        }
        params.output = { context, text in
            guard let context, let text else { return }
            Unmanaged<Hooks>.fromOpaque(context).takeUnretainedValue().log?(String(cString: text))
        }
        return withExtendedLifetime((hooks, colNames, rowNames, mpsPath, lpPath, start, branchFirst)) {
            params.context = Unmanaged.passUnretained(hooks).toOpaque()
            return rg_run(&cModel, &params, &result)
        }
    }

    private static func boundType(_ lower: Double?, _ upper: Double?) -> Int32 {
        switch (lower, upper) {
        case (nil, nil): Int32(RG_FREE)
        case (.some, nil): Int32(RG_LOWER)
        case (nil, .some): Int32(RG_UPPER)
        case (.some(let low), .some(let high)): low == high ? Int32(RG_FIXED) : Int32(RG_DOUBLE)
        }
    }

    /// GLPK names: at most 255 characters, no spaces; letters, digits and `_` keep both file
    /// formats valid. Names are made unique *after* that (ids that differ only in other characters
    /// or beyond 240 characters would collide), with `_2`, `_3`, … — MPS readers such as `glpsol`
    /// refuse a file with two rows of one name.
    static func glpkNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        var lastCopy: [String: Int] = [:]
        return names.map { name in
            let safe = String(
                name.unicodeScalars.map { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) ? Character($0) : "_" }
                    .prefix(240))
            var unique = safe.isEmpty ? "_" : safe
            var copy = lastCopy[safe] ?? 1
            while used.contains(unique) {
                copy += 1
                unique = "\(safe)_\(copy)"
            }
            lastCopy[safe] = copy
            used.insert(unique)
            return unique
        }
    }
}

/// Callbacks shared with the C guard for one run.
private final class Hooks: @unchecked Sendable {
    let deadline: ContinuousClock.Instant?
    let stepLimit: Int?
    let log: (@Sendable (String) -> Void)?
    let progress: (@Sendable (MIPProgress) -> Void)?
    /// Callbacks so far; only the solving thread touches it.
    private var steps = 0

    init(
        deadline: ContinuousClock.Instant? = nil, stepLimit: Int? = nil, log: (@Sendable (String) -> Void)? = nil,
        progress: (@Sendable (MIPProgress) -> Void)? = nil
    ) {
        self.deadline = deadline
        self.stepLimit = stepLimit
        self.log = log
        self.progress = progress
    }

    func shouldStop(_ report: rg_progress) -> Bool {
        progress?(
            MIPProgress(incumbent: report.has_incumbent != 0 ? report.incumbent : nil, bound: report.bound.isFinite ? report.bound : nil))
        steps += 1
        if let stepLimit, steps >= stepLimit { return true }
        return shouldAbandon()
    }

    /// Cancellation or the deadline: asked by the search and, while the root LP runs, by GLPK's output.
    func shouldAbandon() -> Bool {
        if Task.isCancelled { return true }
        if let deadline, ContinuousClock.now >= deadline { return true }
        return false
    }
}

/// A C copy of a Swift array that lives as long as this object.
private final class CBuffer<Element> {
    let pointer: UnsafeMutablePointer<Element>

    init(_ elements: [Element]) {
        pointer = .allocate(capacity: max(elements.count, 1))
        pointer.initialize(from: elements, count: elements.count)
        count = elements.count
    }

    private let count: Int
    deinit { pointer.deinitialize(count: count).deallocate() }
}

/// NUL-terminated C copies of strings that live as long as this object.
private final class CStrings {
    let pointer: UnsafeMutablePointer<UnsafePointer<CChar>?>
    private let strings: [UnsafeMutablePointer<CChar>?]

    init(_ values: [String]) {
        strings = values.map { strdup($0) }
        pointer = .allocate(capacity: max(values.count, 1))
        for (index, string) in strings.enumerated() { (pointer + index).initialize(to: string.map { UnsafePointer($0) }) }
    }

    deinit {
        strings.forEach { free($0) }
        pointer.deallocate()
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
