// The finder narrows the static list in place. Without JavaScript the form stays hidden and
// the index pages (districts, kinds, weekdays, audiences, categories) do the same job.
(function () {
  "use strict";
  var form = document.getElementById("finder");
  if (!form) return;
  form.hidden = false;
  var status = document.getElementById("finder-status");
  var fields = {
    text: document.getElementById("finder-text"),
    district: document.getElementById("finder-district"),
    kind: document.getElementById("finder-kind"),
    weekday: document.getElementById("finder-weekday"),
    audience: document.getElementById("finder-audience")
  };
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-kind]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("main .group"));

  var fold = window.sasaeaiFold;

  function has(list, value) { return (" " + list + " ").indexOf(" " + value + " ") !== -1; }

  function apply() {
    var terms = fields.text.value.split(/[\s\u3000]+/).map(fold).filter(function (t) { return t; });
    var shown = 0;
    cards.forEach(function (card) {
      // data-district holds the card's district and those above it (a municipality keeps its districts' cards).
      var ok = (!fields.district.value || has(card.getAttribute("data-district"), fields.district.value))
        && (!fields.kind.value || card.getAttribute("data-kind") === fields.kind.value)
        && (!fields.weekday.value || has(card.getAttribute("data-weekdays"), fields.weekday.value))
        && (!fields.audience.value || has(card.getAttribute("data-audiences"), fields.audience.value))
        && terms.every(function (t) { return card.getAttribute("data-text").indexOf(t) !== -1; });
      card.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelectorAll(".card[data-kind]:not([hidden])").length === 0;
    });
    status.textContent = shown + "件が見つかりました";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
})();
