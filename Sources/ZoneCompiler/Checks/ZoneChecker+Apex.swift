extension ZoneChecker {
    /// The apex: SOA and NS present, NS targets resolvable, timers and serial sane.
    mutating func checkApex(previousSerial: UInt32?) {
        let apex = zone.node(zone.origin)
        guard let soaSet = apex?.rrset(.soa), case .soa(let soa)? = soaSet.rdatas.first else {
            sink.report(.soaMissing, "the zone \(zone.origin) has no SOA record at its apex", owner: zone.origin,
                        bind: "\(zonePrefix)has 0 SOA records")
            checkApexNS(apex)
            return
        }
        checkApexNS(apex)

        if soa.retry >= soa.refresh {
            sink.report(.soaTimers, "SOA retry \(soa.retry) is not below refresh \(soa.refresh): secondaries would retry no sooner than they refresh",
                        at: soaSet.firstLocation, owner: zone.origin)
        }
        if soa.expire <= UInt64(soa.refresh) + UInt64(soa.retry) {
            sink.report(.soaTimers, "SOA expire \(soa.expire) is not above refresh + retry (\(UInt64(soa.refresh) + UInt64(soa.retry))): secondaries could expire the zone before retrying",
                        at: soaSet.firstLocation, owner: zone.origin)
        }
        if let previousSerial {
            let relation = SerialNumber(soa.serial).compare(to: SerialNumber(previousSerial))
            if relation != .greater {
                let what = relation == .equal ? "is the same as" : (relation == .less ? "is below" : "cannot be compared with")
                sink.report(.serialRegression,
                            "SOA serial \(soa.serial) \(what) the previous serial \(previousSerial) (RFC 1982): secondaries will not transfer this version",
                            at: soaSet.firstLocation, owner: zone.origin)
            }
        }
    }

    private mutating func checkApexNS(_ apex: ZoneNode?) {
        guard let nsSet = apex?.rrset(.ns), !nsSet.rdatas.isEmpty else {
            sink.report(.nsMissing, "the zone \(zone.origin) has no NS records at its apex", owner: zone.origin,
                        bind: "\(zonePrefix)has no NS records")
            return
        }
        if nsSet.rdatas.count < 2 {
            sink.report(.nsCount, "only one NS record at the apex: one server is a single point of failure",
                        at: nsSet.firstLocation, owner: zone.origin)
        }
        // BIND checks apex NS addresses in class IN only (zone_check_ns).
        guard zone.rrClass == .in else { return }
        for (index, rdata) in nsSet.rdatas.enumerated() {
            guard case .ns(let ns) = rdata, ns.target.isSubdomain(of: zone.origin) else { continue }
            let location = nsSet.location(at: index)
            switch lookup.findAddress(ns.target) {
            case .found, .delegation, .outOfZone:
                break
            case .cname:
                sink.report(.apexNSNoAddress, "apex NS target \(ns.target) is a CNAME (RFC 2181 §10.3)", at: location,
                            owner: zone.origin, bind: "\(zonePrefix)NS '\(ns.target.bindText)' is a CNAME (illegal)")
            case .belowDNAME(let dname):
                sink.report(.apexNSNoAddress, "apex NS target \(ns.target) is below a DNAME", at: location,
                            owner: zone.origin, bind: "\(zonePrefix)NS '\(ns.target.bindText)' is below a DNAME '\(dname.bindText)' (illegal)")
            case .noData, .nxDomain, .emptyNonTerminal:
                sink.report(.apexNSNoAddress, "apex NS target \(ns.target) has no address records (A or AAAA)", at: location,
                            owner: zone.origin, bind: "\(zonePrefix)NS '\(ns.target.bindText)' has no address records (A or AAAA)")
            }
        }
    }
}
