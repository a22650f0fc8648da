// Page behaviour kept out of the markup, so the Content Security Policy can forbid inline script.
//
// Reload links: any element with data-reload reloads the page (the reconnection messages use it).
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-reload]')) {
    event.preventDefault();
    location.reload();
  }
});

// Ends an untouched session: after the idle timeout without a key press, click, scroll or touch, the page submits
// its own sign-out form (so patient data does not stay on an unattended screen). While the user is active, the
// session cookie is kept fresh at most once a minute, since an open Blazor page makes no ordinary requests.
(() => {
  const meta = document.querySelector('meta[name="iw-idle-seconds"]');
  const seconds = meta ? Number(meta.content) : 0;
  if (!seconds || seconds <= 0) {
    return;
  }

  const timeoutMs = seconds * 1000;
  let lastActivity = Date.now();
  let lastKeepAlive = Date.now();

  const activity = () => {
    lastActivity = Date.now();
    if (lastActivity - lastKeepAlive > 60 * 1000 && document.querySelector('form[data-signout]')) {
      lastKeepAlive = lastActivity;
      fetch('/account/keepalive', { credentials: 'same-origin', cache: 'no-store' }).catch(() => {});
    }
  };

  for (const kind of ['keydown', 'mousedown', 'pointerdown', 'wheel', 'touchstart', 'scroll']) {
    window.addEventListener(kind, activity, { passive: true, capture: true });
  }

  setInterval(() => {
    if (Date.now() - lastActivity < timeoutMs) {
      return;
    }

    const form = document.querySelector('form[data-signout]');
    if (form) {
      form.action = '/account/logout?reason=idle';
      // submit() fires no submit event, so the draft copies (already saved on the server) are dropped here.
      for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('iw-draft:'))) {
        sessionStorage.removeItem(key);
      }

      form.submit();
    }
  }, Math.min(15 * 1000, timeoutMs / 4));
})();

// Brings a just-opened confirmation into view and puts the keyboard on its first button (called from Blazor).
// While a confirmation (the patient check) is open, focus stays in it: if anything else took focus (a re-render, a
// click elsewhere), it returns to the first button, so Enter confirms and Tab reaches Cancel.
window.iwKeepFocus = (id) => {
  const element = document.getElementById(id);
  if (element && !element.contains(document.activeElement)) {
    element.querySelector('button')?.focus();
  }
};

window.iwReveal = (id) => {
  const element = document.getElementById(id);
  if (element) {
    element.scrollIntoView({ block: 'center' });
    element.querySelector('button')?.focus();
    // A render arriving just after (a draft save's answer) can take focus back out; return it once things settle.
    setTimeout(() => window.iwKeepFocus(id), 300);
  }
};
