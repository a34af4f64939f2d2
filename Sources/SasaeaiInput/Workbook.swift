import Foundation
import ZIPFoundation

/// One worksheet of a workbook, read as the same `Table` a CSV gives: `line` is the Excel row,
/// `column` the Excel column and `table.sheet` the sheet's name, so
/// `table.location(of: cell, in: file)` prints `listings/salons.xlsx:Sheet1!E14`.
public struct WorkbookSheet: Sendable {
    public let name: String
    /// Hidden sheets often hold lists for drop-downs, not listings; the caller decides.
    public let hidden: Bool
    public let table: Table
}

/// Excel workbooks (.xlsx, Office Open XML) read directly, so a council's published book needs
/// no re-saving as CSV. Values are what Excel shows: shared and inline strings (rich-text runs
/// joined, ふりがな left out), numbers with at most 15 significant digits, dates stored as
/// serial numbers as `2024-04-01` when the cell's format is a date, times as `13:30`, booleans
/// as TRUE/FALSE, formulas by their cached value.
///
/// A merged range's value is repeated down the rows of its first column (a 地区 cell merged
/// over several rows belongs to each of them), with a warning; columns to the right of the
/// first stay empty, so a title merged across the header row is not read as repeated headers.
public enum Workbook {
    /// Parts beyond this size are refused rather than inflated: a hostile zip can expand
    /// a few kilobytes into gigabytes.
    static let partLimit: UInt64 = 1 << 30

    public static func read(data: Data, file: String) -> (sheets: [WorkbookSheet], diagnostics: [Diagnostic]) {
        let here = SourceLocation(file: file)
        if let problem = notAWorkbook(data) {
            return ([], [Diagnostic(.notAWorkbook, problem, at: here)])
        }
        // ZIPFoundation's in-memory mode (`Archive(data:)`) traps on an entry offset past the
        // end of the data (0.9.20, found by fuzz/workbook.swift); a real file just fails to
        // read there, so the bytes go through a private temporary file.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("sasaeai-workbook-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive: Archive
        do {
            try data.write(to: scratch, options: .withoutOverwriting)
            archive = try Archive(url: scratch, accessMode: .read)
        } catch {
            return ([], [damaged(file, "ZIP として開けません")])
        }
        var diagnostics: [Diagnostic] = []
        do {
            let package = RelationshipsXML()
            _ = WorkbookXML.parse(try part(archive, "_rels/.rels"), with: package)
            let workbookPath = resolve(package.target(ofTypeEnding: "/officeDocument") ?? "xl/workbook.xml", from: "")
            guard let workbookEntry = archive[workbookPath] else {
                if archive["content.xml"] != nil {
                    return ([], [Diagnostic(.notAWorkbook,
                        "LibreOffice などの .ods の表で、Excel のブック（.xlsx）ではありません。「名前を付けて保存」で「Excel 2007-365 (.xlsx)」か「CSV」を選んで保存し直してください",
                        at: here)])
                }
                return ([], [damaged(file, "ブックの本体（\(workbookPath)）がありません")])
            }
            let list = WorkbookListXML()
            guard WorkbookXML.parse(try contents(archive, workbookEntry), with: list) else {
                return ([], [damaged(file, "\(workbookPath) を読めません")])
            }
            let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
            let relationships = RelationshipsXML()
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
            _ = WorkbookXML.parse(try part(archive, relsPath), with: relationships)

            var strings: [String] = []
            if let target = relationships.target(ofTypeEnding: "/sharedStrings"),
               let entry = archive[resolve(target, from: folder)] {
                let parser = SharedStringsXML()
                guard WorkbookXML.parse(try contents(archive, entry), with: parser) else {
                    return ([], [damaged(file, "共有文字列（sharedStrings.xml）を読めません")])
                }
                strings = parser.strings
            }
            var styles: [ExcelValueKind] = []
            if let target = relationships.target(ofTypeEnding: "/styles"), let entry = archive[resolve(target, from: folder)] {
                let parser = StylesXML()
                guard WorkbookXML.parse(try contents(archive, entry), with: parser) else {
                    // Without the styles, dates would read as bare serial numbers: refuse instead.
                    return ([], [damaged(file, "セルの書式（styles.xml）を読めません")])
                }
                styles = parser.kinds
            }

            var sheets: [WorkbookSheet] = []
            for sheet in list.sheets {
                // Chart sheets and macro sheets hold no cells to read.
                guard let relationship = relationships.relationships[sheet.relationship],
                      relationship.type.hasSuffix("/worksheet") else { continue }
                let path = resolve(relationship.target, from: folder)
                guard let entry = archive[path] else {
                    diagnostics.append(damaged(file, "シート「\(sheet.name)」の中身（\(path)）がありません"))
                    continue
                }
                let parser = WorkbookSheetXML(sharedStrings: strings, styles: styles, date1904: list.date1904)
                let parsed = WorkbookXML.parse(try contents(archive, entry), with: parser)
                if !parsed {
                    diagnostics.append(damaged(file, "シート「\(sheet.name)」の XML が途中で壊れています（読めたところまで使います）"))
                }
                if parser.badPositions > 0 {
                    diagnostics.append(damaged(file, "シート「\(sheet.name)」の XML で、行か列の番号が正しくないところが \(parser.badPositions) か所あります"))
                }
                for reference in parser.badReferences.prefix(1) {
                    diagnostics.append(Diagnostic(.damagedWorkbook,
                        "このセルの文字が見つかりません（ブックの共有文字列が壊れています）。Excel で開いて保存し直してください",
                        at: SourceLocation(file: file, line: reference.row, column: reference.column, sheet: sheet.name)))
                }
                if let first = parser.uncalculated.first {
                    let count = parser.uncalculated.count
                    diagnostics.append(Diagnostic(.formulaWithoutValue,
                        "数式の結果がブックに保存されていないため、このセル\(count > 1 ? "など \(count) か所" : "")は空として読みました。Excel で開いて保存し直すと結果が保存されます",
                        at: SourceLocation(file: file, line: first.row, column: first.column, sheet: sheet.name)))
                }
                let table = WorkbookTable.make(rows: parser.rows, merges: parser.merges, sheet: sheet.name,
                                               file: file, into: &diagnostics)
                sheets.append(WorkbookSheet(name: sheet.name, hidden: sheet.hidden, table: table))
            }
            return (sheets, diagnostics.sorted())
        } catch let problem as PartProblem {
            return ([], (diagnostics + [damaged(file, problem.message)]).sorted())
        } catch {
            return ([], (diagnostics + [damaged(file, "ZIP の中身を取り出せません")]).sorted())
        }
    }

