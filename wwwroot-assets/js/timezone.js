// The browser's time zone for the server, which shows times in it (Services/UserClock.cs). Runs on every full page
// load, before Blazor connects, so the sign-in page sets it for the first dashboard page.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=strict`;
})();
