import CDNSSystem
import Glibc
import NIOConcurrencyHelpers
import NIOCore

/// Serves one UDP socket from a thread of its own, the way NSD does: a blocking
/// `recvmmsg` takes up to `batch` datagrams, each is answered in place, and one
/// `sendmmsg` returns the answers.
///
/// Why not a NIO datagram channel: per datagram it formats the sender's address as
/// text, wraps it in an envelope and allocates buffers, and all of that cost about a
/// sixth of the server's CPU per query. Here a query the handler answers through
/// `answerDatagram` touches no allocator: requests and answers live in buffers made
/// once. Anything else (NOTIFY, UPDATE, a signed query) takes the general path with a
/// full `RequestContext`, answered at once or by a task that sends when done.
final class UDPServeLoop: @unchecked Sendable {
    private let socket: UDPSocket
    private let handler: any RequestHandler
    private let clock: @Sendable () -> UInt64
    private let batch: Int
    private let requestCapacity: Int
    private let state = NIOLockedValueBox(State())
    private var threadName = "dnsplane-udp"

    private struct State {
        enum Phase { case running, stopping, stopped }
        var phase = Phase.running
        /// `stop()` calls waiting for the thread to leave its loop.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The largest answer the fast path writes; a longer one (only with a
    /// `maxUDPPayload` above it) goes through the general path.
    static let answerCapacity = 4096

    init(socket: UDPSocket, handler: any RequestHandler, batch: Int, maxRequestSize: Int,
         clock: @escaping @Sendable () -> UInt64) {
        self.socket = socket
        self.handler = handler
        self.batch = max(1, batch)
        self.requestCapacity = max(512, maxRequestSize)
        self.clock = clock
    }

    /// Starts the serving thread.
    func start(name: String) throws {
        threadName = String(name.prefix(15))
        let box = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { argument in
            let loop = Unmanaged<UDPServeLoop>.fromOpaque(argument!).takeRetainedValue()
            loop.run()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<UDPServeLoop>.fromOpaque(box).release()
            throw UDPSocket.Failure("pthread_create", socket.localAddress, errno: result)
        }
        pthread_detach(thread)
    }

    /// Stops reading, waits for the thread to leave its loop, and closes the socket,
    /// so the port is free when it returns (call it only after `start()` succeeded).
    /// Answers still being made by tasks are dropped. The wait is short: the shutdown
    /// wakes a blocked read at once (and the socket's 1 s receive timeout would), and
    /// answering a batch never blocks. It is a continuation the thread resumes, not
    /// polling, so a busy task pool cannot stretch it.
    func stop() async {
        state.withLockedValue { if $0.phase == .running { $0.phase = .stopping } }
        socket.shutdownReads()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = state.withLockedValue { state -> Bool in
                if state.phase == .stopped { return true }
                state.waiters.append(continuation)
                return false
            }
            if stopped { continuation.resume() }
        }
        socket.close()
    }

    private var isRunning: Bool { state.withLockedValue { $0.phase == .running } }

    // MARK: - The loop

