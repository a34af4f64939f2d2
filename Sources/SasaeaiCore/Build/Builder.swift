import Foundation
import SasaeaiInput
import SasaeaiSchedule

/// The result of `check` or `build`: every diagnostic, sorted by file and line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var content: SiteContent?
    public var files: Int = 0
    /// Pages kept from the previous site because nothing they show changed.
    public var keptPages: Int = 0

    public func failed(strict: Bool) -> Bool {
        diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}

/// The pipeline, stage by stage: read content → check → model → plan routes → render → write.
public enum Builder {
    /// Reads and checks the content without writing anything.
    public static func check(_ options: BuildOptions) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        let files = ContentReader(folder: options.content.url, displayPath: options.content.display).read(into: &diagnostics)
        var checker = ContentChecker()
        checker.includeDrafts = options.includeDrafts
        checker.asOf = options.asOf
        var content = checker.check(consume files, into: &diagnostics)
        content?.history = HistoryFolder(content: options.content.url, display: options.content.display).read(into: &diagnostics)
        if let override = options.baseURL {
            if let base = BaseURL(override) {
                content?.config.baseURL = base
            } else {
                diagnostics.append(Diagnostic(.badSetting, "--base-url「\(override)」は URL ではありません", at: SourceLocation(file: "--base-url")))
            }
        }
        return BuildReport(diagnostics: diagnostics.sorted(), content: content)
    }

    /// Checks, renders and writes the site. Nothing is written unless the content is clean
    /// (warnings allowed unless strict), and the previous site stays if anything fails.
    public static func build(_ options: BuildOptions) -> BuildReport {
        let writer = SiteWriter(output: options.output.url, threads: options.threads)
        // Same inputs as a site that a build with nothing to say made, site untouched: nothing
        // to read, check or render. (A build that warned reads the content again, to warn again.)
        let fingerprints = InputFingerprint.of(options, leaflet: LeafletAssets.files(in: options.leaflet))
        if let fingerprints, let kept = try? writer.keeps(inputs: SiteManifest.clean(fingerprints.all)) {
            return BuildReport(diagnostics: [], files: kept)
        }
        var report = check(options)
        var diagnostics = report.diagnostics
        do {
            // First of all, so that even a build that fails puts back a site a killed build left aside.
            try writer.recover()
        } catch {
            diagnostics.append(Diagnostic(.outputFailed, "\(error)", at: SourceLocation(file: options.output.display)))
        }
        let templates = TemplateSet.load(from: options.templates.url, displayPath: options.templates.display, into: &diagnostics)
        report.diagnostics = diagnostics.sorted()
        guard !report.failed(strict: options.strict), let content = report.content, let templates else { return report }
        do {
            try writer.checkSafe(protecting: [options.content.url, options.templates.url])
            // Same inputs as the site was made from, site untouched: nothing to render.
            let inputs = fingerprints?.all
            if let inputs, let kept = try writer.keeps(inputs: inputs) {
                report.files = kept
                return report
            }
            let keys = PageKeys(content, inputsOutsideListings: fingerprints?.outsideListings)
            let files = generate(content, templates: templates, leaflet: LeafletAssets.files(in: options.leaflet), keys: keys)
            report.keptPages = try writer.write(files, inputs: report.diagnostics.isEmpty ? inputs.map(SiteManifest.clean) : inputs)
            report.files = files.count
        } catch {
            report.diagnostics.append(Diagnostic(.outputFailed, "\(error)", at: SourceLocation(file: options.output.display)))
        }
        return report
    }

    /// Render stage: every output file, in a fixed order. Each file's bytes are a pure function
    /// of the content, made when the writer gets to it, so the result does not depend on the
    /// number of threads. With `keys`, each page carries the key of what it is made from, so the
    /// writer can keep it from the previous site without rendering it.
    static func generate(_ content: SiteContent, templates: TemplateSet, leaflet: [OutputFile] = [], keys: PageKeys? = nil) -> [OutputFile] {
        let index = SiteIndex(content)
        let markdown = Markdown(allowsRawHTML: content.config.unsafeHTML)
        let specs = RoutePlanner.pages(for: content, index: index)
        var uncached = PageRenderer(content: content, index: index, templates: templates, markdown: markdown)
        uncached.interactiveMap = !leaflet.isEmpty
        uncached.cards = CardCache(renderer: uncached)
        uncached.chrome = ChromeCache(renderer: uncached, pages: specs)
        uncached.indexOrders = IndexOrders(renderer: uncached, specs: specs)
        uncached.issueChanges = Once {
            let current = ListingSnapshot.current(content, index: index)
            return content.bulletins.indices.map { Changes.forIssue(at: $0, in: content, current: current) }
        }
        let meetings = MeetingTable(content)
        uncached.meetings = meetings
        let renderer = uncached
        // Each page's closure holds this one reference: holding the renderer itself copied its
        // fields into every closure (100 MB of copies at 100,000 listings).
        let pages = SharedRenderer(renderer)
        let routes = specs.map { RoutePlanner.route(of: $0, in: content) }
        // Every text file is made by the writer, on the thread that writes it, and dropped once
        // written: the site is never held in memory whole. The aggregates come first so the
        // writer starts them while the other threads render pages.
        let records = UntilLastUse(uses: 3) { DataExport.records(content, index: index) }
        var files: [OutputFile] = [
            OutputFile(Route.feed.path) {
                var bodies: [String: String] = [:]
                for bulletin in Feeds.carried(content) {
                    bodies[bulletin.month.description] = BulletinBody(renderer: renderer, root: content.config.baseURL.path).html(Feeds.forFeed(bulletin, content: content))
                }
                return Feeds.atom(content, renderedBulletins: bodies)
            },
            OutputFile(Route.listingsJSON.path) { emit in records.use { DataExport.writeJSON($0, to: emit) } },
            OutputFile(Route.listingsCSV.path) { emit in records.use { DataExport.writeCSV($0, to: emit) } },
            OutputFile(Route.geoJSON.path) { emit in records.use { DataExport.writeGeoJSON($0, to: emit) } },
        ]
        // The search index's and the calendars' files are known only once every listing is
        // worked through: the two are made side by side, one per core, before the pages.
        let (search, calendars) = ParallelMap.both(
            { SearchIndex.files(SearchIndex.entries(content, index: index, labels: templates.labels) { Embed.removing(from: $0.body) }) },
            { CalendarFiles.files(content, index: index, meetings: meetings) })
        files += search
        files += HSDSExport.files(content, index: index)
        // What each page reads, worked out once for a whole index and shared by its parts.
        var wholeReads: [PageSpec: (reads: PageRenderer.Reads, shared: String)] = [:]
        if let keys {
            for spec in specs {
                if case .part = spec { continue }
                if let reads = renderer.reads(spec) { wholeReads[spec] = (reads, keys.shared(reads)) }
            }
        }
        files += zip(routes, specs).map { route, spec in
            guard let keys else { return OutputFile(route.file) { pages.renderer.renderBytes(spec) } }
            let (whole, part) = if case .part(let whole, let part) = spec { (whole, part) } else { (spec, 1) }
            let known = wholeReads[whole]
            let reads = part == 1 ? known?.reads : renderer.reads(part: part, of: known?.reads)
            return OutputFile(route.file, key: keys.key(page: route.file, reading: reads, shared: known?.shared)) { pages.renderer.renderBytes(spec) }
        }
        files.append(OutputFile(Route.sitemap.path, text: Feeds.sitemap(content, routes: routes)))
        files += leaflet
        files += calendars
        for asset in templates.assets {
            files.append(OutputFile(asset, copying: templates.folder.appendingPathComponent(asset)))
        }
        for path in content.staticFiles {
            // A link in static/ is listed only when it leads to a file inside content/ (the
            // reader checked): the site gets that file's bytes, never a link.
            let source = content.staticRoot.appendingPathComponent(path)
            files.append(OutputFile(path, copying: RealPath.of(source.path).map { URL(fileURLWithPath: $0) } ?? source))
        }
        return files
    }
}

/// The one renderer every page's closure refers to.
private final class SharedRenderer: Sendable {
    let renderer: PageRenderer
    init(_ renderer: PageRenderer) { self.renderer = renderer }
}
