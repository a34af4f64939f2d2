// The site is built for its as-of date; a resident may open it days later. With the browser's
// own date this marks 「今日」 on the week page and the month calendar (the week page jumps to
// it, or says when today is past the weeks it holds), and hides next dates already past.
// Words come from the page (data-today-label, data-beyond, data-none), not from here.
(function () {
  "use strict";
  function iso(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  var now = new Date();
  var today = iso(now);

  document.querySelectorAll("[data-today-label]").forEach(function (box) {
    var day = box.querySelector('[data-date="' + today + '"]');
    var status = box.querySelector("[data-today-status]");
    if (day) {
      day.classList.add("is-today");
      day.setAttribute("aria-current", "date");
      var heading = day.querySelector("h2, h3");
      if (heading) {
        var badge = document.createElement("span");
        badge.className = "today-badge";
        badge.textContent = box.getAttribute("data-today-label");
        heading.appendChild(document.createTextNode(" "));
        heading.appendChild(badge);
      }
      if (box.hasAttribute("data-jump") && !location.hash) day.scrollIntoView({ block: "start" });
    } else if (status && box.getAttribute("data-last") && today > box.getAttribute("data-last")) {
      var label = new Intl.DateTimeFormat("ja-JP", { month: "long", day: "numeric", weekday: "short" }).format(now);
      status.textContent = box.getAttribute("data-beyond").replace("{today}", label);
      status.hidden = false;
    }
  });

  document.querySelectorAll("[data-upcoming]").forEach(function (list) {
    var left = 0;
    list.querySelectorAll("li[data-date]").forEach(function (item) {
      if (item.getAttribute("data-date") < today) item.hidden = true; else left += 1;
    });
    if (!left && list.getAttribute("data-none")) {
      var note = document.createElement("p");
      note.textContent = list.getAttribute("data-none");
      list.parentNode.insertBefore(note, list.nextSibling);
      list.hidden = true;
    }
  });
})();