    private func run() {
        cdns_name_thread(threadName)
        let buffers = DatagramBuffers(count: batch, requestCapacity: requestCapacity,
                                      answerCapacity: Self.answerCapacity, packetInfo: socket.answersFromDestination)
        defer {
            buffers.deallocate()
            let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
                state.phase = .stopped
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        let fd = socket.fd
        while isRunning {
            let received = cdns_recvmmsg(fd, buffers.received, UInt32(batch), Int32(MSG_WAITFORONE))
            if received <= 0 {
                // 0: the socket was shut down. EAGAIN: the receive timeout, a chance to
                // notice a stop. Anything else (an ICMP error surfacing) must not end
                // the loop the whole server listens on.
                if received == 0 && !isRunning { break }
                continue
            }
            let now = clock()
            var answers = 0
            for index in 0..<Int(received) {
                let length = Int(buffers.received[index].msg_len)
                // Shorter than a header: nothing to answer (and what a shut-down socket
                // returns).
                guard length >= 12 else { continue }
                let request = UnsafeBufferPointer(start: buffers.request(index), count: length)
                if let answerLength = handler.answerDatagram(request, into: buffers.answer(answers), receivedAt: now),
                   answerLength <= Self.answerCapacity {
                    buffers.prepareToSend(answers, length: answerLength, to: index)
                    answers += 1
                } else {
                    let packetInfo = buffers.packetInfo(index, port: socket.localAddress.port ?? 0)
                    answerInGeneral(request, from: buffers.sender(index), packetInfo: packetInfo, receivedAt: now)
                }
            }
            var sent = 0
            while sent < answers {
                let result = cdns_sendmmsg(fd, buffers.sent + sent, UInt32(answers - sent), 0)
                // A datagram the kernel refuses (a client's address unreachable) is
                // skipped, as it would be lost on the way anyway.
                sent += result > 0 ? Int(result) : 1
            }
            buffers.prepareToReceive(Int(received))
        }
    }

    /// The general path: a request context with the sender's address, then
    /// `handleImmediately`, or `handle` in a task when it returns nil.
    private func answerInGeneral(_ request: UnsafeBufferPointer<UInt8>, from sender: sockaddr_storage,
                                 packetInfo: DatagramBuffers.PacketInfo?, receivedAt: UInt64) {
        guard let client = UDPSocket.address(sender) else { return }
        let bytes = Array(request)
        let local = packetInfo?.destination ?? socket.localAddress
        let control = packetInfo?.replyControl ?? []
        let context = RequestContext(transport: .udp, client: client, local: local, receivedAt: receivedAt)
        if let responses = handler.handleImmediately(bytes, context: context) {
            for response in responses { socket.send(response, to: client, control: control) }
            return
        }
        let handler = self.handler
        let socket = self.socket
        Task {
            for response in await handler.handle(bytes, context: context) {
                socket.send(response, to: client, control: control)
            }
        }
    }
}

/// The memory of one loop: per slot a request buffer, an answer buffer, the sender's
/// address, and the message headers `recvmmsg` and `sendmmsg` take.
private struct DatagramBuffers {
    let count: Int
    let requestCapacity: Int
    let answerCapacity: Int
    let requests: UnsafeMutablePointer<UInt8>
    let answers: UnsafeMutablePointer<UInt8>
    let senders: UnsafeMutablePointer<sockaddr_storage>
    let requestVectors: UnsafeMutablePointer<iovec>
    let answerVectors: UnsafeMutablePointer<iovec>
    let received: UnsafeMutablePointer<cdns_mmsghdr>
    let sent: UnsafeMutablePointer<cdns_mmsghdr>
    /// Packet info received with each datagram and sent with each answer, when the
    /// socket answers from the destination address (nil otherwise).
    let receivedControls: UnsafeMutablePointer<UInt8>?
    let sentControls: UnsafeMutablePointer<UInt8>?

