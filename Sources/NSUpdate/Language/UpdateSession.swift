import DNSCore
import TSIG

/// The state nsupdate keeps between input lines, and the UPDATE message it is building
/// (RFC 2136): the default class and TTL, the zone and server the user named, the key,
/// check-names, and the prerequisites and updates typed since the last send.
///
/// `execute(line:number:)` runs one line and says what to do next; it touches no
/// socket and no file (a `server` name is resolved through the injected resolver), so
/// the whole language is testable without I/O. The runner sends what `sendPlan`
/// describes and hands the answer back with `finishSend(answer:)`.
public struct UpdateSession {
    /// What does not change while a script runs: the command line's choices.
    public struct Configuration: Sendable {
        /// `-p`: the port for `server` without one, resolv.conf servers and MNAMEs.
        public var port: UInt16
        public var families: AddressFamilies
        /// `-l`: updates go to localhost only and `server` is refused.
        public var localOnly: Bool
        /// nsupdate's name in `help` and `version`.
        public var versionText: String

        public init(port: UInt16 = 53, families: AddressFamilies = .both, localOnly: Bool = false,
                    versionText: String = "nsupdate-swift") {
            self.port = port
            self.families = families
            self.localOnly = localOnly
            self.versionText = versionText
        }
    }

    public let configuration: Configuration
    let resolver: any AddressResolving

    // MARK: State that lasts across sends

    /// `class`: the class records get when they name none.
    public internal(set) var defaultClass: RRClass = .in
    /// BIND's `zoneclass`: fixed by the first record that names or implies a class,
    /// reset after each send; nil is BIND's `dns_rdataclass_none`.
    public internal(set) var zoneClass: RRClass?
    /// `ttl`: the TTL of added records that give none.
    public internal(set) var defaultTTL: UInt32?
    public internal(set) var checkNames = true
    /// `zone`: the zone to update; nil lets nsupdate find it.
    public internal(set) var userZone: DomainName?
    /// Where UPDATEs and SOA queries go: the `server` command's addresses, or (while
    /// `usesDefaultServers`) the resolv.conf servers.
    public internal(set) var servers: [SocketAddress]
    /// True until `server` is given: the servers are the system's resolvers, asked
    /// recursively for the SOA, and the update goes to the zone's MNAME.
    public internal(set) var usesDefaultServers: Bool
    /// `local`: the source addresses, one per family.
    public internal(set) var localIPv4: SocketAddress?
    public internal(set) var localIPv6: SocketAddress?
    /// `-y`, `-k` or the `key` command.
    public var key: SessionKey?
    public var debugging = false
    public var extraDebugging = false
    /// The response to the last update, for `answer`.
    public var answer: Message?

    // MARK: The message being built

    public internal(set) var prerequisites: [ResourceRecord] = []
    public internal(set) var updates: [ResourceRecord] = []
    /// The input line of each update record, for `--check` and messages.
    public internal(set) var updateLines: [Int] = []
    public internal(set) var prerequisiteLines: [Int] = []

    /// `servers` are the resolv.conf name servers (or the localhost fallback).
    public init(configuration: Configuration, defaultServers: [SocketAddress], resolver: any AddressResolving = SystemResolver()) {
        self.configuration = configuration
        self.servers = defaultServers
        self.usesDefaultServers = !configuration.localOnly
        self.resolver = resolver
    }

    /// True when nothing was added to the message since the last send.
    public var isEmpty: Bool { prerequisites.isEmpty && updates.isEmpty }

    /// BIND's `getzoneclass()`: the zone class, fixing it to the default class when
    /// none was set yet (a side effect BIND has, so `class` after it no longer counts).
    mutating func resolvedZoneClass() -> RRClass {
        if zoneClass == nil { zoneClass = defaultClass }
        return zoneClass!
    }

    /// BIND's `setzoneclass()`: the first class named fixes the zone class; NONE frees
    /// it again (BIND uses NONE as "no class yet"); false on a conflicting class.
    mutating func setZoneClass(_ rrClass: RRClass) -> Bool {
        if rrClass == .none {
            zoneClass = nil
            return true
        }
        if zoneClass == nil { zoneClass = rrClass }
        return zoneClass == rrClass
    }

    /// The message as `show` prints it: no ID, the user's zone (if any) in the zone
    /// section, prerequisites and updates in the order they were typed.
    public mutating func outgoingMessage(zone: DomainName?) -> Message {
        var message = Message(header: MessageHeader(id: 0, opcode: .update))
        if let zone {
            message.zones = [Question(name: zone, type: .soa, rrClass: resolvedZoneClass())]
        }
        message.prerequisites = prerequisites
        message.updates = updates
        return message
    }

    /// After a send (or an empty one): the message starts over and the zone class is
    /// free again; the answer replaces the last one (nil when none came back).
    public mutating func finishSend(answer: Message?, resetZoneClass: Bool) {
        self.answer = answer
        prerequisites.removeAll()
        updates.removeAll()
        updateLines.removeAll()
        prerequisiteLines.removeAll()
        if resetZoneClass { zoneClass = nil }
    }

    mutating func appendPrerequisite(_ record: ResourceRecord, line: Int) {
        prerequisites.append(record)
        prerequisiteLines.append(line)
    }

    mutating func appendUpdate(_ record: ResourceRecord, line: Int) {
        updates.append(record)
        updateLines.append(line)
    }
}
