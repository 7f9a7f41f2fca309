import DNSCore
import TSIG

extension NSUpdateProgram {
    /// What one exchange with a server produced.
    enum Reply {
        case response(Message, check: MessageSigning.Check, tcp: Bool)
        case failed(TransportError)
    }

    /// The record of one send, for `--json`.
    struct SendRecord {
        var line: Int
        var zone: DomainName?
        var server: SocketAddress?
        var tcp = false
        var id: UInt16?
        var rcode: RCode?
        var tsig: MessageSigning.Check = .notSigned
        var error: String?
        var wait: SerialWaiter.Report?
    }

    /// BIND's `start_update` and what follows it: find the zone and primary if needed,
    /// send, report.
    func send(line: Int) throws(Fatal) {
        var record = SendRecord(line: line)
        defer { if options.json { output.out(json(record)) } }
        switch session.sendPlan() {
        case .nothing:
            session.finishSend(answer: nil, resetZoneClass: false)
        case .direct(let zone, let servers):
            record.zone = zone
            sendUpdate(zone: zone, primaries: servers, from: 0, record: &record)
        case .discover(var discovery, let servers):
            do {
                try discover(&discovery, servers: servers, record: &record)
            } catch {
                record.error = error.message
                throw error
            }
        }
    }

    private func discover(_ discovery: inout ZoneDiscovery, servers: [SocketAddress], record: inout SendRecord) throws(Fatal) {
        var index = 0
        let signs = !session.usesDefaultServers && session.key != nil
        var signNext = signs
        // Bounded: one question per label (at most 127) plus one unsigned retry each,
        // plus one per server refusing.
        for _ in 0..<(2 * 128 + servers.count + 1) {
            guard index < servers.count else { throw Fatal(message: "could not reach any name server") }
            let server = servers[index]
            let query = discovery.query(id: UInt16.random(in: 0...0xFFFF))
            let tcp = !session.usesDefaultServers && options.useTCP
            switch exchangeMessage(query, with: server, key: signNext ? session.key : nil, tcp: tcp) {
            case .failed(let error):
                output.err("; Communication with \(server) failed: \(error)\n")
                index += 1
                guard index < servers.count else { throw Fatal(message: "could not reach any name server") }
                continue
            case .response(let response, let check, _):
                if case .failed(let reason, let error) = check {
                    if error != nil {
                        // A key the server does not accept: ask again unsigned.
                        signNext = false
                        continue
                    }
                    throw Fatal(message: "dns_request_getresponse: \(reason)")
                }
                signNext = signs
                if session.debugging { output.err("Reply from SOA query:\n" + response.text(style: .nsupdate)) }
                switch discovery.handle(response) {
                case .askAgain:
                    continue
                case .nextServer(let reason):
                    output.err("; Communication with \(server) failed: \(reason)\n")
                    index += 1
                    guard index < servers.count else { throw Fatal(message: "could not reach any name server") }
                case .fatal(let message):
                    throw Fatal(message: message)
                case .zoneDoesNotExist(let message):
                    output.err(message + "\n")
                    record.error = message
                    seenError = true
                    session.finishSend(answer: nil, resetZoneClass: false)
                    return
                case .found(let zone, let primary):
                    record.zone = zone
                    if session.debugging {
                        output.err("Found zone name: \(BINDResultText.formatted(discovery.soaOwner ?? zone))\n")
                        output.err("The primary is: \(BINDResultText.formatted(primary))\n")
                    }
                    if session.usesDefaultServers {
                        let host = BINDResultText.formatted(primary)
                        switch resolver.addresses(of: host, port: options.port, families: families, limit: 4) {
                        case .success(let primaries):
                            sendUpdate(zone: zone, primaries: primaries, from: 0, record: &record)
                        case .failure(let error):
                            let message = "couldn't get address for '\(host)': \(error)"
                            output.err(message + "\n")
                            record.error = message
                            seenError = true
                            session.finishSend(answer: nil, resetZoneClass: false)
                        }
                    } else {
                        // The update goes to the server that answered, then the next.
                        sendUpdate(zone: zone, primaries: servers, from: index, record: &record)
                    }
                    return
                }
            }
        }
        throw Fatal(message: "could not find enclosing zone")
    }

