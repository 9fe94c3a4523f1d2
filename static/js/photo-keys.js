// A photo's page: the left and right arrow keys follow its "previous" and "next" links,
// unless a field has the keyboard or a modifier key is held.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
  if (event.target.closest("input, textarea, select, [contenteditable]")) return;
  const link = document.querySelector(`.photo-nav a[data-key="${event.key}"]`);
  if (link) link.click();
});
