// Live reload for `gazette serve`: served by the preview server only, never written to output/.
(function () {
  "use strict";
  var instance = "__INSTANCE__";
  var overlay = null;

  function currentPath() {
    var path = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    return path === "" || path.charAt(path.length - 1) === "/" ? path + "index.html" : path;
  }

  function showErrors(lines) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "gazette-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0b0b;color:#fff;font:14px/1.5 monospace;padding:1em 1.5em;white-space:pre-wrap;" +
        "border-top:4px solid #e5484d";
      document.body.appendChild(overlay);
    }
    overlay.textContent = lines.join("\n");
  }

  function clearErrors() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function swapStyles() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("gazette", Date.now().toString(36));
      links[i].href = url.toString();
    }
  }

  var events = new EventSource("/__gazette/events");
  events.addEventListener("hello", function (e) {
    // A new server instance: what this page shows may be out of date.
    if (e.data !== instance) location.reload();
  });
  events.addEventListener("ok", clearErrors);
  events.addEventListener("errors", function (e) { showErrors(JSON.parse(e.data)); });
  // Only stylesheets changed: errors of the content, if any, stand.
  events.addEventListener("css", swapStyles);
  events.addEventListener("reload", function (e) {
    clearErrors();
    var change = JSON.parse(e.data);
    if (change.all || change.paths.indexOf(currentPath()) >= 0) location.reload();
  });
})();
