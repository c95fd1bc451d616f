// The reader's light or dark theme, kept in a cookie the server reads (Theme/ThemeChoice.cs) so that every page is
// rendered in it from its first paint. Until the reader chooses, the system's setting is written; the sign-in page
// runs this too, so even the first dashboard page opens dark on a dark system.
(() => {
  const write = value => { document.cookie = `theme=${value}; path=/; max-age=31536000; samesite=strict`; };
  const chosen = document.cookie.split('; ').some(c => c === 'theme=dark' || c === 'theme=light');
  if (!chosen) write(matchMedia('(prefers-color-scheme: dark)').matches ? 'system-dark' : 'system-light');
  window.mentoringTheme = { choose: dark => write(dark ? 'dark' : 'light') };
})();
