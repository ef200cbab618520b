import Foundation

/// One fuzz target: what it is called, how it is set up once, and what one input does.
struct FuzzTarget: Sendable {
    /// The name given on the command line (`CorroborateFuzz feed …`).
    let name: String
    /// What the target feeds, for `--list`.
    let summary: String
    /// Runs once before the first input (a server, a database); returns the per-input function.
    let prepare: @Sendable () -> ([UInt8]) -> Void
}

/// Every target, in the order `scripts/fuzz.sh` runs them.
let targets: [FuzzTarget] = [
    ParserTargets.extractor, ParserTargets.feed, ParserTargets.opml, ParserTargets.articles, ParserTargets.robots,
    ParserTargets.analyser, SearchTarget.target, RequestTarget.target,
]

/// A broken promise: libFuzzer saves the input that led here as a crash.
func violated(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fuzz: \(message)\n".utf8))
    abort()
}

nonisolated(unsafe) private var runOne: ([UInt8]) -> Void = { _ in }

/// libFuzzer's driver, called with the program's arguments and the per-input callback.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry: the first argument picks the target, the rest goes to libFuzzer's driver.
@_cdecl("CorroborateFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let arguments = (0..<Int(argc)).map { argv?[$0].map { String(cString: $0) } ?? "" }
    guard arguments.count >= 2, let target = targets.first(where: { $0.name == arguments[1] }) else {
        let names = targets.map { "  \($0.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \($0.summary)" }
        let usage = "usage: CorroborateFuzz TARGET [CORPUS…] [-libfuzzer-option=…]\ntargets:\n"
        FileHandle.standardError.write(Data((usage + names.joined(separator: "\n") + "\n").utf8))
        return arguments.count >= 2 && arguments[1] == "--list" ? 0 : 2
    }
    runOne = target.prepare()
    // libFuzzer reads argv[0] as the program and the rest as its own; the target name is not for it.
    var count = argc - 1
    var rest: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv.map { base in
        base[1] = base[0]
        return base + 1
    }
    return llvmFuzzerRunDriver(&count, &rest) { data, size in
        runOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}

/// Runs async work to its end from the fuzzer's (non-async) thread.
func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Carries a result out of a task; the semaphore orders the write before the read.
private final class Box<T>: @unchecked Sendable {
    var value: T?
}

/// The repository's root (the fuzz package sits in `Fuzz/`).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
