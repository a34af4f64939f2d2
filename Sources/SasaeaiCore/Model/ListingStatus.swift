import SasaeaiInput

/// Active listings are shown everywhere; paused ones carry a 休止中 badge; ended ones leave
/// every index but keep their page so printed links never break.
public enum ListingStatus: String, Sendable, CaseIterable {
    case active, paused, ended

    public var name: String {
        switch self {
        case .active: "活動中"
        case .paused: "休止中"
        case .ended: "活動終了"
        }
    }

    public init?(written text: String) {
        let key = TextNormalization.matchKey(text)
        switch key {
        case "active", "活動中", "実施中", "開催中", "": self = .active
        case "paused", "休止中", "休止", "お休み中", "休会中": self = .paused
        case "ended", "活動終了", "終了", "廃止", "解散": self = .ended
        default: return nil
        }
    }
}
