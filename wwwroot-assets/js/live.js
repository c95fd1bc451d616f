// Live figures: briefly highlights every figure (.live-figure) whose text a live reload changed. The server moves a
// hidden marker (.live-marker[data-live]) in the same render as the figures; the figures changed just before it or
// within half a second after it glow, and a user's own navigation (no marker) does not flash.
(function () {
  var recent = [];
  var glowUntil = 0;
  // Only classes change here, and no layout is read, so the page is restyled once, in the next frame.
  function glow(figure) {
    var again = figure.classList.contains('live-changed') && !figure.classList.contains('live-changed--again');
    figure.classList.add('live-changed');
    figure.classList.toggle('live-changed--again', again);
  }
  var observer = new MutationObserver(function (mutations) {
    var now = Date.now();
    var marked = false;
    mutations.forEach(function (m) {
      var node = m.target.nodeType === Node.TEXT_NODE ? m.target.parentElement : m.target;
      if (m.type === 'attributes') {
        if (node && node.classList && node.classList.contains('live-marker')) marked = true;
        return;
      }
      var figure = node && node.closest ? node.closest('.live-figure') : null;
      if (!figure) return;
      if (now <= glowUntil) glow(figure); else recent.push({ at: now, figure: figure });
    });
    recent = recent.filter(function (r) { return now - r.at < 2000; });
    if (marked) {
      recent.forEach(function (r) { glow(r.figure); });
      recent = [];
      glowUntil = now + 500;
    }
  });
  function start() {
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-live'] });
  }
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