    /// What the bytes are when they are not a zip package, in words the coordinator can act on.
    static func notAWorkbook(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return nil }
        if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            // Both are OLE compound files; an encrypted .xlsx keeps its key in an
            // "EncryptionInfo" stream, whose name is stored in UTF-16LE in the directory.
            let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if data.range(of: marker) != nil {
                return "このブックはパスワードで保護されていて読めません。Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消してから保存し直してください"
            }
            return "古い形式（Excel 97-2003 ブック .xls）のファイルで、読めません。Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください"
        }
        if data.isEmpty {
            return "ファイルが空です（0 バイト）。Excel で保存し直すか、使わないファイルなら消してください"
        }
        if case .success = TextDecoding.decode(data.prefix(4096)) {
            return "中身が Excel のブックではなく文字のファイル（CSV など）です。拡張子が違うので、ファイル名の .xlsx を中身に合わせて .csv（コンマ区切り）か .tsv（タブ区切り）に変えてください"
        }
        return "Excel のブック（.xlsx）として読めません。Excel で開けるか確かめ、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください"
    }

    private static func damaged(_ file: String, _ what: String) -> Diagnostic {
        Diagnostic(.damagedWorkbook,
                   "ブックが壊れているか、途中までしか保存されていません（\(what)）。Excel で開けるか確かめ、開けたら保存し直してください",
                   at: SourceLocation(file: file))
    }

    struct PartProblem: Error { let message: String }

    private static func part(_ archive: Archive, _ path: String) throws -> Data {
        guard let entry = archive[path] else { return Data() }
        return try contents(archive, entry)
    }

    private static func contents(_ archive: Archive, _ entry: Entry) throws -> Data {
        guard entry.uncompressedSize <= partLimit else {
            throw PartProblem(message: "\(entry.path) が大きすぎます（\(entry.uncompressedSize / 1_048_576) MiB）")
        }
        let extraction = Extraction()
        // Only this thread and the extracting one touch the archive, one after the other.
        let job = UncheckedSendable(value: (archive, entry))
        let thread = Thread {
            do {
                _ = try job.value.0.extract(job.value.1, skipCRC32: false) { chunk in
                    // The size in the directory can lie; the inflated bytes cannot.
                    if try extraction.append(chunk) > partLimit { throw PartProblem(message: "\(job.value.1.path) が大きすぎます") }
                }
                extraction.finish(nil)
            } catch {
                extraction.finish(error)
            }
        }
        thread.start()
        switch extraction.wait() {
        case .done(let data):
            return data
        case .failed(let problem as PartProblem):
            throw problem
        case .failed:
            throw PartProblem(message: "\(entry.path) を取り出せません")
        case .stalled:
            throw PartProblem(message: "\(entry.path) の圧縮データが途中で切れています")
        }
    }

    /// Targets in relationships are relative to the part's folder, or absolute from the root.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}

