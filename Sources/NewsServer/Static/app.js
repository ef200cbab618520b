// Corroborate's only script, loaded from this server (the Content-Security-Policy allows no other and no
// inline script). Pages work without it; it adds keyboard navigation and the river's live updates.
(function () {
  "use strict";

  // j/k move between the page's items, o or Enter opens the current one, / goes to search.
  var current = -1;
  function items() { return Array.prototype.slice.call(document.querySelectorAll(".nav-item")); }
  function select(index) {
    var list = items();
    if (list.length === 0) return;
    index = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (item) { item.classList.remove("current"); });
    list[index].classList.add("current");
    list[index].scrollIntoView({ block: "nearest" });
    current = index;
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      if (event.key === "Escape") target.blur();
      return;
    }
    if (event.key === "j") { select(current + 1); event.preventDefault(); }
    else if (event.key === "k") { select(current - 1); event.preventDefault(); }
    else if (event.key === "o" || event.key === "Enter") {
      var list = items();
      if (current >= 0 && list[current]) {
        var link = list[current].querySelector("a[href]");
        if (link) { window.location.href = link.href; event.preventDefault(); }
      }
    } else if (event.key === "/") {
      var search = document.getElementById("quick-search");
      if (search) { search.focus(); event.preventDefault(); }
    }
  });

  // The river reloads its list every 30 seconds (the server renders it; the text is escaped there).
  var river = document.getElementById("river");
  if (river && river.dataset.live) {
    var status = document.getElementById("live-status");
    var refresh = function () {
      if (document.hidden) return;
      fetch(river.dataset.live, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) return;
          if (html !== river.dataset.last) {
            if (river.dataset.last !== undefined) {
              var template = document.createElement("template");
              template.innerHTML = html;
              river.replaceChildren(template.content);
              current = -1;
            }
            river.dataset.last = html;
          }
          if (status) status.textContent = "Updated " + new Date().toLocaleTimeString();
        })
        .catch(function () { if (status) status.textContent = "Offline: showing the last stories loaded."; });
    };
    refresh();
    setInterval(refresh, 30000);
    document.addEventListener("visibilitychange", refresh);
  }
})();