    /// Sends the update to each primary in turn until one answers (BIND's
    /// `send_update` and `update_completed`).
    private func sendUpdate(zone: DomainName, primaries: [SocketAddress], from start: Int, record: inout SendRecord) {
        var answer: Message?
        defer { session.finishSend(answer: answer, resetZoneClass: true) }
        guard start < primaries.count else {
            seenError = true
            record.error = "no server to send the update to"
            return
        }
        for server in primaries[start...] {
            let id = UInt16.random(in: 0...0xFFFF)
            let message = session.updateMessage(zone: zone, id: id)
            record.server = server
            record.id = id
            if session.debugging { output.err("Sending update to \(server)\n") }
            switch exchangeMessage(message, with: server, key: session.key, tcp: options.useTCP, showOutgoing: session.debugging) {
            case .failed(let error):
                output.err("; Communication with \(server) failed: \(error)\n")
                record.error = error.reason
                continue
            case .response(let response, let check, let tcp):
                record.error = nil
                record.tcp = tcp
                record.tsig = check
                record.rcode = response.header.rcode
                answer = response
                if case .failed(let reason, _) = check {
                    output.err("; TSIG error with server: \(reason)\n")
                    seenError = true
                }
                if response.header.opcode != .update {
                    output.err("invalid OPCODE in response to UPDATE request\n")
                    seenError = true
                    return
                }
                if response.header.rcode != .noError {
                    seenError = true
                    if !session.debugging {
                        var text = BINDMnemonics.rcodeName(response.header.rcode)
                        if let tsig = response.tsig, tsig.error != .noError {
                            text += "(\(BINDMnemonics.tsigErrorName(tsig.error)))"
                        }
                        output.err("update failed: \(text)\n")
                    }
                }
                if session.debugging { output.err("\nReply from update query:\n" + response.text(style: .nsupdate)) }
                if let seconds = options.waitSeconds, response.header.rcode == .noError, !check.isFailure {
                    record.wait = waitForSerial(zone: zone, primary: server, seconds: seconds)
                }
                return
            }
        }
        seenError = true
    }

    /// Encodes, signs, sends and decodes one message, checking the reply's TSIG.
    func exchangeMessage(_ message: Message, with server: SocketAddress, key: SessionKey?, tcp: Bool,
                         showOutgoing: Bool = false) -> Reply {
        var wire = message.encode()
        var requestMAC: [UInt8] = []
        if let key {
            (wire, requestMAC) = MessageSigning.sign(wire, key: key, now: Clock.wallSeconds)
        }
        if showOutgoing, let sent = try? Message(wire: wire) {
            output.out("Outgoing update query:\n" + sent.text(style: .nsupdate))
        }
        // Over 512 octets a datagram may not fit: BIND's dns_request switches to TCP.
        let useTCP = tcp || wire.count > 512
        let local = server.isIPv6 ? session.localIPv6 : session.localIPv4
        let bytes: [UInt8]
        do {
            bytes = try exchange(wire, server, local, useTCP, timeouts)
        } catch {
            return .failed(error)
        }
        let response: Message
        do {
            response = try Message(wire: bytes)
        } catch {
            return .failed(TransportError("malformed response: \(error)"))
        }
        guard response.header.isResponse else { return .failed(TransportError("unexpected message: not a response")) }
        let check = key.map { MessageSigning.check(response: bytes, response, key: $0, requestMAC: requestMAC, now: Clock.wallSeconds) }
            ?? .notSigned
        return .response(response, check: check, tcp: useTCP)
    }

    /// `--wait`: poll the zone's name servers; a timeout is a failed update (exit 2).
    func waitForSerial(zone: DomainName, primary: SocketAddress, seconds: Double) -> SerialWaiter.Report {
        let exchange = self.exchange
        let waiter = SerialWaiter(query: { message, server, timeout in
            let timeouts = TransportTimeouts(total: UInt32(max(1, timeout.rounded(.up))), udpInterval: UInt32(max(1, timeout.rounded(.up))),
                                             udpRetries: 0)
            guard let bytes = try? exchange(message.encode(), server, nil, false, timeouts) else { return nil }
            return try? Message(wire: bytes)
        }, port: options.port, families: families)
        let report = waiter.wait(zone: zone, rrClass: session.zoneClass ?? session.defaultClass, primary: primary, seconds: seconds)
        if let problem = report.problem {
            output.err("; --wait: \(problem)\n")
            seenError = true
        } else if session.debugging {
            output.err("; --wait: \(report.servers.count) servers serve serial \(report.target ?? 0) after \(report.elapsed) s\n")
        }
        return report
    }

    func json(_ record: SendRecord) -> String {
        var line = JSONLine()
        line.field("schemaVersion", 1)
        line.field("line", record.line)
        line.field("zone", record.zone?.description)
        line.field("server", record.server?.description)
        line.field("transport", record.server == nil ? nil : (record.tcp ? "tcp" : "udp"))
        line.field("id", record.id.map(Int.init))
        line.field("rcode", record.rcode.map(BINDMnemonics.rcodeName))
        line.field("tsig", session.key == nil && record.tsig == .notSigned ? "unsigned" : record.tsig.summary)
        line.field("error", record.error)
        if let wait = record.wait {
            line.object("wait") { object in
                object.field("complete", wait.complete)
                object.field("serial", wait.target.map(Int.init))
                object.field("seconds", wait.elapsed)
                object.field("problem", wait.problem)
                object.array("servers", wait.servers) { item, server in
                    item.field("name", server.name.description)
                    item.field("address", server.address?.description)
                    item.field("serial", server.serial.map(Int.init))
                    item.field("current", server.isCurrent)
                }
            }
        }
        return line.text + "\n"
    }
}
