// The interactive map layer. The page is complete without it: the same listings are in the
// list below the map. Markers are divIcons so they are focusable with the keyboard; each kind
// has its own letter and shape, so colour is never the only difference. Nearby markers are
// clustered when Debian's leaflet.markercluster was copied into the site; without it every
// marker is shown on its own.
(function () {
  "use strict";
  var LETTERS = { salon: "サ", place: "居", group: "支" };
  var KIND_NAMES = { salon: "サロン", place: "通いの場・居場所", group: "支え合い活動・生活支援" };
  var DAY_NAMES = { MO: "月", TU: "火", WE: "水", TH: "木", FR: "金", SA: "土", SU: "日" };

  function escapeHTML(value) {
    var holder = document.createElement("div");
    holder.textContent = value;
    return holder.innerHTML;
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  // The weekdays of a listing, from its RFC 5545 rules (BYDAY=2TU,4TU → TU).
  function weekdays(p) {
    var days = [];
    (p.rrules || []).forEach(function (rule) {
      var m = /BYDAY=([^;]+)/.exec(rule);
      if (!m) return;
      m[1].split(",").forEach(function (d) {
        var code = d.replace(/^[-+]?\d+/, "");
        if (days.indexOf(code) === -1) days.push(code);
      });
    });
    return days;
  }

  // Great-circle distance in km (haversine).
  function distance(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b[0] - a[0]) * rad;
    var dLon = (b[1] - a[1]) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }

  function start() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") return;
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false }).setView(
      [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lon"))],
      parseInt(el.getAttribute("data-zoom"), 10));
    // A district with districts below it (a prefecture, a municipality) opens on their extent
    // at once, not at the town zoom, while its pins load.
    var extent = (el.getAttribute("data-bounds") || "").split(",").map(parseFloat);
    if (extent.length === 4 && extent.every(isFinite)) {
      map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: [24, 24], maxZoom: 16 });
    }
    // Leaflet inserts attributions as HTML; map.attribution in site.yml is text, so it goes in
    // escaped and can never become markup (a tag or an event handler) on the page.
    L.tileLayer(el.getAttribute("data-tiles"), { attribution: escapeHTML(el.getAttribute("data-attribution") || ""), maxZoom: 18 }).addTo(map);
    var onlyDistrict = el.getAttribute("data-district");
    var onlyListing = el.getAttribute("data-listing");
    var root = el.getAttribute("data-geojson").replace(/data\/listings\.geojson$/, "");
    var clustered = typeof L.markerClusterGroup === "function" && !onlyListing;
    var layer = clustered
      ? L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 48,
        iconCreateFunction: function (cluster) {
          var n = cluster.getChildCount();
          return L.divIcon({ className: "cluster", html: "<span>" + n + '<span class="visually-hidden">件（えらぶと拡大）</span></span>', iconSize: [44, 44], iconAnchor: [22, 22] });
        }
      })
      : L.layerGroup();
    layer.addTo(map);
    el.setAttribute("data-clustered", clustered ? "yes" : "no");
    var tools = document.getElementById("map-tools");
    var items = [];

    function popupFor(p) {
      var popup = document.createElement("div");
      popup.className = "map-popup";
      var link = text("a", p.name);
      link.href = root + "listings/" + p.id + "/";
      popup.appendChild(link);
      popup.appendChild(text("p", KIND_NAMES[p.kind] || p.kind));
      if (p.schedule) popup.appendChild(text("p", p.schedule));
      if (p.venue) popup.appendChild(text("p", p.venue));
      return popup;
    }

    function chosen(name) {
      if (!tools) return null;
      return Array.prototype.filter.call(tools.querySelectorAll("input[name=" + name + "]"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    }

    function visible(item) {
      var kinds = chosen("kind");
      var days = chosen("day");
      if (kinds && kinds.indexOf(item.p.kind) === -1) return false;
      if (days && days.length > 0 && !item.days.some(function (d) { return days.indexOf(d) !== -1; })) return false;
      return true;
    }

    function apply() {
      layer.clearLayers();
      var shown = items.filter(visible);
      if (clustered) layer.addLayers(shown.map(function (i) { return i.marker; }));
      else shown.forEach(function (i) { layer.addLayer(i.marker); });
      var count = document.getElementById("map-count");
      if (count) count.textContent = "地図に " + shown.length + "件 を表示しています（全 " + items.length + "件）";
      if (nearFrom) listNear(nearFrom);
    }

    var nearFrom = null;
    function listNear(here) {
      nearFrom = here;
      var list = document.getElementById("near-list");
      var sorted = items.filter(visible).map(function (i) { return { i: i, km: distance(here, i.latlng) }; })
        .sort(function (a, b) { return a.km - b.km; });
      list.textContent = "";
      sorted.forEach(function (s) {
        var li = document.createElement("li");
        var a = text("a", s.i.p.name);
        a.href = root + "listings/" + s.i.p.id + "/";
        li.appendChild(a);
        var meta = KIND_NAMES[s.i.p.kind] + "・約" + (s.km < 10 ? s.km.toFixed(1) : Math.round(s.km)) + "km";
        if (s.i.days.length) meta += "・" + s.i.days.map(function (d) { return DAY_NAMES[d] || d; }).join("・") + "曜";
        li.appendChild(text("span", meta, "near-meta"));
        li.setAttribute("data-km", s.km.toFixed(3));
        list.appendChild(li);
      });
      list.hidden = false;
      document.getElementById("near-status").textContent = "現在地から近い順に " + sorted.length + "件 を並べました。";
    }

    fetch(el.getAttribute("data-geojson"))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var bounds = [];
        data.features.forEach(function (f) {
          var p = f.properties;
          // district_path (a nested site's) names the districts above the listing's too.
          if (onlyDistrict && p.district !== onlyDistrict && (p.district_path || []).indexOf(onlyDistrict) === -1) return;
          if (onlyListing && p.id !== onlyListing) return;
          var latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
          var icon = L.divIcon({
            className: "marker marker-" + p.kind,
            html: '<span aria-hidden="true">' + (LETTERS[p.kind] || "") + "</span>",
            iconSize: [32, 32], iconAnchor: [16, 16]
          });
          var marker = L.marker(latlng, { icon: icon, title: p.name, alt: p.name, keyboard: true }).bindPopup(popupFor(p));
          items.push({ p: p, latlng: latlng, marker: marker, days: weekdays(p) });
          bounds.push(latlng);
        });
        apply();
        if (bounds.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
        else if (bounds.length === 1) map.setView(bounds[0], 16);
        if (!tools) return;
        tools.hidden = false;
        tools.addEventListener("change", apply);
        var near = document.getElementById("near-me");
        var nearStatus = document.getElementById("near-status");
        // The position is asked for only when the resident taps the button.
        near.addEventListener("click", function () {
          if (!navigator.geolocation) { nearStatus.textContent = "この端末では現在地を使えません。下の地区ごとの一覧から探してください。"; return; }
          nearStatus.textContent = "現在地をたずねています…";
          navigator.geolocation.getCurrentPosition(function (pos) {
            listNear([pos.coords.latitude, pos.coords.longitude]);
          }, function () {
            nearStatus.textContent = "現在地がわかりませんでした。下の地区ごとの一覧から探してください。";
          }, { timeout: 15000, maximumAge: 300000 });
        });
      });
  }

  // The clustering plugin is loaded by this script, not linked from the page, so a site built
  // without it has no broken link: when it fails to load, every marker is shown on its own.
  function withPlugin(then) {
    var el = document.getElementById("map");
    var leaflet = document.querySelector('script[src$="leaflet/leaflet.js"]');
    if (!el || typeof L === "undefined" || !leaflet || el.getAttribute("data-listing")) { then(); return; }
    var folder = leaflet.src.replace(/leaflet\.js$/, "");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = folder + "MarkerCluster.css";
    var script = document.createElement("script");
    script.src = folder + "leaflet.markercluster.js";
    script.onload = function () { document.head.appendChild(css); then(); };
    script.onerror = function () { then(); };
    document.head.appendChild(script);
  }

  withPlugin(start);
})();
