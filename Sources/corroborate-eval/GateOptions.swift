internal import ArgumentParser

/// The floor options every scored evaluation takes: where the floors are, and whether to check or re-pin them.
struct GateOptions: ParsableArguments {
    @Option(help: "Quality floors to check with --gate.")
    var baseline = "Eval/baseline.json"

    @Flag(help: "Fail when a score drops below its floor, or the data changed since the floors were pinned.")
    var gate = false

    @Flag(help: "Write the current scores as the new floors (after checking that a drop is intended).")
    var pin = false

    /// Pins or checks `report` against the floors of `section`, as asked.
    func apply(
        _ report: [String: Any], section: String, set: String, metrics: [String], fingerprint: String
    ) throws {
        let floors = Gate(path: baseline, section: section, metrics: metrics)
        if pin { try floors.pin(report, set: set, fingerprint: fingerprint) }
        if gate { try floors.check(report, fingerprint: fingerprint) }
    }
}
