// Presenter mode: scales the fixed 1600×900 slides to the window, turns navigation keys into slide changes (Tab and
// typing in a field are left alone), keeps the slide number in the URL, and keeps a deck's audience and presenter
// windows on the same slide through a BroadcastChannel (same browser, same origin, no server round trip needed).
window.mentoringSlides = (function () {
  var keys = ['ArrowRight', ' ', 'PageDown', 'Enter', 'ArrowLeft', 'PageUp', 'Backspace', 'Home', 'End', 'f', 'F', 'а', 'А'];
  var state = null;

  function fit() {
    var scale = Math.min(window.innerWidth / 1600, window.innerHeight / 900);
    document.documentElement.style.setProperty('--slide-scale', String(scale));
  }

  // The presenter's frames: the current slide takes about three fifths of a wide window (the rest is for the next
  // slide, the times and the notes), the whole width of a narrow one, and never more than the height allows.
  function fitPresenter() {
    var wide = window.innerWidth > 700;
    var byWidth = wide ? window.innerWidth * 0.6 / 1600 : (window.innerWidth - 32) / 1600;
    var byHeight = (window.innerHeight - 170) / 900;
    var scale = Math.max(0.2, Math.min(byWidth, wide ? byHeight : byWidth));
    document.documentElement.style.setProperty('--presenter-scale', String(scale));
  }

  function onKey(e) {
    if (!state || e.altKey || e.ctrlKey || e.metaKey || keys.indexOf(e.key) < 0) return;
    var target = e.target instanceof Element ? e.target : null;
    if (target && target.closest('input, textarea, select, [contenteditable="true"]')) return;
    // Enter and Space press a focused button or link, as everywhere else.
    if ((e.key === 'Enter' || e.key === ' ') && target && target.closest('button, a')) return;
    e.preventDefault();
    state.dotnet.invokeMethodAsync('KeyAsync', e.key);
  }

  function putInUrl(slide) {
    var url = new URL(window.location.href);
    url.searchParams.set('slide', String(slide));
    window.history.replaceState(window.history.state, '', url);
  }

  function tick() {
    if (!state || !state.element) return;
    var seconds = Math.floor((Date.now() - state.since) / 1000);
    var elapsed = state.element.querySelector('[data-elapsed]');
    var clock = state.element.querySelector('[data-clock]');
    if (elapsed) elapsed.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    if (clock) clock.textContent = new Date().toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
  }

  // The audience window's controls float over the slide: shown on a mouse move or a tap, hidden again after a pause.
  function showControls(e) {
    if (!state || !state.element) return;
    // Chromium sends a mouse move without moving when the page changes under a resting pointer (a new slide):
    // only a real move counts.
    if (e && e.type === 'mousemove') {
      if (state.pointer && state.pointer.x === e.clientX && state.pointer.y === e.clientY) return;
      state.pointer = { x: e.clientX, y: e.clientY };
    }
    state.element.classList.add('controls-shown');
    window.clearTimeout(state.hideControls);
    state.hideControls = window.setTimeout(function () {
      if (state && state.element) state.element.classList.remove('controls-shown');
    }, 2500);
  }

  function onClick(e) {
    if (e.target instanceof Element && e.target.closest('[data-reset]')) {
      state.since = Date.now();
      tick();
    }
  }

  return {
    start: function (element, dotnet, channel, presenter, slide) {
      state = { element: element, dotnet: dotnet, presenter: presenter, slide: slide, since: Date.now(), timer: null, channel: null };
      if (!presenter) {
        fit();
        window.addEventListener('resize', fit);
        document.addEventListener('mousemove', showControls);
        document.addEventListener('touchstart', showControls, { passive: true });
        showControls(); // once at the start, so the presenter sees where they are
      } else {
        fitPresenter();
        window.addEventListener('resize', fitPresenter);
        state.timer = window.setInterval(tick, 1000);
        tick();
        document.addEventListener('click', onClick);
      }
      document.addEventListener('keydown', onKey);
      putInUrl(slide);
      if (window.BroadcastChannel) {
        state.channel = new BroadcastChannel('mentoring-slides:' + channel);
        state.channel.onmessage = function (message) {
          var data = message.data || {};
          if (data.ask) {
            state.channel.postMessage({ slide: state.slide });
          } else if (Number.isInteger(data.slide) && data.slide >= 1 && data.slide <= 1000 && data.slide !== state.slide) {
            // Only a slide number: anything else on the channel is ignored, never written into the URL.
            state.slide = data.slide;
            putInUrl(data.slide);
            state.dotnet.invokeMethodAsync('FollowAsync', data.slide);
          }
        };
        // A window opened (or reloaded) while the other shows the deck joins it on its slide.
        state.channel.postMessage({ ask: true });
      }
      if (element && !presenter) element.focus();
    },
    moved: function (slide) {
      if (!state) return;
      state.slide = slide;
      putInUrl(slide);
      if (state.channel) state.channel.postMessage({ slide: slide });
    },
    openPresenter: function (url, channel) {
      window.open(url, 'mentoring-presenter:' + channel, 'popup,width=1280,height=820');
    },
    stop: function () {
      window.removeEventListener('resize', fit);
      window.removeEventListener('resize', fitPresenter);
      document.removeEventListener('mousemove', showControls);
      document.removeEventListener('touchstart', showControls);
      if (state) window.clearTimeout(state.hideControls);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
      if (state && state.timer) window.clearInterval(state.timer);
      if (state && state.channel) state.channel.close();
      state = null;
    },
    toggleFullscreen: function () {
      if (document.fullscreenElement) return document.exitFullscreen();
      return document.documentElement.requestFullscreen().catch(function () { });
    }
  };
})();

// «Печать» buttons (the handout's, «Кто не сдал»): a listener here, since the Content-Security-Policy forbids inline handlers.
document.addEventListener('click', function (e) {
  if (e.target && e.target.closest && e.target.closest('.handout-print, [data-print]')) window.print();
});
