(function () {
  "use strict";
  var match = /(?:^|;\s*)co_chu=([0-4])(?:;|$)/.exec(document.cookie);
  if (match && match[1] !== "1") { document.documentElement.setAttribute("data-co-chu", match[1]); }
}());
