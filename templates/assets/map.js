// The interactive map layer. The page is complete without it: the same listings are in the
// list below the map. Markers are divIcons so they are focusable with the keyboard.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  el.hidden = false;
  var map = L.map(el, { scrollWheelZoom: false }).setView(
    [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lon"))],
    parseInt(el.getAttribute("data-zoom"), 10));
  // Leaflet inserts attributions as HTML; map.attribution in site.yml is text, so it goes in
  // escaped and can never become markup (a tag or an event handler) on the page.
  L.tileLayer(el.getAttribute("data-tiles"), { attribution: escapeHTML(el.getAttribute("data-attribution") || ""), maxZoom: 18 }).addTo(map);
  var onlyDistrict = el.getAttribute("data-district");
  var onlyListing = el.getAttribute("data-listing");
  var root = el.getAttribute("data-geojson").replace(/data\/listings\.geojson$/, "");

  function escapeHTML(value) {
    var holder = document.createElement("div");
    holder.textContent = value;
    return holder.innerHTML;
  }

  function text(tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  }

  fetch(el.getAttribute("data-geojson"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var bounds = [];
      data.features.forEach(function (f) {
        var p = f.properties;
        if (onlyDistrict && p.district !== onlyDistrict) return;
        if (onlyListing && p.id !== onlyListing) return;
        var latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var icon = L.divIcon({ className: "marker marker-" + p.kind, html: "<span></span>", iconSize: [28, 28], iconAnchor: [14, 14] });
        var popup = document.createElement("div");
        var link = text("a", p.name);
        link.href = root + "listings/" + p.id + "/";
        popup.appendChild(link);
        if (p.schedule) popup.appendChild(text("p", p.schedule));
        if (p.venue) popup.appendChild(text("p", p.venue));
        L.marker(latlng, { icon: icon, title: p.name, alt: p.name, keyboard: true }).bindPopup(popup).addTo(map);
        bounds.push(latlng);
      });
      if (bounds.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
      else if (bounds.length === 1) map.setView(bounds[0], 16);
    });
})();
