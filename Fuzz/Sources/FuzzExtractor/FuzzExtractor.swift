import NewsExtract

/// One fuzzing input: any bytes must give an extraction or a reasoned rejection, never a crash, a hang or
/// runaway memory.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let page = HTMLExtractor().extract(bytes)
    // Touch the results so nothing is optimised away.
    return page.text.isEmpty && page.rejection == nil && !page.blocks.isEmpty ? 1 : 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry: SwiftPM links `main` to this symbol, and it hands control to libFuzzer's driver.
@_cdecl("FuzzExtractor_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOne($0, $1) }
}