    init(count: Int, requestCapacity: Int, answerCapacity: Int, packetInfo: Bool) {
        self.count = count
        receivedControls = packetInfo ? .allocate(capacity: count * Int(CDNS_PKTINFO_SPACE)) : nil
        sentControls = packetInfo ? .allocate(capacity: count * Int(CDNS_PKTINFO_SPACE)) : nil
        self.requestCapacity = requestCapacity
        self.answerCapacity = answerCapacity
        requests = .allocate(capacity: count * requestCapacity)
        answers = .allocate(capacity: count * answerCapacity)
        senders = .allocate(capacity: count)
        senders.initialize(repeating: sockaddr_storage(), count: count)
        requestVectors = .allocate(capacity: count)
        answerVectors = .allocate(capacity: count)
        received = .allocate(capacity: count)
        received.initialize(repeating: cdns_mmsghdr(), count: count)
        sent = .allocate(capacity: count)
        sent.initialize(repeating: cdns_mmsghdr(), count: count)
        for index in 0..<count {
            requestVectors[index] = iovec(iov_base: UnsafeMutableRawPointer(requests + index * requestCapacity),
                                          iov_len: requestCapacity)
            answerVectors[index] = iovec(iov_base: UnsafeMutableRawPointer(answers + index * answerCapacity), iov_len: 0)
            // Buffers never move: each header points at its slot once, for good.
            received[index].msg_hdr.msg_name = UnsafeMutableRawPointer(senders + index)
            received[index].msg_hdr.msg_iov = requestVectors + index
            received[index].msg_hdr.msg_iovlen = 1
            received[index].msg_hdr.msg_control = receivedControls.map { UnsafeMutableRawPointer($0 + index * Int(CDNS_PKTINFO_SPACE)) }
            sent[index].msg_hdr.msg_iov = answerVectors + index
            sent[index].msg_hdr.msg_iovlen = 1
        }
        prepareToReceive(count)
    }

    /// Gives the first `used` receive headers their capacities back: the kernel
    /// overwrote the address and control lengths of those it filled, and no others.
    func prepareToReceive(_ used: Int) {
        let controlCapacity = receivedControls == nil ? 0 : Int(CDNS_PKTINFO_SPACE)
        for index in 0..<used {
            received[index].msg_hdr.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
            received[index].msg_hdr.msg_controllen = controlCapacity
        }
    }

    func request(_ index: Int) -> UnsafeMutablePointer<UInt8> { requests + index * requestCapacity }

    func answer(_ slot: Int) -> UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(start: answers + slot * answerCapacity, count: answerCapacity)
    }

    func sender(_ index: Int) -> sockaddr_storage { senders[index] }

    /// Points send slot `slot` at its answer of `length` octets, addressed to the
    /// sender of received datagram `index`.
    func prepareToSend(_ slot: Int, length: Int, to index: Int) {
        answerVectors[slot].iov_len = length
        sent[slot].msg_hdr.msg_name = UnsafeMutableRawPointer(senders + index)
        sent[slot].msg_hdr.msg_namelen = received[index].msg_hdr.msg_namelen
        if let sentControls {
            let control = sentControls + slot * Int(CDNS_PKTINFO_SPACE)
            let controlLength = withUnsafePointer(to: &received[index].msg_hdr) { cdns_reply_pktinfo($0, control) }
            sent[slot].msg_hdr.msg_control = controlLength > 0 ? UnsafeMutableRawPointer(control) : nil
            sent[slot].msg_hdr.msg_controllen = Int(controlLength)
        }
    }

    /// What the general path needs to answer datagram `index` from the right address:
    /// the address it was sent to, and the control message for the answer.
    struct PacketInfo {
        var destination: SocketAddress?
        var replyControl: [UInt8]
    }

    /// Nil unless the socket answers from the destination address. `port`: the
    /// listening port, for the destination's address.
    func packetInfo(_ index: Int, port: Int) -> PacketInfo? {
        guard sentControls != nil else { return nil }
        var header = received[index].msg_hdr
        var control = [UInt8](repeating: 0, count: Int(CDNS_PKTINFO_SPACE))
        let length = control.withUnsafeMutableBytes { cdns_reply_pktinfo(&header, $0.baseAddress) }
        var storage = sockaddr_storage()
        let found = cdns_destination(&header, UInt16(truncatingIfNeeded: port), &storage) == 1
        return PacketInfo(destination: found ? UDPSocket.address(storage) : nil, replyControl: Array(control.prefix(Int(length))))
    }

    func deallocate() {
        receivedControls?.deallocate()
        sentControls?.deallocate()
        requests.deallocate()
        answers.deallocate()
        senders.deallocate()
        requestVectors.deallocate()
        answerVectors.deallocate()
        received.deallocate()
        sent.deallocate()
    }
}
