// Presenter mode: scales the fixed 1600×900 slides to the window and toggles full screen.
window.mentoringSlides = {
  fit: function () {
    var scale = Math.min(window.innerWidth / 1600, window.innerHeight / 900);
    document.documentElement.style.setProperty('--slide-scale', String(scale));
  },
  start: function (element) {
    window.mentoringSlides.fit();
    window.addEventListener('resize', window.mentoringSlides.fit);
    if (element) element.focus();
  },
  stop: function () {
    window.removeEventListener('resize', window.mentoringSlides.fit);
  },
  toggleFullscreen: function () {
    if (document.fullscreenElement) return document.exitFullscreen();
    return document.documentElement.requestFullscreen().catch(function () { });
  }
};
