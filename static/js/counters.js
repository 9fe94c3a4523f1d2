/* The live counters (#bo-dem): ask htmx to refresh them every data-refresh-seconds while
   the tab is visible, and at once when the tab becomes visible again. Loaded with defer, so
   the page is parsed; #bo-dem is looked up at each refresh (the live fragment replaces it).

   A file rather than an hx-trigger filter ("every 30s [document.visibilityState ...]"):
   filters need eval, which the page's htmx-config turns off (allowEval: false), and a
   Content-Security-Policy without 'unsafe-eval' or inline script forbids anyway. */
(function () {
  "use strict";
  var counters = document.getElementById("bo-dem");
  if (!counters) { return; }
  var seconds = Number(counters.getAttribute("data-refresh-seconds")) || 30;
  var timer = null;

  function refresh() {
    var element = document.getElementById("bo-dem");
    if (element && window.htmx && document.visibilityState === "visible") {
      window.htmx.trigger(element, "refresh-counters");
    }
  }

  function restartTimer() {
    window.clearInterval(timer);
    timer = window.setInterval(refresh, seconds * 1000);
  }

  restartTimer();
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      refresh();
      restartTimer();
    }
  });
}());
