// Ends an untouched session: after the idle timeout without a key press, click, scroll or touch, the page submits
// its own sign-out form (so patient data does not stay on an unattended screen). While the user is active, the
// session cookie is kept fresh at most once a minute, since an open Blazor page makes no ordinary requests.
(() => {
  const meta = document.querySelector('meta[name="iw-idle-minutes"]');
  const minutes = meta ? Number(meta.content) : 0;
  if (!minutes || minutes <= 0) {
    return;
  }

  const timeoutMs = minutes * 60 * 1000;
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
      const reason = document.createElement('input');
      reason.type = 'hidden';
      reason.name = 'reason';
      reason.value = 'idle';
      form.appendChild(reason);
      form.submit();
    }
  }, 15 * 1000);
})();
