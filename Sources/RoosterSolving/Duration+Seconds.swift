extension Duration {
    /// The duration in seconds, for rates, fractions of a time limit and printing.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