extension Array where Element == Int {
    /// The first index whose element fails `belongs` (the array is sorted so that it holds
    /// for a prefix).
    func partitionPoint(_ belongs: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A worksheet's cells to a `Table`: merged ranges filled down, the first non-empty row as the
/// header, columns numbered as in Excel (gaps filled with empty cells, as a CSV export has them).
enum WorkbookTable {
    static func make(rows: [WorkbookSheetXML.Row], merges: [WorkbookSheetXML.Merge], sheet: String, file: String,
                     into diagnostics: inout [Diagnostic]) -> Table {
        var fills: [Int: [Int: String]] = [:]
        let numbers = Set(rows.map(\.number)).sorted()
        if !merges.isEmpty {
            let byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
            for merge in merges where merge.last.row > merge.first.row {
                guard let value = byNumber[merge.first.row]?.cells.first(where: { $0.column == merge.first.column })?.value,
                      !value.isEmpty else { continue }
                // Only rows the sheet has: a range merged far below the data adds no rows, and
                // the work stays bounded by the data however large the ranges claim to be.
                let start = numbers.partitionPoint { $0 <= merge.first.row }
                let end = numbers.partitionPoint { $0 <= merge.last.row }
                for row in numbers[start..<end] {
                    fills[row, default: [:]][merge.first.column] = value
                }
                let below = CellReference(row: merge.first.row + 1, column: merge.first.column)
                let last = CellReference(row: merge.last.row, column: merge.first.column)
                diagnostics.append(Diagnostic(.mergedCellRepeated,
                    "\(merge.first):\(merge.last) のセルが結合されています。表として読むため、\(merge.first) の値「\(DelimitedTable.excerpt(value))」を \(below)〜\(last) の行にも入れました。行ごとに違う値なら、結合を解除して各行に値を書いてください",
                    at: SourceLocation(file: file, line: merge.first.row, column: merge.first.column, sheet: sheet)))
            }
        }
        let byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, second in
            WorkbookSheetXML.Row(number: first.number, cells: first.cells + second.cells)
        })
        var header: [TableCell]?
        var tableRows: [TableRow] = []
        var headerCheck = HeaderCheck(file: file, sheet: sheet)
        var controlWarned = Set<Int>()
        for number in numbers {
            var values: [Int: String] = [:]
            for cell in byNumber[number]?.cells ?? [] { values[cell.column] = cell.value }
            for (column, value) in fills[number] ?? [:] where (values[column] ?? "").isEmpty { values[column] = value }
            var cleaned: [Int: String] = [:]
            for (column, raw) in values {
                var utf8 = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                let made = utf8.withUTF8 { CellText.make($0) }
                if made.hadControls && !controlWarned.contains(column) {
                    controlWarned.insert(column)
                    diagnostics.append(Diagnostic(.controlCharacters,
                        "この列の値に見えない制御文字が入っていたので取り除きました。Excel で値を確かめてください（この列の最初の 1 件だけ知らせます）",
                        at: SourceLocation(file: file, line: number, column: column, sheet: sheet)))
                }
                if !made.value.isEmpty { cleaned[column] = made.value }
            }
            guard let lastColumn = cleaned.keys.max() else { continue }
            let cells = (1...lastColumn).map { TableCell(value: cleaned[$0] ?? "", line: number, column: $0) }
            if header == nil {
                header = cells
                headerCheck.start(header: cells, into: &diagnostics)
            } else {
                let row = TableRow(line: number, cells: cells)
                headerCheck.check(row, into: &diagnostics)
                tableRows.append(row)
            }
        }
        return Table(header: header ?? [], rows: tableRows, sheet: sheet)
    }
}

/// ZIPFoundation 0.9.20 inflates a deflated entry whose data ends before its stream does by
/// asking for more input forever (weichsel/ZIPFoundation#389, not in any version this machine's
/// package mirror has; found by fuzz/workbook.swift). So a part is inflated on a thread of its
/// own, and one that gives no bytes for `stallLimit` seconds is a damaged book (E019): the
/// stuck thread is left behind, and the command ends with the error soon after.
final class Extraction: @unchecked Sendable {
    enum Outcome { case done(Data), failed(Error), stalled }

    static let stallLimit: TimeInterval = 5
    // Guards everything below; the extracting thread appends, the reading one waits.
    private let lock = NSCondition()
    private var data = Data()
    private var chunks = 0
    private var error: Error?
    private var finished = false

    /// Adds inflated bytes; returns how many there are now.
    func append(_ chunk: Data) throws -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        data.append(chunk)
        chunks += 1
        return UInt64(data.count)
    }

    func finish(_ error: Error?) {
        lock.lock()
        self.error = error
        finished = true
        lock.broadcast()
        lock.unlock()
    }

    /// Waits until the part is inflated, failed, or gave nothing for `stallLimit` seconds.
    func wait() -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        var seen = chunks
        var quietSince = Date()
        while !finished {
            _ = lock.wait(until: Date().addingTimeInterval(0.25))
            if chunks != seen {
                seen = chunks
                quietSince = Date()
            } else if !finished, Date().timeIntervalSince(quietSince) > Self.stallLimit {
                return .stalled
            }
        }
        if let error { return .failed(error) }
        return .done(data)
    }
}

/// A value handed to the extracting thread, which alone uses it until it finishes.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

