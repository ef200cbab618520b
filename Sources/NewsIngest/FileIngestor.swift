public import Foundation
internal import NewsCore
internal import NewsExtract
public import NewsStore

/// Reads article files, folders and standard input, parses them and writes the articles through a store in
/// batches; reports every input's outcome.
///
/// Bad inputs never stop the others, and each batch is one transaction, so an interrupted run keeps whole
/// batches only. A store error stops the run (it would fail for every later batch too).
public struct FileIngestor: Sendable {
    /// Where articles go.
    public let store: any ArticleStore
    /// How inputs are read.
    public let options: IngestOptions
    /// The clock stamping ingest times; the shell passes the real one.
    public let now: @Sendable () -> Date
    /// Where `-` reads from.
    public let standardInput: @Sendable () -> FileHandle

    /// Creates an ingestor.
    public init(
        store: any ArticleStore, options: IngestOptions = IngestOptions(), now: @escaping @Sendable () -> Date,
        standardInput: @escaping @Sendable () -> FileHandle = { FileHandle.standardInput }
    ) {
        self.store = store
        self.options = options
        self.now = now
        self.standardInput = standardInput
    }

    /// Adds everything under `paths`; `progress` is called after each input and each batch.
    public func ingest(
        _ paths: [String], progress: @escaping @Sendable (IngestProgress) -> Void = { _ in }
    ) async throws(StoreError) -> IngestReport {
        let (inputs, skipped) = InputExpansion.expand(paths)
        let session = IngestSession(ingestor: self, total: inputs.count, progress: progress)
        for input in inputs {
            try await session.read(input)
        }
        try await session.flush()
        return IngestReport(inputs: session.reports, skippedFiles: skipped)
    }
}

/// The mutable state of one `ingest` call: reports so far and the batch not yet written.
final class IngestSession {
    let ingestor: FileIngestor
    let total: Int
    let progress: @Sendable (IngestProgress) -> Void
    var reports: [InputReport] = []
    var pending: [(report: Int, article: IncomingArticle)] = []
    var counts = (added: 0, duplicates: 0, rejected: 0)
    /// Rejections waiting to be written with the next batch.
    var rejected: [RejectedInput] = []
    /// The format the current input is read as, once known, kept with its rejections.
    var format: InputFormat?
    /// Bytes read of the current input and its size, for the progress display.
    var position = (read: 0, size: 0)

    init(ingestor: FileIngestor, total: Int, progress: @escaping @Sendable (IngestProgress) -> Void) {
        self.ingestor = ingestor
        self.total = total
        self.progress = progress
    }

    var options: IngestOptions { ingestor.options }

    func read(_ input: IngestInput) async throws(StoreError) {
        reports.append(InputReport(input: input.name))
        format = options.format
        let index = reports.count - 1
        switch input {
        case .unusable(_, let problem):
            fail(index, problem)
        case .standardInput:
            switch readCapped(ingestor.standardInput()) {
            case .success(let bytes):
                try await accept(options.parser.parse(bytes, name: "-", format: options.format), index, bytes: bytes)
            case .failure(let problem): fail(index, problem)
            }
        case .file(let path, let size):
            position = (0, size)
            try await readFile(path, size: size, index)
        }
        report()
    }

