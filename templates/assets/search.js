// Site search over the split index (SearchChunks.swift): the manifest first, then only the
// chunks of the query's characters and the blocks of the candidate entries. Results are ranked
// name first, then reading, then other fields. fold() is the same as SearchFolding.fold in Swift.
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  if (!results || !input) return;
  var root = results.getAttribute("data-root");
  var base = results.getAttribute("data-base");
  var fold = window.sasaeaiFold;
  var manifest = null;
  var cache = {};
  var shown = 200;
  // At most this many blocks (~32 KB each, SearchChunks.blockBytes) per query, so a phone stays under ~300 KB even when a
  // query matches most of a prefecture; the status then says 「N件以上」.
  var blockLimit = 6;
  var latest = 0;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path);
        return r.json();
      });
    }
    return cache[path];
  }

  // Code-point order, the order of SearchChunks.packed keys in Swift.
  function before(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d !== 0) return d < 0;
    }
    return x.length < y.length;
  }

  // The chunk holding `key`: the last one whose first key is not after it.
  function chunkOf(key) {
    var lo = 0, hi = manifest.chunks.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (before(key, manifest.chunks[mid])) hi = mid - 1;
      else { found = mid; lo = mid + 1; }
    }
    return found < 0 ? null : "c/" + found + ".json";
  }

  // Posting keys of one term: its one character, or its first and last bigrams. Candidates
  // are confirmed against the entries' texts, so two bigrams suffice and a long word fetches
  // at most two chunks.
  function keys(term) {
    var chars = Array.from(term);
    if (chars.length === 1) return [chars[0]];
    var first = chars[0] + chars[1], last = chars[chars.length - 2] + chars[chars.length - 1];
    return first === last ? [first] : [first, last];
  }

  // A posting list: gaps between ascending entry numbers, or "b" + a base64 bitmap.
  function numbers(list) {
    var out = [];
    if (typeof list === "string") {
      var bytes = atob(list.slice(1));
      for (var i = 0; i < bytes.length; i++) {
        var b = bytes.charCodeAt(i);
        for (var bit = 0; bit < 8; bit++) if (b & (1 << bit)) out.push(i * 8 + bit);
      }
      return out;
    }
    var n = 0;
    list.forEach(function (g) { n += g; out.push(n); });
    return out;
  }

  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (x) { return set.has(x); });
  }

  function candidates(terms) {
    var wanted = [];
    terms.forEach(function (t) { keys(t).forEach(function (k) { if (wanted.indexOf(k) === -1) wanted.push(k); }); });
    var files = wanted.map(chunkOf);
    if (files.some(function (f) { return f === null; })) return Promise.resolve([]);
    // At most four chunks (~32 KB each) per query: further keys only narrow the candidates,
    // which the entries' texts confirm anyway.
    var kept = [];
    wanted = wanted.filter(function (k, i) {
      if (kept.indexOf(files[i]) === -1) {
        if (kept.length >= 4) return false;
        kept.push(files[i]);
      }
      return true;
    });
    files = wanted.map(chunkOf);
    var unique = files.filter(function (f, i) { return files.indexOf(f) === i; });
    return Promise.all(unique.map(load)).then(function (chunks) {
      var found = null;
      for (var i = 0; i < wanted.length; i++) {
        var list = chunks[unique.indexOf(files[i])][wanted[i]];
        if (!list) return [];
        var ids = numbers(list);
        found = found === null ? ids : intersect(found, ids);
        if (found.length === 0) return [];
      }
      return found || [];
    });
  }

  function score(entry, terms) {
    return terms.reduce(function (sum, t) {
      return sum + (entry.n.indexOf(t) !== -1 ? 0 : entry.r.indexOf(t) !== -1 ? 1 : 2);
    }, 0);
  }

  // The block holding entry `id`: the last one starting at or before it.
  function blockOf(id) {
    var lo = 0, hi = manifest.blocks.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (manifest.blocks[mid] <= id) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  function search(terms, limit) {
    return candidates(terms).then(function (ids) {
      var blocks = [];
      ids.forEach(function (id) {
        var b = blockOf(id);
        if (blocks.indexOf(b) === -1) blocks.push(b);
      });
      var partial = blocks.length > limit;
      blocks = blocks.slice(0, limit);
      return Promise.all(blocks.map(function (b) { return load("e/" + b + ".json"); })).then(function (loaded) {
        var found = [];
        var wanted = new Set(ids);
        blocks.forEach(function (b, i) {
          loaded[i].forEach(function (entry, j) {
            var id = manifest.blocks[b] + j;
            if (!wanted.has(id)) return;
            if (terms.every(function (t) { return entry.x.indexOf(t) !== -1; })) found.push({ e: entry, s: score(entry, terms), id: id });
          });
        });
        found.sort(function (a, b) { return a.s - b.s || a.id - b.id; });
        return { found: found.map(function (f) { return f.e; }), partial: partial };
      });
    });
  }

  function text(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    return node;
  }

  // 「さらに探す」 fetches the next blocks when a query matches more entries than were read.
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = "さらに探す";
  more.hidden = true;
  results.parentNode.insertBefore(more, results.nextSibling);
  var current = null;
  more.addEventListener("click", function () {
    if (!current) return;
    current.limit += blockLimit;
    run(current);
  });

  function show(query, outcome) {
    var found = outcome.found;
    // Each 「さらに探す」 also shows another 200.
    var cap = shown * (current ? current.limit / blockLimit : 1);
    results.textContent = "";
    more.hidden = !outcome.partial && found.length <= cap;
    found.slice(0, cap).forEach(function (e) {
      var li = document.createElement("li");
      var a = text("a", "search-title", e.t);
      a.href = root + e.u;
      li.appendChild(a);
      if (e.p) li.appendChild(text("span", "badge badge-paused", "休止中"));
      var facts = document.createElement("p");
      facts.className = "search-meta";
      facts.appendChild(text("span", "search-kind", e.k));
      if (e.g) facts.appendChild(text("span", "search-district", e.g + "地区"));
      if (e.w) facts.appendChild(text("span", "search-days", e.w));
      li.appendChild(facts);
      if (e.d) li.appendChild(text("p", "search-detail", e.d));
      results.appendChild(li);
    });
    status.textContent = "「" + query + "」の検索結果: " + found.length + (outcome.partial ? "件以上" : "件") +
      (found.length > cap ? "（最初の" + cap + "件を表示）" : "");
  }

  function render(query) {
    var terms = query.split(/[\s\u3000]+/).map(fold).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { current = null; results.textContent = ""; status.textContent = ""; more.hidden = true; return; }
    current = { query: query, terms: terms, limit: blockLimit };
    run(current);
  }

  function run(state) {
    var ticket = ++latest;
    search(state.terms, state.limit).then(function (outcome) {
      if (ticket === latest) show(state.query, outcome);
    }).catch(function () {
      status.textContent = "検索の準備ができませんでした。一覧のページから探してください。";
    });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  status.textContent = "読み込み中…";
  load("manifest.json")
    .then(function (data) {
      manifest = data;
      status.textContent = "";
      if (initial) render(initial);
      var timer;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { render(input.value); }, 150);
      });
      input.form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
        render(input.value);
      });
    })
    .catch(function () { status.textContent = "検索の準備ができませんでした。一覧のページから探してください。"; });
})();
