// Unsaved input kept in the browser: every keystroke in a form marked data-unsaved-key is written to local storage
// under that key (the user, the round and the organisation) before the server has it, and removed once the server
// confirms the save. If the connection, the instance or the database goes away first, the form reads it back on its
// next load (Components/Pages/Intake/ReportFormPage.razor) and says so.
window.mentoringUnsaved = (function () {
  var prefix = 'mentoring-unsaved:';
  function load(key) {
    try { return JSON.parse(localStorage.getItem(prefix + key)) || {}; } catch (e) { return {}; }
  }
  function store(key, values) {
    try {
      if (Object.keys(values).length === 0) localStorage.removeItem(prefix + key);
      else localStorage.setItem(prefix + key, JSON.stringify(values));
    } catch (e) { /* storage full or disabled: the server's one-second draft is the only copy then */ }
  }
  function remember(event) {
    var field = event.target;
    var form = field && field.closest ? field.closest('[data-unsaved-key]') : null;
    if (!form || !field.id) return;
    var key = form.getAttribute('data-unsaved-key');
    var values = load(key);
    values[field.id] = field.value;
    store(key, values);
  }
  // Capturing, so the value is kept even if Blazor's own handler is the one that fails.
  document.addEventListener('input', remember, true);
  document.addEventListener('change', remember, true);
  // Signing out leaves nothing of the school's typing on a shared computer (what the server has is the draft).
  document.addEventListener('submit', function (event) {
    if (!event.target.matches || !event.target.matches('.logout-form')) return;
    try {
      Object.keys(localStorage).filter(function (k) { return k.indexOf(prefix) === 0; })
        .forEach(function (k) { localStorage.removeItem(k); });
    } catch (e) { /* storage disabled: nothing was kept */ }
  }, true);
  return {
    // What was typed and not yet confirmed: { fieldId: text }.
    read: function (key) { return load(key); },
    // The server saved these texts: forget them, unless the field was changed again since.
    confirm: function (key, saved) {
      var values = load(key);
      Object.keys(saved).forEach(function (id) { if (values[id] === saved[id]) delete values[id]; });
      store(key, values);
    },
    forget: function (key) { store(key, {}); }
  };
})();
