import DNSCore
import NIOCore
import TSIG
import ZoneCompiler

/// Everything `dnsplane primary` is told on its command line.
public struct PrimaryConfiguration: Sendable {
    /// A folder of `<origin>.zone` source files.
    public var zonesDirectory: String
    /// Where the primary writes its journals, snapshots and pid file; nothing else is
    /// written anywhere.
    public var dataDirectory: String
    public var listen: [SocketAddress]
    /// Secondaries: allowed to transfer, and sent NOTIFY at their port.
    public var secondaries: [SocketAddress]
    public var keys: [TSIGKey]
    /// Keys that may change anything in every zone (`--allow-update`).
    public var allowUpdate: [DomainName]
    /// Finer rules (BIND update-policy syntax), tried before the `allowUpdate` grants.
    public var updatePolicy: String?
    public var serialPolicy: SerialPolicy
    public var checkPolicy: CheckPolicy
    /// The address NOTIFY is sent from (port 0 for any); nil for the first listen address.
    public var notifySource: SocketAddress?
    /// How often source files are looked at for changes; nil to rely on SIGHUP alone.
    public var watchInterval: TimeAmount?
    public var historyLimit: Int
    public var compactAfterEntries: Int

    public init(zonesDirectory: String, dataDirectory: String, listen: [SocketAddress], secondaries: [SocketAddress] = [],
                keys: [TSIGKey] = [], allowUpdate: [DomainName] = [], updatePolicy: String? = nil,
                serialPolicy: SerialPolicy = .increment, checkPolicy: CheckPolicy = .dnsplane,
                notifySource: SocketAddress? = nil, watchInterval: TimeAmount? = .seconds(1),
                historyLimit: Int = 1000, compactAfterEntries: Int = 10_000) {
        self.zonesDirectory = zonesDirectory
        self.dataDirectory = dataDirectory
        self.listen = listen
        self.secondaries = secondaries
        self.keys = keys
        self.allowUpdate = allowUpdate
        self.updatePolicy = updatePolicy
        self.serialPolicy = serialPolicy
        self.checkPolicy = checkPolicy
        self.notifySource = notifySource
        self.watchInterval = watchInterval
        self.historyLimit = historyLimit
        self.compactAfterEntries = compactAfterEntries
    }

    /// The update policy for one zone: the explicit rules, then the blanket grants.
    public func policy(for zone: DomainName) throws -> UpdatePolicy {
        var rules: [UpdatePolicy.Rule] = []
        if let updatePolicy { rules += try UpdatePolicy.parse(updatePolicy, zone: zone).rules }
        rules += UpdatePolicy.allowAll(keys: allowUpdate).rules
        return UpdatePolicy(rules: rules)
    }
}
