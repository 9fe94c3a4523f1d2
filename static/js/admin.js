// The admin's small behaviours, kept out of the markup so the Content-Security-Policy
// allows no inline script: "Huỷ" in an htmx confirmation dialog closes the dialog
// instead of following its link (the link is the fallback without JavaScript).
document.addEventListener("click", (event) => {
  const cancel = event.target.closest("[data-close-dialog]");
  if (!cancel) return;
  event.preventDefault();
  cancel.closest("dialog").remove();
});
