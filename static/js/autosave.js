/* Autosave of the article being written: what is typed is posted to the form's
   data-autosave-url a few seconds after the last change (and when the tab is hidden or
   closed), so a closed tab, a crash or an expired session loses only those seconds.
   The server keeps it apart from the article (portal.services.autosave); the editor page
   offers it back. The line #tu-luu says when it was last kept, or what went wrong; after a
   session ends it keeps trying, and picks up the new session once the person signs in again. */
(function () {
  "use strict";

  var DELAY_MS = 3000;
  var form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  var status = document.getElementById("tu-luu");
  var timer = null;
  var changed = false;
  var submitting = false;

  function show(message, warning) {
    status.textContent = message;
    status.classList.toggle("autosave-warning", Boolean(warning));
  }

  // Jodit writes its text back to the <textarea> on its own schedule: take it now.
  function syncEditors() {
    var instances = window.Jodit ? window.Jodit.instances : {};
    Object.keys(instances).forEach(function (id) {
      var editor = instances[id];
      if (editor.element && editor.element.tagName === "TEXTAREA") editor.element.value = editor.value;
    });
  }

  function fields() {
    syncEditors();
    var data = new FormData(form);
    data.delete("cover_file");
    return data;
  }

  // A refused post (400: the token of a session that is over; a redirect to the sign-in page)
  // may mean the person signed in again in another tab: take the new session's token from a
  // fresh copy of this page, so autosave and the form's own "Lưu" work again.
  function renewToken() {
    return fetch(window.location.pathname, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
      if (!response.ok) return false;
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector('input[name="csrf_token"]');
        if (!fresh) return false;
        document.querySelectorAll('input[name="csrf_token"]').forEach(function (input) { input.value = fresh.value; });
        document.body.setAttribute("data-hx-headers", page.body.getAttribute("data-hx-headers"));
        return true;
      });
    });
  }

  function refused(retried) {
    changed = true;
    renewToken().then(function (renewed) {
      if (renewed && !retried) {
        save(false, true);
        return;
      }
      show("Phiên đăng nhập đã hết hạn nên chưa tự lưu được. Hãy đăng nhập lại ở một thẻ khác và giữ nguyên thẻ này: " +
           "phần đang viết vẫn còn đây và sẽ được tự lưu tiếp.", true);
      timer = setTimeout(save, DELAY_MS * 5);
    });
  }

  function save(leaving, retried) {
    clearTimeout(timer);
    if (!changed || submitting) return;
    changed = false;
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST", body: fields(), credentials: "same-origin", redirect: "manual", keepalive: Boolean(leaving),
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 400) {
        refused(retried);
        return null;
      }
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      if (answer) show(answer.message, answer.warning);
    }).catch(function () {
      changed = true;
      show("Chưa tự lưu được (mất kết nối?); sẽ thử lại sau vài giây.", true);
      timer = setTimeout(save, DELAY_MS * 3);
    });
  }

  function later() {
    changed = true;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function () { submitting = true; });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") save(true);
  });
  window.addEventListener("pagehide", function () { save(true); });
})();
