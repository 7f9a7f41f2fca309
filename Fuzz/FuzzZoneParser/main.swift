// libFuzzer target for the master-file parser and the checks:
//   swift build --sanitize=fuzzer --scratch-path .build-fuzz --product FuzzZoneParser
//   ./.build-fuzz/debug/FuzzZoneParser -max_total_time=60 Fuzz/FuzzZoneParser/corpus
// Any input must compile without crashing, and whatever loaded must survive a round
// trip through the canonical writer unchanged.
import ZoneCompiler

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZoneParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = CompileOptions(origin: "example.", includeBase: .forbidden, maxGeneratedRecords: 2_000)
    let result = Compiler.compile(bytes: bytes, name: "fuzz.zone", options: options)

    options.policy = .namedCheckzone
    let text = CanonicalZoneWriter.write(result.zone, style: .full)
    let again = Compiler.compile(text: text, name: "canonical.zone", options: options)
    // Semantic findings (two SOAs, CNAME and other data) survive the trip, as they
    // should; the canonical text itself must read back cleanly.
    let parseChecks: Set<CheckID> = [.syntax, .badName, .badTTL, .unknownType, .metaType, .badRData, .badDirective,
                                     .badGenerate, .noOwner, .noTTL, .classMismatch, .outOfZone, .ttlMismatch]
    let unreadable = again.diagnostics.filter { parseChecks.contains($0.check) }
    if again.zone != result.zone || !unreadable.isEmpty {
        fatalError("canonical round trip changed the zone:\n\(text)\n\(again.diagnostics.map(\.message))")
    }
    return 0
}
