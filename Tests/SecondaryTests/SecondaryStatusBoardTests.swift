import DNSCore
import Testing
@testable import Secondary

@Suite("SecondaryStatusBoard")
struct SecondaryStatusBoardTests {
    @Test("allServing: every zone has data and none has expired; follows every update")
    func allServing() {
        let board = SecondaryStatusBoard(zones: ["a.example.", "b.example."])
        #expect(!board.allServing(at: 0))
        board.update("a.example.") { $0.expiresAt = 100 }
        #expect(!board.allServing(at: 0), "b.example. has no data yet")
        board.update("b.example.") { $0.expiresAt = 50 }
        #expect(board.allServing(at: 49))
        #expect(!board.allServing(at: 50), "b.example. expires at 50")
        board.update("b.example.") { $0.expiresAt = 200 }   // refreshed
        #expect(board.allServing(at: 99))
        #expect(!board.allServing(at: 100))
        board.update("a.example.") { $0.expiresAt = nil }   // data gone
        #expect(!board.allServing(at: 0))
        board.update("other.example.") { $0.expiresAt = 1 } // not a zone of this board: ignored
        #expect(board["other.example."] == nil)
    }

    @Test("A board with no zones serves everything it has")
    func empty() {
        #expect(SecondaryStatusBoard(zones: []).allServing(at: 1e12))
    }
}
