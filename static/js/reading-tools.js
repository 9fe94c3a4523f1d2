/* portal: the article's reading tools, ours, no third-party code.
   - "Sao chép liên kết": copies the article's address; without JavaScript the button stays
     hidden and the read-only field beside it holds the address to select by hand.
   - "In trang này" on the print view: the browser's print dialog (hidden without JavaScript).
   - "A- A A+": applies the text size at once and keeps it in the "co_chu" cookie, which
     text-size.js reads on every page before the first paint; without JavaScript the form
     posts, and the answer explains how the browser's own zoom does the same. */
(function () {
  "use strict";

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.focus();
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  document.querySelectorAll("[data-copy-from]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-from"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!field) { return; }
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      copyText(field).then(function () {
        status.textContent = "Đã sao chép liên kết.";
      }, function () {
        field.select();
        status.textContent = "Không sao chép được: hãy nhấn Ctrl+C (hoặc giữ để sao chép).";
      });
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  var STEPS = { "nho-hon": -1, "lon-hon": 1 };

  document.querySelectorAll("form.text-size").forEach(function (form) {
    var current = form.querySelector(".text-size-current");
    var sizes = current.getAttribute("data-sizes").split(",");
    var fallback = parseInt(form.getAttribute("data-default-level"), 10);
    var level = parseInt(document.documentElement.getAttribute("data-co-chu") || String(fallback), 10);

    function show() {
      current.textContent = "(" + sizes[level] + "%)";
      form.querySelector('[value="nho-hon"]').disabled = level === 0;
      form.querySelector('[value="lon-hon"]').disabled = level === sizes.length - 1;
    }

    function apply() {
      var root = document.documentElement;
      if (level === fallback) { root.removeAttribute("data-co-chu"); } else { root.setAttribute("data-co-chu", String(level)); }
      document.cookie = "co_chu=" + level + "; path=/; max-age=31536000; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
      show();
    }

    show();
    form.addEventListener("submit", function (event) {
      var choice = event.submitter ? event.submitter.value : "mac-dinh";
      event.preventDefault();
      level = choice in STEPS ? Math.min(Math.max(level + STEPS[choice], 0), sizes.length - 1) : fallback;
      apply();
      if (event.submitter && event.submitter.disabled) { form.querySelector('[value="mac-dinh"]').focus(); }
    });
  });
}());
