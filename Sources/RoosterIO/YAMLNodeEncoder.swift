import Yams

/// Encodes a value to YAML as Yams' `YAMLEncoder` does — the same nodes, so the same text — in
/// time linear in its size.
///
/// `YAMLEncoder` keeps the tree as nested `Node` values and sets each new key or element through
/// its parent, copying the parent's array every time: writing a generated school of 2,400
/// students took 44 s (debug build). Here the tree grows in reference boxes and becomes `Node`s
/// once, at the end.
enum YAMLNodeEncoder {
    static func encode(_ value: some Encodable) throws -> String {
        let root = Box()
        try root.encode(value, codingPath: [])
        return try Yams.serialize(node: root.node)
    }

    /// A node under construction.
    final class Box {
        enum Content {
            case empty
            case scalar(Node)
            case mapping([(key: String, value: Box)])
            case sequence([Box])
        }

        var content = Content.empty

        /// The finished node; a box nothing was written to is YAML's null, as in `YAMLEncoder`.
        var node: Node {
            switch content {
            case .empty: Node("null", Tag(.null))
            case .scalar(let node): node
            case .mapping(let pairs): Node(pairs.map { (Node($0.key), $0.value.node) }, .implicit, .any)
            case .sequence(let boxes): Node(boxes.map(\.node), .implicit, .any)
            }
        }

        /// Scalars Yams knows (strings, numbers, booleans, dates) become its scalar nodes; every
        /// other value encodes itself into this box.
        func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
            if let scalar = value as? any YAMLEncodable {
                var node = scalar.box()
                if let text = value as? any StringProtocol, text.contains("\n") { node.scalar?.style = .any }
                content = .scalar(node)
            } else {
                try value.encode(to: BoxEncoder(box: self, codingPath: codingPath))
            }
        }

        /// The value under `key` (replacing an earlier one, as a mapping does), in a new box.
        func child(forKey key: String) -> Box {
            let child = Box()
            if case .mapping(var pairs) = content {
                content = .empty  // drop the reference, so that appending does not copy
                if let index = pairs.firstIndex(where: { $0.key == key }) {
                    pairs[index].value = child
                } else {
                    pairs.append((key, child))
                }
                content = .mapping(pairs)
            } else {
                content = .mapping([(key, child)])
            }
            return child
        }

        /// A new element at the end of this sequence.
        func appended() -> Box {
            let child = Box()
            if case .sequence(var boxes) = content {
                content = .empty
                boxes.append(child)
                content = .sequence(boxes)
            } else {
                content = .sequence([child])
            }
            return child
        }
    }

    struct BoxEncoder: Encoder, SingleValueEncodingContainer {
        let box: Box
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .mapping = box.content {} else { box.content = .mapping([]) }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .sequence = box.content {} else { box.content = .sequence([]) }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        func encodeNil() throws { box.content = .scalar(Node("null", Tag(.null))) }
        func encode(_ value: some Encodable) throws { try box.encode(value, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        let codingPath: [any CodingKey]

        func encodeNil(forKey key: Key) throws { box.child(forKey: key.stringValue).content = .scalar(Node("null", Tag(.null))) }

        func encode(_ value: some Encodable, forKey key: Key) throws {
            try box.child(forKey: key.stringValue).encode(value, codingPath: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            BoxEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            BoxEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { BoxEncoder(box: box.child(forKey: "super"), codingPath: codingPath) }
        func superEncoder(forKey key: Key) -> any Encoder {
            BoxEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        let codingPath: [any CodingKey]
        var count: Int {
            if case .sequence(let boxes) = box.content { return boxes.count }
            return 0
        }

        mutating func encodeNil() throws { box.appended().content = .scalar(Node("null", Tag(.null))) }
        mutating func encode(_ value: some Encodable) throws { try box.appended().encode(value, codingPath: codingPath) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            BoxEncoder(box: box.appended(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            BoxEncoder(box: box.appended(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { BoxEncoder(box: box.appended(), codingPath: codingPath) }
    }
}
