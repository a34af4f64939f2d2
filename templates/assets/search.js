// Site search: substring matching over a normalised text, which suits Japanese (no word
// boundaries). fold() must stay identical to SearchIndex.fold in Swift.
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  if (!results || !input) return;
  var root = results.getAttribute("data-root");
  var entries = null;

  var fold = window.sasaeaiFold;

  function render(query) {
    var terms = query.split(/[\s\u3000]+/).map(fold).filter(function (t) { return t.length > 0; });
    results.textContent = "";
    if (terms.length === 0) { status.textContent = ""; return; }
    var found = entries.filter(function (e) {
      return terms.every(function (t) { return e.x.indexOf(t) !== -1; });
    });
    found.slice(0, 200).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.u;
      a.textContent = e.t;
      var meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = e.k + (e.d ? "・" + e.d : "");
      li.appendChild(a);
      li.appendChild(document.createElement("br"));
      li.appendChild(meta);
      results.appendChild(li);
    });
    status.textContent = "「" + query + "」の検索結果: " + found.length + "件" + (found.length > 200 ? "（最初の200件を表示）" : "");
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  status.textContent = "読み込み中…";
  fetch(results.getAttribute("data-index"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      entries = data;
      status.textContent = "";
      if (initial) render(initial);
      var timer;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { render(input.value); }, 200);
      });
      input.form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
        render(input.value);
      });
    })
    .catch(function () { status.textContent = "検索の準備ができませんでした。一覧のページから探してください。"; });
})();
