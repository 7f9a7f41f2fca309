import NIOCore

/// Splits a TCP stream into DNS messages: each is preceded by its length in two octets
/// (RFC 1035 §4.2.2). A message longer than the limit closes the connection.
struct TCPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    let maxMessageSize: Int

    struct MessageTooLong: Error {}

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self) else { return .needMoreData }
        guard Int(length) <= maxMessageSize else { throw MessageTooLong() }
        guard buffer.readableBytes >= 2 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 2)
        context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: Int(length))!))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
