import DNSCore
import Logging
import NIOCore
import TSIG
import ZoneCompiler

/// Sends NOTIFY (RFC 1996) to every secondary on each new serial, signed when a key is
/// set, retried with backoff until the secondary answers.
///
/// During an UPDATE storm, one NOTIFY at a time per zone and secondary: while a fresh
/// one (sent less than `patience` ago) waits for its answer, newer serials only replace
/// what is to be sent, and the newest goes when it is answered (at most once per
/// `minimumGap`). A secondary that transfers after each NOTIFY is then not asked to
/// transfer for serials it would skip anyway. A NOTIFY that has waited longer — the
/// secondary is slow or down, and retries are backing off — does not hold a new serial
/// back: the newest is sent at once, or as soon as the NOTIFY out has waited
/// `patience`, and the tries start over.
public actor NotifySender {
    private let exchanger: DatagramExchanger
    private let key: TSIGKey?
    private let logger: Logger
    private let clock: @Sendable () -> UInt64
    /// Waits between attempts; the number of entries bounds the attempts per serial.
    private let backoff: [TimeAmount]
    private let minimumGap: TimeAmount
    private let patience: TimeAmount
    /// The SOA each target is to be told of, and the sender working on it.
    private var targets: [Target: TargetState] = [:]

    struct Target: Hashable {
        var zone: DomainName
        var address: String
        var port: Int
    }

    struct TargetState {
        var soa: ResourceRecord
        /// The sender that owns the target; an older one stops at its next look.
        var generation = 0
        var running = false
        /// When the NOTIFY now waiting for an answer was sent, and its serial.
        var sentAt: NIODeadline?
        var sentSerial: UInt32?
        /// A look is scheduled for when that NOTIFY runs out of patience.
        var patienceCheckScheduled = false
    }

    public init(exchanger: DatagramExchanger, key: TSIGKey?, logger: Logger,
                backoff: [TimeAmount] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16)],
                minimumGap: TimeAmount = .milliseconds(10), patience: TimeAmount = .milliseconds(50),
                clock: @escaping @Sendable () -> UInt64) {
        self.exchanger = exchanger
        self.key = key
        self.logger = logger
        self.backoff = backoff
        self.minimumGap = minimumGap
        self.patience = patience
        self.clock = clock
    }

    /// Starts notifying `secondaries` of `soa`; returns at once.
    public func notify(zone: DomainName, soa: ResourceRecord, secondaries: [SocketAddress]) {
        for secondary in secondaries {
            let target = Target(zone: zone, address: secondary.ipAddress ?? "", port: secondary.port ?? 53)
            var state = targets[target] ?? TargetState(soa: soa)
            // An older serial (a task may deliver late) never replaces a newer one.
            if let new = Self.serial(soa), let old = Self.serial(state.soa),
               SerialNumber(new).compare(to: SerialNumber(old)) == .less { continue }
            state.soa = soa
            if state.running {
                // Between two sends: the sender takes the newest next.
                guard let sentAt = state.sentAt else {
                    targets[target] = state
                    continue
                }
                // A fresh one out: wait for its answer, but no longer than `patience`,
                // then send the newest whatever the retry timer says.
                let waited = NIODeadline.now() - sentAt
                if waited < patience {
                    if !state.patienceCheckScheduled {
                        state.patienceCheckScheduled = true
                        let remaining = patience - waited
                        Task {
                            try? await Task.sleep(nanoseconds: UInt64(max(0, remaining.nanoseconds)))
                            await self.patienceRanOut(target, secondary)
                        }
                    }
                    targets[target] = state
                    continue
                }
            }
            startSender(target, secondary, state: state)
        }
    }

    /// The NOTIFY out when a newer serial came has waited `patience`: if it is still
    /// unanswered, the newest serial goes now and its tries start over.
    private func patienceRanOut(_ target: Target, _ secondary: SocketAddress) {
        guard var state = targets[target] else { return }
        state.patienceCheckScheduled = false
        targets[target] = state
        // Answered meanwhile (the sender takes the newest next), or the newest is out.
        guard state.running, let sentAt = state.sentAt, state.sentSerial != Self.serial(state.soa) else { return }
        guard NIODeadline.now() - sentAt >= patience else {
            // Another NOTIFY went out since: its own patience applies.
            notify(zone: target.zone, soa: state.soa, secondaries: [secondary])
            return
        }
        startSender(target, secondary, state: state)
    }

    /// A new sender for the target's newest SOA; the one before it stops at its next look.
    private func startSender(_ target: Target, _ secondary: SocketAddress, state: TargetState) {
        var state = state
        state.generation += 1
        state.running = true
        state.sentAt = nil
        targets[target] = state
        let generation = state.generation
        Task { await self.run(target, secondary, generation: generation) }
    }

    static func serial(_ soa: ResourceRecord) -> UInt32? {
        if case .soa(let s) = soa.rdata { return s.serial }
        return nil
    }

    /// Sends the target's newest SOA until it is answered (or the tries run out), then
    /// again if a newer one came meanwhile; stops when a newer sender takes over.
    private func run(_ target: Target, _ address: SocketAddress, generation: Int) async {
        var attempt = 0
        var sentSerial: UInt32?
        while let state = targets[target], state.generation == generation {
            let soa = state.soa
            let serial = Self.serial(soa) ?? 0
            if sentSerial != serial { attempt = 0 }
            sentSerial = serial
            guard attempt < backoff.count else {
                logger.warning("\(target.zone): NOTIFY of serial \(serial) to \(target.address):\(target.port) unanswered after \(backoff.count) tries; it will pick the change up at its next refresh")
                break
            }
            targets[target]?.sentAt = .now()
            targets[target]?.sentSerial = serial
            let answered = await send(soa, serial: serial, to: target, address, timeout: backoff[attempt], attempt: attempt)
            guard targets[target]?.generation == generation else { return }
            targets[target]?.sentAt = nil
            attempt += 1
            if answered {
                guard let now = targets[target], Self.serial(now.soa) != serial else { break }
                // Newer serials came while this one was out: the newest goes next.
                try? await Task.sleep(nanoseconds: UInt64(minimumGap.nanoseconds))
            }
        }
        // No suspension since the last look at the newest serial: the next one to
        // come starts a new sender.
        if targets[target]?.generation == generation { targets[target]?.running = false }
    }

    /// One NOTIFY and its answer; true when the secondary answered.
    private func send(_ soa: ResourceRecord, serial: UInt32, to target: Target, _ address: SocketAddress,
                      timeout: TimeAmount, attempt: Int) async -> Bool {
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
        guard let answer = await exchanger.exchange(wire, to: address, timeout: timeout),
              let response = try? Message(wire: answer), response.header.isResponse, response.header.opcode == .notify else {
            return false
        }
        if let key, let requestMAC,
           case .invalid(let failure) = TSIGVerifier.verify(answer, response, keyring: TSIGKeyring([key]), now: clock(), requestMAC: requestMAC) {
            logger.warning("\(target.zone): NOTIFY answer from \(target.address):\(target.port) fails TSIG: \(failure)")
        }
        if response.header.rcode == .noError {
            logger.info("\(target.zone): NOTIFY of serial \(serial) acknowledged by \(target.address):\(target.port)\(attempt > 0 ? " after \(attempt + 1) tries" : "")")
        } else {
            logger.warning("\(target.zone): NOTIFY of serial \(serial) answered \(response.header.rcode) by \(target.address):\(target.port)")
        }
        return true
    }
}
