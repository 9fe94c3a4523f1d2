/* The live counters (#bo-dem): ask htmx to refresh them every data-refresh-seconds while
   the tab is visible, and at once when the tab becomes visible again.

   A file rather than an hx-trigger filter ("every 30s [document.visibilityState ...]"):
   filters need eval, which the page's htmx-config turns off (allowEval: false), and a
   Content-Security-Policy without 'unsafe-eval' or inline script forbids anyway. */
(function () {
  "use strict";
  var timer = null;

  function counters() {
    return document.getElementById("bo-dem");
  }

  function refresh() {
    var element = counters();
    if (element && window.htmx && document.visibilityState === "visible") {
      window.htmx.trigger(element, "refresh-counters");
    }
  }

  function restartTimer() {
    var element = counters();
    var seconds = element ? Number(element.getAttribute("data-refresh-seconds")) || 30 : 30;
    if (timer !== null) {
      window.clearInterval(timer);
    }
    timer = window.setInterval(refresh, seconds * 1000);
  }

  function start() {
    if (!counters()) {
      return;
    }
    restartTimer();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        refresh();
        restartTimer();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
