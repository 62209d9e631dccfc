// Follows the congress's server-sent events: each result is shown as soon as it is recorded, and the live part of
// the page is refreshed from the server when anything else changes. Without this script the page shows the same on reload.
(function () {
  'use strict';
  var live = document.getElementById('congress-live');
  if (!live || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var source = new EventSource(live.getAttribute('data-congress-events'));
  // A page left for another is closed to the server at once, and one brought back from the back/forward cache is
  // loaded again: a cached page kept following would hold one of the browser's six connections to the site.
  window.addEventListener('pagehide', function () { source.close(); });
  window.addEventListener('pageshow', function (event) { if (event.persisted) { window.location.reload(); } });

  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('congress-live');
        var current = document.getElementById('congress-live');
        if (!fresh || !current) { return; }
        var focused = document.activeElement && current.contains(document.activeElement) ? document.activeElement.id : null;
        // A form being filled in (opened, focused or edited) stays as it is: a refresh never loses what was typed.
        var inUse = Array.prototype.filter.call(current.querySelectorAll('.congress-form[id]'), function (form) {
          return form.open || form.contains(document.activeElement)
            || Array.prototype.some.call(form.querySelectorAll('input, textarea'), function (field) {
              return field.type !== 'hidden' && field.value !== field.defaultValue;
            });
        });
        current.replaceChildren.apply(current, Array.prototype.slice.call(fresh.childNodes).map(function (node) {
          return document.importNode(node, true);
        }));
        inUse.forEach(function (form) {
          var replacement = document.getElementById(form.id);
          if (replacement) { replacement.replaceWith(form); }
        });
        if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
      })
      .catch(function () { /* the next event or a reload shows the state */ });
  }

  source.addEventListener('result', function (event) {
    var result = JSON.parse(event.data);
    var region = document.getElementById('congress-result');
    if (region) {
      var paragraph = document.createElement('p');
      paragraph.className = 'congress-result__live';
      paragraph.textContent = result.sentence;
      region.replaceChildren(paragraph);
    }
    var form = document.querySelector('.congress-vote');
    if (form) {
      form.remove();
    }
    // The rest of the page (fates, the list of results) follows later, spread over five seconds across the hall.
    window.setTimeout(refresh, Math.random() * 5000);
  });
  // Spread the refreshes of a full hall over a second and a half, so that 2,000 pages do not ask at the same instant;
  // a result is shown at once by its own event above.
  source.addEventListener('changed', function () {
    window.setTimeout(refresh, Math.random() * 1500);
  });
}());
