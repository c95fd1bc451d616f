// Live figures: after the server announces a change, briefly highlights every figure (.live-figure) whose text
// the re-render changed. Armed only from an announced change until its re-render is applied (however long the
// reload takes on a busy server), so navigation does not flash.
window.mentoringLive = (function () {
  var armedUntil = 0;
  var observer = new MutationObserver(function (mutations) {
    if (Date.now() > armedUntil) return;
    mutations.forEach(function (m) {
      var node = m.target.nodeType === Node.TEXT_NODE ? m.target.parentElement : m.target;
      var figure = node && node.closest ? node.closest('.live-figure') : null;
      if (!figure) return;
      figure.classList.remove('live-changed');
      void figure.offsetWidth; // restart the animation
      figure.classList.add('live-changed');
    });
  });
  function start() { observer.observe(document.body, { subtree: true, childList: true, characterData: true }); }
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
  return {
    // 30 s caps a reload that never renders; changesApplied() disarms once the late DOM edits are in.
    expectChanges: function () { armedUntil = Date.now() + 30000; },
    changesApplied: function () { armedUntil = Date.now() + 500; }
  };
})();
