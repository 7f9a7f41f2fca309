import DNSCore
import ZoneCompiler

/// `--wait SECONDS`: after an update, wait until every name server of the zone's apex
/// NS set serves the zone with a serial at least the one the primary has now (RFC 1982
/// arithmetic), so an ACME DNS-01 client or a script sees its change everywhere.
///
/// The NS set and each name server's addresses come from the zone's own servers (the
/// primary the update went to: glue, then its A and AAAA answers), never from the
/// system resolver, which may cache an older view. Every loop is bounded by the
/// deadline and by a count. Queries go through `query`, so the logic is testable
/// without sockets.
public struct SerialWaiter {
    /// Sends a query to a server and returns its answer, or nil for none in `timeout`.
    public typealias Query = (_ message: Message, _ server: SocketAddress, _ timeout: Double) -> Message?

    public struct Server: Equatable, Sendable {
        public var name: DomainName
        public var address: SocketAddress?
        /// The serial it served last, nil when it has not answered with the zone's SOA.
        public var serial: UInt32?
        public var isCurrent: Bool
    }

    public struct Report: Equatable, Sendable {
        public var zone: DomainName
        /// The serial every server must reach.
        public var target: UInt32?
        public var servers: [Server]
        public var complete: Bool
        public var elapsed: Double
        /// Why the wait could not complete, when it did not.
        public var problem: String?
    }

    let query: Query
    let port: UInt16
    let families: AddressFamilies
    /// Seconds between polling rounds.
    let interval: Double
    let clock: () -> Double
    let sleep: (Double) -> Void

    public init(query: @escaping Query, port: UInt16, families: AddressFamilies, interval: Double = 0.25,
                clock: @escaping () -> Double = { Clock.now }, sleep: @escaping (Double) -> Void = { Clock.sleep(seconds: $0) }) {
        self.query = query
        self.port = port
        self.families = families
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
    }

    public func wait(zone: DomainName, rrClass: RRClass = .in, primary: SocketAddress, seconds: Double) -> Report {
        let start = clock()
        let deadline = start + seconds
        var report = Report(zone: zone, target: nil, servers: [], complete: false, elapsed: 0, problem: nil)
        var id = UInt16.random(in: 1...0xFFFF)
        func ask(_ name: DomainName, _ type: RRType, _ server: SocketAddress) -> Message? {
            let remaining = deadline - clock()
            guard remaining > 0 else { return nil }
            id = id &+ 1
            let message = Message(header: MessageHeader(id: id, opcode: .query), questions: [Question(name: name, type: type, rrClass: rrClass)])
            guard let answer = query(message, server, min(1.0, remaining)), answer.header.id == id,
                  answer.header.isResponse, answer.header.rcode == .noError else { return nil }
            return answer
        }
        func serial(from answer: Message?) -> UInt32? {
            for record in answer?.answers ?? [] where record.owner == zone {
                if case .soa(let soa) = record.rdata { return soa.serial }
            }
            return nil
        }

        // The serial the update produced, from the server that took it.
        var rounds = 0
        let maxRounds = Int(seconds / max(interval, 0.01)) + 8
        while report.target == nil && clock() < deadline && rounds < maxRounds {
            report.target = serial(from: ask(zone, .soa, primary))
            rounds += 1
            if report.target == nil { sleep(min(interval, max(0, deadline - clock()))) }
        }
        guard let target = report.target else {
            report.problem = "the primary \(primary) did not answer an SOA query for \(zone)"
            report.elapsed = clock() - start
            return report
        }

        // The apex NS set, and addresses for each name: glue first, then A and AAAA.
        guard let nsAnswer = ask(zone, .ns, primary) else {
            report.problem = "the primary \(primary) did not answer an NS query for \(zone)"
            report.elapsed = clock() - start
            return report
        }
        var names: [DomainName] = []
        for record in nsAnswer.answers where record.owner == zone {
            if case .ns(let ns) = record.rdata, !names.contains(ns.target) { names.append(ns.target) }
        }
        guard !names.isEmpty else {
            report.problem = "the primary \(primary) has no NS records for \(zone)"
            report.elapsed = clock() - start
            return report
        }
        for name in names {
            var addresses = Self.addresses(of: name, in: nsAnswer.additionals, port: port, families: families)
            if addresses.isEmpty {
                for type in [RRType.a, .aaaa] where type == .a ? families.ipv4 : families.ipv6 {
                    addresses += Self.addresses(of: name, in: ask(name, type, primary)?.answers ?? [], port: port, families: families)
                }
            }
            if addresses.isEmpty {
                report.servers.append(Server(name: name, address: nil, serial: nil, isCurrent: false))
            }
            for address in addresses {
                report.servers.append(Server(name: name, address: address, serial: nil, isCurrent: false))
            }
        }

        // Poll each server that is behind until all are current or time is up.
        rounds = 0
        while rounds < maxRounds {
            rounds += 1
            for index in report.servers.indices where !report.servers[index].isCurrent {
                guard let address = report.servers[index].address else { continue }
                if let served = serial(from: ask(zone, .soa, address)) {
                    report.servers[index].serial = served
                    let relation = SerialNumber(served).compare(to: SerialNumber(target))
                    report.servers[index].isCurrent = relation == .equal || relation == .greater
                }
            }
            if report.servers.allSatisfy(\.isCurrent) {
                report.complete = true
                break
            }
            let remaining = deadline - clock()
            if remaining <= 0 { break }
            sleep(min(interval, remaining))
        }
        if !report.complete {
            let behind = report.servers.filter { !$0.isCurrent }.map { server -> String in
                let name = BINDResultText.formatted(server.name)
                guard let address = server.address else { return "\(name) (no address from the primary)" }
                return "\(name) (\(address)) " + (server.serial.map { "serves serial \($0)" } ?? "did not answer")
            }
            report.problem = "timed out after \(Self.format(seconds)) s waiting for serial \(target): " + behind.joined(separator: ", ")
        }
        report.elapsed = clock() - start
        return report
    }

    static func addresses(of name: DomainName, in records: [ResourceRecord], port: UInt16, families: AddressFamilies) -> [SocketAddress] {
        var result: [SocketAddress] = []
        for record in records where record.owner == name {
            switch record.rdata {
            case .a(let a) where families.ipv4: result.append(SocketAddress(.v4(a.address), port: port))
            case .aaaa(let aaaa) where families.ipv6: result.append(SocketAddress(.v6(aaaa.address, scope: 0), port: port))
            default: break
            }
        }
        return result
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
