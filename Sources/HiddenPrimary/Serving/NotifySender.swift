import DNSCore
import Logging
import NIOCore
import TSIG

/// Sends NOTIFY (RFC 1996) to every secondary on each new serial, signed when a key is
/// set, retried with backoff until the secondary answers. A newer serial for the same
/// zone and secondary replaces the one being retried.
public actor NotifySender {
    private let exchanger: DatagramExchanger
    private let key: TSIGKey?
    private let logger: Logger
    private let clock: @Sendable () -> UInt64
    /// Waits between attempts; the number of entries bounds the attempts.
    private let backoff: [TimeAmount]
    private var generation: [Target: Int] = [:]

    struct Target: Hashable {
        var zone: DomainName
        var address: String
        var port: Int
    }

    public init(exchanger: DatagramExchanger, key: TSIGKey?, logger: Logger,
                backoff: [TimeAmount] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16)],
                clock: @escaping @Sendable () -> UInt64) {
        self.exchanger = exchanger
        self.key = key
        self.logger = logger
        self.backoff = backoff
        self.clock = clock
    }

    /// Starts notifying `secondaries` of `soa`; returns at once.
    public func notify(zone: DomainName, soa: ResourceRecord, secondaries: [SocketAddress]) {
        for secondary in secondaries {
            let target = Target(zone: zone, address: secondary.ipAddress ?? "", port: secondary.port ?? 53)
            let mine = (generation[target] ?? 0) + 1
            generation[target] = mine
            Task { await self.run(target, secondary, soa: soa, generation: mine) }
        }
    }

    private func run(_ target: Target, _ address: SocketAddress, soa: ResourceRecord, generation mine: Int) async {
        let serial: UInt32 = { if case .soa(let s) = soa.rdata { return s.serial }; return 0 }()
        for (attempt, wait) in backoff.enumerated() {
            guard generation[target] == mine else { return }
            var message = Message(header: MessageHeader(id: UInt16.random(in: 0...0xFFFF)),
                                  questions: [Question(name: target.zone, type: .soa)], answers: [soa])
            message.header.opcode = .notify
            message.header.isAuthoritative = true
            var wire = message.encode()
            var requestMAC: [UInt8]?
            if let key {
                let signed = TSIGSigner.sign(wire, key: key, timeSigned: clock())
                wire = signed.wire
                requestMAC = signed.mac
            }
            if let answer = await exchanger.exchange(wire, to: address, timeout: wait),
               let response = try? Message(wire: answer), response.header.isResponse, response.header.opcode == .notify {
                if let key, let requestMAC,
                   case .invalid(let failure) = TSIGVerifier.verify(answer, response, keyring: TSIGKeyring([key]), now: clock(), requestMAC: requestMAC) {
                    logger.warning("\(target.zone): NOTIFY answer from \(target.address):\(target.port) fails TSIG: \(failure)")
                }
                if response.header.rcode == .noError {
                    logger.info("\(target.zone): NOTIFY of serial \(serial) acknowledged by \(target.address):\(target.port)\(attempt > 0 ? " after \(attempt + 1) tries" : "")")
                } else {
                    logger.warning("\(target.zone): NOTIFY of serial \(serial) answered \(response.header.rcode) by \(target.address):\(target.port)")
                }
                return
            }
        }
        if generation[target] == mine {
            logger.warning("\(target.zone): NOTIFY of serial \(serial) to \(target.address):\(target.port) unanswered after \(backoff.count) tries; it will pick the change up at its next refresh")
        }
    }
}
