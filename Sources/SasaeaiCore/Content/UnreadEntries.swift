import Foundation
import SasaeaiInput

/// Files in `content/` that the build leaves out, each with a reason, so nothing a coordinator
/// put there disappears without a word. What the operating system or git writes on its own
/// (.DS_Store, Thumbs.db, ._ files, .gitkeep) is left out silently: nobody expects it on the site,
/// and a warning for it would bury the ones that matter.
enum UnreadEntries {
    static func isSystemFile(_ name: String) -> Bool {
        name.hasPrefix("._") || [".ds_store", "thumbs.db", "desktop.ini", ".localized", ".gitkeep", ".keep", ".gitignore"].contains(name.lowercased())
    }

    static func fileExtension(_ name: String) -> String {
        (name as NSString).pathExtension.lowercased()
    }
}

extension ContentReader {
    /// Diagnostics for the entries of `subfolder` that are not read: hidden files that look like
    /// content, Excel's lock files, subfolders holding files, and (when `flagsOtherTypes`)
    /// files of a type the folder does not use. `reads` are the extensions the folder uses.
    func reportUnread(in subfolder: String, reads: Set<String>, flagsOtherTypes: Bool, into diagnostics: inout [Diagnostic]) {
        let url = folder.appendingPathComponent(subfolder)
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { return }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: url.path)
        } catch {
            diagnostics.append(Diagnostic(.unreadableFolder, "フォルダ「\(subfolder)」の中を読めません。フォルダの権限（読み取り）を確かめてください", at: SourceLocation(file: display(subfolder))))
            return
        }
        for name in names.sorted() where !UnreadEntries.isSystemFile(name) {
            let relative = subfolder + "/" + name
            let at = SourceLocation(file: display(relative))
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            let ext = UnreadEntries.fileExtension(name)
            if name.hasPrefix("~$") {
                diagnostics.append(Diagnostic(.excelLockFile, "「\(name)」は Excel などが開いているファイルの一時ファイルなので読みません。開いているブックを保存して閉じてください（保存していない変更はサイトに出ません）", at: at))
            } else if name.hasPrefix(".") {
                if isDirectory.boolValue || reads.contains(ext) {
                    diagnostics.append(Diagnostic(.dotFileIgnored, "名前が「.」で始まる「\(name)」は隠しファイルとして読みません。使うなら名前の先頭の「.」を取ってください", at: at))
                }
            } else if isDirectory.boolValue {
                if let example = firstFile(in: url.appendingPathComponent(name)) {
                    diagnostics.append(Diagnostic(.nestedFolderIgnored, "フォルダ「\(relative)/」の中（\(relative)/\(example) など）は読みません。\(subfolder)/ の直下に置いてください（例: \(subfolder)/\(name)-\((example as NSString).lastPathComponent)）", at: at))
                }
            } else if flagsOtherTypes, !reads.contains(ext) {
                let kinds = reads.sorted().map { "." + $0 }.joined(separator: "・")
                diagnostics.append(Diagnostic(.unusedFileType, "「\(name)」は使われません。\(subfolder)/ では \(kinds) のファイルだけを読みます（画像や PDF は static/ に置きます）", at: at))
            }
        }
    }

    /// The first file below `url` (relative to it) someone put there; an empty folder, or one
    /// holding only system files, is not worth a warning.
    private func firstFile(in url: URL) -> String? {
        guard let enumerator = fileManager.enumerator(atPath: url.path) else { return nil }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, !name.hasPrefix("."), !UnreadEntries.isSystemFile(name) { found.append(path) }
        }
        return found.min()
    }

    /// Paths relative to `static/`, sorted, to copy as they are. Links are copied when they lead
    /// to a file inside the content folder (the target's bytes are copied); a link out of it, to a
    /// folder or to nothing is left out with a warning, so the build never reaches outside
    /// `content/` unannounced. A folder or file that cannot be read is an error: the site would
    /// otherwise be published without it and its links would break.
    /// `list` is the directory listing, replaceable so a test can refuse one as the OS would.
    func staticFiles(into diagnostics: inout [Diagnostic], list: (String) throws -> [String] = { try FileManager.default.contentsOfDirectory(atPath: $0) }) -> [String] {
        let root = folder.appendingPathComponent("static")
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var paths: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let shown = relative.isEmpty ? "static" : "static/" + relative
            let names: [String]
            do {
                names = try list(url.path)
            } catch {
                diagnostics.append(Diagnostic(.unreadableFolder, "フォルダ「\(shown)」の中を読めません。このままではサイトに入りません。フォルダの権限（読み取り）を確かめてください", at: SourceLocation(file: display(shown))))
                continue
            }
            for name in names where !UnreadEntries.isSystemFile(name) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let entry = root.appendingPathComponent(path)
                let at = SourceLocation(file: display("static/" + path))
                if name.hasPrefix(".") {
                    diagnostics.append(Diagnostic(.dotFileIgnored, "名前が「.」で始まる「static/\(path)」は公開しません（.htaccess などはサーバーに直接置いてください）", at: at))
                    continue
                }
                let type = (try? fileManager.attributesOfItem(atPath: entry.path)[.type]) as? FileAttributeType
                switch type {
                case .typeDirectory?:
                    pending.append(path)
                case .typeRegular?:
                    if fileManager.isReadableFile(atPath: entry.path) {
                        paths.append(path)
                    } else {
                        diagnostics.append(Diagnostic(.unreadableFolder, "「static/\(path)」を読めません。このままではサイトに入りません。ファイルの権限を確かめてください", at: at))
                    }
                case .typeSymbolicLink?:
                    var targetIsFolder: ObjCBool = false
                    let exists = fileManager.fileExists(atPath: entry.path, isDirectory: &targetIsFolder)
                    if exists, !targetIsFolder.boolValue, RealPath.isInside(entry.path, folder.path) {
                        paths.append(path)
                    } else {
                        let why = !exists ? "リンク先がありません" : targetIsFolder.boolValue ? "フォルダへのリンクはたどりません" : "リンク先がコンテンツのフォルダの外にあります"
                        diagnostics.append(Diagnostic(.staticLinkNotFollowed, "「static/\(path)」はリンクで、\(why)。公開するファイルは static/ に実物を置いてください", at: at))
                    }
                default:
                    diagnostics.append(Diagnostic(.staticLinkNotFollowed, "「static/\(path)」はふつうのファイルではないので公開しません", at: at))
                }
            }
        }
        return paths.sorted()
    }
}
