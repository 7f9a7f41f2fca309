import DNSCore
import ZoneCompiler

/// The effective zone as the primary last made it durable, read from its data folder
/// without touching it: the snapshot, then the journal entries that follow it.
public enum ZoneExport {
    public static func effectiveZone(origin: DomainName, dataDirectory: String) throws -> Zone {
        let directory = dataDirectory + "/zones/" + PrimaryZone.directoryName(for: origin)
        guard let bytes = try DurableFile.read(directory + "/snapshot") else {
            throw PrimaryStartError(message: "no data for \(origin) in \(dataDirectory)")
        }
        var state = PrimaryZoneState(snapshot: try ZoneSnapshot.decode(bytes))
        for entry in try JournalFile.readEntries(path: directory + "/journal") where entry.changeset.serialFrom == state.serial {
            try state.replay(entry)
        }
        return state.zone
    }
}
