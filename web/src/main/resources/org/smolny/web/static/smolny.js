// Smolny: after htmx replaces part of a page (older or newer entries), move keyboard focus to the new part's
// heading, so that a keyboard or screen-reader user lands on what was loaded rather than on a link that is gone.
document.addEventListener("htmx:afterSettle", function (event) {
  const heading = event.detail.target && document.querySelector("#" + event.detail.target.id + " [data-focus-after-swap]");
  if (heading) heading.focus();
});
