
/// A district on the districts index with the districts below it (nested lists): a flat town's
/// index is the same list with no children.
struct DistrictNode: TemplateData {
    let link: DistrictLink
    let children: [DistrictNode]
    /// Encoded as the template sees it: the link's names beside `children`.
    func encode(to encoder: Encoder) throws {
        try link.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(children, forKey: .children)
    }
    private enum Keys: String, CodingKey { case children }

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .children: .init(children)
        case .hasChildren: .init(!children.isEmpty)
        default: link.value(key)
        }
    }
}

/// What district pages, breadcrumbs and district lists need from the district tree
/// (`SiteIndex.districtTree`): every level is a page with its counts rolled up.
extension PageRenderer {
    /// The breadcrumbs down to a district's page: the index, then each district above it.
    func districtTrail(to i: Int, root: String) -> [Link] {
        [Link(label: labels[.districtsTitle], href: root + Route.districts.path)]
            + index.districtTree.ancestors[i].map { Link(label: content.districts[$0].name, href: root + Route.district(content.districts[$0].id).path) }
    }

    /// A link to a district's page; its count includes the districts below it. `qualified`
    /// names it with the districts above it, for a list where two towns' 中央 meet.
    func districtLink(_ i: Int, root: String, qualified: Bool = false) -> DistrictLink {
        let district = content.districts[i]
        let name = qualified ? index.districtTree.qualifiedName(i, in: content.districts) : district.name
        return DistrictLink(id: district.id, name: name, kana: district.kana, href: root + Route.district(district.id).path,
                            count: index.underDistrict[district.id]?.count ?? 0)
    }

    func districtNodes(_ positions: [Int], root: String) -> [DistrictNode] {
        positions.map { DistrictNode(link: districtLink($0, root: root), children: districtNodes(index.districtTree.children[$0], root: root)) }
    }

    /// Where a district's map opens: its own `center`; else the middle of its listings and of
    /// those below it; else the middle of the centres below it (nil: the site's centre). A
    /// district with districts below it also gives their listings' extent, so a prefecture's
    /// map opens on the whole prefecture rather than at a town's zoom.
    func districtMapPlace(_ i: Int) -> (center: Coordinate?, bounds: CoordinateBounds?) {
        let district = content.districts[i]
        let tree = index.districtTree
        let pins = district.center != nil && tree.children[i].isEmpty ? nil
            : CoordinateBounds((index.underDistrict[district.id] ?? []).lazy.compactMap { content.listings[$0].coordinate })
        let centres = district.center != nil || pins != nil ? nil : CoordinateBounds(tree.subtree(i).lazy.compactMap { content.districts[$0].center })
        return (district.center ?? pins?.center ?? centres?.center, tree.children[i].isEmpty ? nil : pins)
    }
}
