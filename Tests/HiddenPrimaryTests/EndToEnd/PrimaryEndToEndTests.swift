import DNSCore
import Foundation
import Testing
import TestSupport

/// The hidden primary as users run it — the `dnsplane` binary — against the real
/// peers: BIND's nsupdate and dig as clients, named and knotd as secondaries. One
/// suite, run one test at a time: each starts several servers, and the timings they
/// check (a change visible on the secondaries within a second) need the machine.
///
/// The tests live in extensions, one file per concern.
@Suite("Hidden primary end to end (dnsplane binary, nsupdate, dig, named, knotd)", .serialized)
struct PrimaryEndToEndTests {
    /// A small zone with enough filler that an AXFR takes several messages.
    static func zoneText(serial: UInt32 = 1, fillers: Int = 600, extra: String = "") -> String {
        var text = """
        $TTL 300
        @ SOA ns1 hostmaster \(serial) 3600 900 604800 300
        @ NS ns1
        @ NS ns2
        ns1 A 192.0.2.1
        ns2 A 192.0.2.2
        www A 192.0.2.10

        """
        for index in 0..<fillers {
            text += "filler\(index) TXT \"filler record number \(index), so that a full transfer takes several messages\"\n"
        }
        return text + extra
    }

    /// True when every tool in `names` is installed; otherwise skips (or, with
    /// DNSPLANE_REQUIRE_PEERS=1, fails).
    static func peers(_ names: String...) throws -> Bool {
        for name in names where Peers.find(name) == nil {
            try Peers.skip(name)
            return false
        }
        return true
    }
}
