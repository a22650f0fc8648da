// Keystroke insurance for report drafts. Every edit in a textarea marked data-draft-key is copied to this tab's
// sessionStorage at once, before the server has seen it; if the connection drops, the page reloads, or the lease
// lapses, the exam view asks for the copy and restores what the server never received. sessionStorage belongs to this
// tab alone and is emptied on sign-out, so report text does not outlive the session on a shared workstation.
window.iwDrafts = {
  take: (key) => {
    const stored = sessionStorage.getItem('iw-draft:' + key);
    if (!stored) {
      return null;
    }

    // When the box already shows the copy, the reporter is typing on this page (each keystroke is copied from the box) and
    // the keystrokes reach the server by themselves: "restoring" would replace the box under their fingers and drop what
    // they type next. A copy differs from the box only when the page was reloaded or rebuilt without the server's text.
    const copy = JSON.parse(stored);
    const box = document.querySelector(`[data-draft-key="${CSS.escape(key)}"] textarea`);
    return box && box.value === copy.text ? null : copy;
  },
  clear: (key) => sessionStorage.removeItem('iw-draft:' + key),
  // The report box's text as it is on the screen now (the server may not have had the last keystrokes yet).
  current: (key) => document.querySelector(`[data-draft-key="${CSS.escape(key)}"] textarea`)?.value ?? null,
};

document.addEventListener('input', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLTextAreaElement)) {
    return;
  }

  const holder = field.closest('[data-draft-key]');
  if (holder) {
    sessionStorage.setItem('iw-draft:' + holder.dataset.draftKey, JSON.stringify({ text: field.value, at: Date.now() }));
  }
}, { capture: true });

document.addEventListener('submit', (event) => {
  if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-signout')) {
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('iw-draft:'))) {
      sessionStorage.removeItem(key);
    }
  }
}, { capture: true });