    private func readFile(_ path: String, size: Int, _ index: Int) async throws(StoreError) {
        guard size <= options.maxFileBytes else {
            return fail(index, .tooLarge(bytes: size, limit: options.maxFileBytes))
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            return fail(index, .unreadable(reason: Self.describe(error)))
        }
        defer { try? handle.close() }
        do {
            let head = try handle.read(upToCount: 64 << 10).map { Array($0) } ?? []
            let format = options.format ?? InputFormat(fileName: path) ?? InputFormat(sniffing: head)
            self.format = format
            if format == .jsonLines {
                try await streamLines(head, handle, index)
            } else {
                // Read at most one byte past the cap: the file may have grown since its size was checked.
                let rest =
                    try handle.read(upToCount: max(options.maxFileBytes + 1 - head.count, 0)).map { Array($0) } ?? []
                guard head.count + rest.count <= options.maxFileBytes else {
                    return fail(index, .tooLarge(bytes: head.count + rest.count, limit: options.maxFileBytes))
                }
                let bytes = head + rest
                try await accept(options.parser.parse(bytes, name: path, format: format), index, bytes: bytes)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            fail(index, .unreadable(reason: Self.describe(error)))
        }
    }

    /// Parses a JSON Lines file a chunk at a time, so memory stays bounded by the batch, not the file: a line
    /// over `maxLineBytes` is rejected as it streams past, never held.
    private func streamLines(_ head: [UInt8], _ handle: FileHandle, _ index: Int) async throws {
        if case .failure(let rejection) = options.parser.decoding.decode(head), case .binary = rejection {
            return fail(index, .rejected(rejection), raw: head)
        }
        var carry = head
        position.read = head.count
        var lineNumber = 0
        var records = 0
        var fallbackLines = 0
        var atEnd = false
        // Bytes of an over-long line still to come: dropped up to its newline.
        var skipping: (line: Int, bytes: Int)?
        var fresh = carry.startIndex
        while !atEnd {
            let chunk = try handle.read(upToCount: 1 << 20)
            atEnd = chunk?.isEmpty ?? true
            position.read += chunk?.count ?? 0
            var incoming = chunk.map { Array($0) } ?? []
            if let skipped = skipping {
                guard let newline = incoming.firstIndex(of: UInt8(ascii: "\n")) else {
                    skipping = (skipped.line, skipped.bytes + incoming.count)
                    if !atEnd { continue }
                    rejectLong(skipped.line, skipped.bytes + incoming.count, index)
                    break
                }
                rejectLong(skipped.line, skipped.bytes + newline, index)
                skipping = nil
                incoming.removeSubrange(...newline)
            }
            carry.append(contentsOf: incoming)
            // NB: what was carried holds no newline, so the last one is in what just came (searching all of a
            // long line's carry again each chunk made a 500 MB line quadratic).
            let lastNewline = carry[fresh...].lastIndex(of: UInt8(ascii: "\n"))
            if lastNewline == nil, !atEnd, carry.count > options.maxLineBytes {
                lineNumber += 1
                skipping = (lineNumber, carry.count)
                carry.removeAll()
                fresh = carry.endIndex
                continue
            }
            let end = atEnd ? carry.endIndex : (lastNewline.map { $0 + 1 } ?? carry.startIndex)
            var lineStart = carry.startIndex
            while lineStart < end {
                let lineEnd = carry[lineStart..<end].firstIndex(of: UInt8(ascii: "\n")) ?? end
                lineNumber += 1
                if let record = options.parser.parseLine(carry[lineStart..<lineEnd], number: lineNumber) {
                    records += 1
                    if record.usedFallback { fallbackLines += 1 }
                    try await accept(record, index)
                }
                lineStart = lineEnd + 1
            }
            carry.removeSubrange(carry.startIndex..<min(end, carry.endIndex))
            fresh = carry.endIndex
        }
        if records == 0, reports[index].rejections.isEmpty { fail(index, .rejected(.empty)) }
        if fallbackLines > 0 {
            let charset = options.parser.decoding.fallback.rawValue
            reports[index].warnings.append("\(fallbackLines) line(s) not valid UTF-8; decoded as \(charset)")
        }
    }

    private func rejectLong(_ line: Int, _ bytes: Int, _ index: Int) {
        reports[index].rejections.append(
            RecordRejection(
                location: .line(line), rejection: .tooLarge(bytes: bytes, limit: options.maxLineBytes)))
    }

    private func accept(_ document: ParsedDocument, _ index: Int, bytes: [UInt8]) async throws(StoreError) {
        format = document.format ?? format
        if let rejection = document.rejection { return fail(index, .rejected(rejection), raw: bytes) }
        if document.usedFallback, let charset = document.charset {
            reports[index].warnings.append("not valid UTF-8; decoded as \(charset)")
        }
        for record in document.records { try await accept(record, index, wholeInput: bytes) }
    }

    private func accept(_ record: ParsedRecord, _ index: Int, wholeInput: [UInt8]? = nil) async throws(StoreError) {
        let prefix = record.location == .whole ? "" : "\(record.location.label): "
        reports[index].warnings += record.warnings.map { prefix + $0 }
        switch record.outcome {
        case .failure(let rejection):
            reports[index].rejections.append(RecordRejection(location: record.location, rejection: rejection))
            counts.rejected += 1
            rejected.append(
                RejectedInput(
                    inputName: reports[index].input, location: record.location.label, code: rejection.code,
                    reason: rejection.reason, format: format,
                    raw: record.raw ?? (record.location == .whole ? wholeInput : nil),
                    rejectedAt: ingestor.now()))
        case .success(let draft):
            let article = IncomingArticle(draft: draft, ingested: ingestor.now(), inputName: reports[index].input)
            pending.append((index, article))
            if pending.count >= options.batchSize { try await flush() }
        }
    }

    func flush() async throws(StoreError) {
        if !rejected.isEmpty {
            try await ingestor.store.recordRejections(rejected)
            rejected.removeAll()
        }
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        let results = try await ingestor.store.add(batch.map(\.article))
        for (item, result) in zip(batch, results) {
            switch result {
            case .added(let id):
                reports[item.report].added.append(id)
                counts.added += 1
            case .duplicate(let id):
                reports[item.report].duplicates.append(id)
                counts.duplicates += 1
            }
        }
        report()
    }

    private func fail(_ index: Int, _ problem: IngestProblem, raw: [UInt8]? = nil) {
        reports[index].problem = problem
        counts.rejected += 1
        rejected.append(
            RejectedInput(
                inputName: reports[index].input, location: "", code: problem.code, reason: problem.reason,
                format: format,
                raw: raw, rejectedAt: ingestor.now()))
    }

    private func report() {
        progress(
            IngestProgress(
                inputNumber: reports.count, inputsTotal: total, current: reports.last?.input ?? "",
                currentFraction: position.size > 0 ? min(Double(position.read) / Double(position.size), 1) : nil,
                added: counts.added, duplicates: counts.duplicates, rejected: counts.rejected))
    }

    /// Reads standard input up to the cap; one byte more means it is too large.
    private func readCapped(_ handle: FileHandle) -> Result<[UInt8], IngestProblem> {
        InputReader.readCapped(handle, maxBytes: options.maxFileBytes)
    }

    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let message = strerror(Int32(underlying.code))
        {
            return String(cString: message).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain, let message = strerror(Int32(nsError.code)) {
            return String(cString: message).lowercased()
        }
        return nsError.localizedDescription
    }
}
