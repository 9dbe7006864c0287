import Yams

/// YAML (and JSON, which Rooster reads as YAML for line numbers) composed into a node tree with a
/// limit on its size.
///
/// Anchors and aliases let a few hundred bytes stand for billions of nodes ("billion laughs"):
/// Yams shares the aliased node, so composing is cheap, but every walk over the tree — locating
/// lines, decoding — visits each use. The size is counted once, with an early stop, before any
/// walk; a school of 20,000 students has well under a tenth of the limit.
enum YAMLText {
    /// Nodes a file may expand to.
    static let nodeLimit = 5_000_000

    /// The document's root node (nil for an empty document).
    static func compose(_ text: String, file: String) throws(InputError) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(yaml: error, file: file)
        } catch {
            throw InputError(file: file, message: "The YAML could not be read: \(error)")
        }
        if let root, !isWithinLimit(root) { throw tooLarge(file) }
        return root
    }

    /// The tree of a JSON file, read as YAML only for line numbers and unknown keys: nil when the
    /// YAML parser cannot follow it (the JSON decoder then says what is wrong), but duplicate keys
    /// and oversized trees are errors — JSON decoders silently keep the last of two keys.
    static func composeJSON(_ text: String, file: String) throws(InputError) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else { return nil }
            guard isWithinLimit(root) else { throw tooLarge(file) }
            return root
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error { throw InputError(yaml: error, file: file) }
            return nil
        } catch let error as InputError {
            throw error
        } catch {
            return nil
        }
    }

    private static func tooLarge(_ file: String) -> InputError {
        InputError(
            file: file, message: "The file expands to more than \(nodeLimit.formatted) values through YAML anchors and aliases (*name)",
            hint: "write the repeated parts out, or nest aliases less deeply")
    }

    /// Whether the tree has at most ``nodeLimit`` nodes, counting every use of an aliased node.
    static func isWithinLimit(_ root: Node) -> Bool {
        var count = 0
        var stack = [root]
        while let node = stack.popLast() {
            count += 1
            if count > nodeLimit { return false }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            default: break
            }
        }
        return true
    }
}

extension Int {
    /// "5,000,000".
    fileprivate var formatted: String {
        let digits = String(self)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
