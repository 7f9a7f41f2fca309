import DNSCore
import ZoneCompiler

/// Records, zones and transfer answers for the secondary's tests.
enum Fixture {
    static let origin: DomainName = "home.arpa."

    static func name(_ text: String) -> DomainName {
        try! DomainName(text, origin: origin)
    }

    static func soa(_ serial: UInt32, refresh: UInt32 = 3600, retry: UInt32 = 600, expire: UInt32 = 86400,
                    origin: DomainName = Fixture.origin) -> ResourceRecord {
        ResourceRecord(owner: origin, ttl: 300, rdata: .soa(SOA(mname: try! DomainName("ns1", origin: origin),
                                                                rname: try! DomainName("hostmaster", origin: origin),
                                                                serial: serial, refresh: refresh, retry: retry,
                                                                expire: expire, minimum: 300)))
    }

    static func a(_ owner: String, _ last: UInt8, ttl: UInt32 = 300) -> ResourceRecord {
        ResourceRecord(owner: name(owner), ttl: ttl, rdata: .a(A(IPv4Address(192, 0, 2, last))))
    }

    static func ns(_ target: String) -> ResourceRecord {
        ResourceRecord(owner: origin, ttl: 300, rdata: .ns(NS(target: name(target))))
    }

    /// A zone that passes the checks: two name servers with addresses, and `hosts`
    /// A records host1…hostN.
    static func records(hosts: Int) -> [ResourceRecord] {
        [ns("ns1"), ns("ns2"), a("ns1", 1), a("ns2", 2)] + (0..<hosts).map { a("host\($0)", UInt8(truncatingIfNeeded: 10 + $0)) }
    }

    static func zone(serial: UInt32, _ records: [ResourceRecord], soa: ResourceRecord? = nil) -> Zone {
        var builder = ZoneBuilder(origin: origin)
        builder.add(soa ?? Fixture.soa(serial))
        for record in records { builder.add(record) }
        return builder.zone
    }

    /// A transfer answer message with `answers`.
    static func message(id: UInt16, _ type: RRType, _ answers: [ResourceRecord], question: Bool = true) -> Message {
        Message(header: MessageHeader(id: id, isResponse: true, isAuthoritative: true),
                questions: question ? [Question(name: origin, type: type)] : [], answers: answers)
    }
}
