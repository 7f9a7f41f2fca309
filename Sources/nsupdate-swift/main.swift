import NSUpdate
#if canImport(Glibc)
import Glibc
#endif

// A drop-in for BIND 9.18's nsupdate; everything but the exit lives in NSUpdate.
exit(NSUpdateProgram.main(arguments: CommandLine.arguments))
