import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the site could not be written, in words a coordinator can act on. The system's own
/// error text is English and names no remedy, so each common cause gets its own sentence;
/// the number is kept for whoever looks after the server.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// `failed` says what could not be done (「ファイルを書き込めませんでした」), `path` where.
    init(_ failed: String, path: String, errno code: Int32) {
        description = "\(failed)（\(path)）。" + Self.reason(code)
    }

    /// An error thrown by Foundation or by us, turned into Japanese.
    public init(_ failed: String, path: String, error: Error) {
        if let error = error as? OutputError {
            self = error
        } else if let code = Self.posixCode(of: error) {
            self.init(failed, path: path, errno: code)
        } else {
            let error = error as NSError
            self.init("\(failed)（\(path)）。もう一度実行してください。続くときは、この文面を管理している人に伝えてください（\(error.domain) \(error.code)）")
        }
    }

    /// The system's error number behind a Foundation error, when there is one.
    private static func posixCode(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        guard error.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM:
            return "書き込む権限がありません。フォルダの持ち主と権限を確かめるか、--output で自分が書き込めるフォルダを指定してください"
        case ENOSPC, EDQUOT:
            return "ディスクの空きが足りません。いらないファイルを消して空きを作ってから、もう一度実行してください"
        case EROFS:
            return "読み取り専用の場所です。--output で書き込める場所を指定してください"
        case ENOTDIR:
            return "途中にフォルダではなくファイルがあります。パスを確かめてください"
        case ENOENT:
            return "途中のフォルダが見つかりません。ほかのプログラムが消していないか確かめて、もう一度実行してください"
        case ENAMETOOLONG:
            return "名前が長すぎます。フォルダを浅い場所に移すか、ファイル名を短くしてください"
        case EMFILE, ENFILE:
            return "同時に開いているファイルが多すぎます。ほかのプログラムを閉じてから、もう一度実行してください"
        case EBUSY, ETXTBSY:
            return "ほかのプログラムが使っています。そのプログラムを閉じてから、もう一度実行してください"
        case EIO:
            return "ディスクの読み書きに失敗しました。ディスクや USB メモリの接続と故障を確かめてください"
        case ELOOP:
            return "シンボリックリンクが輪になっています。リンクの行き先を確かめてください"
        default:
            return "もう一度実行してください。続くときは、この文面を管理している人に伝えてください（エラー番号 \(code): \(String(cString: strerror(code)))）"
        }
    }
}
