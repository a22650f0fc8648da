// Keyboard shortcuts for the reporting loop. A control takes part by naming its keys in data-shortcut (space-separated,
// e.g. "n" or "ctrl+enter"); a key press clicks the first visible, enabled control that names it, or focuses it when it
// is a text field. Keys without Ctrl, Alt or Meta never fire while the user is typing in a field, so report text is
// never taken for a command. "?" opens the list of shortcuts (the dialog #iw-shortcuts in the layout).
(() => {
  const typing = (element) => element instanceof HTMLElement
    && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));

  const keyName = (event) => {
    const parts = [];
    if (event.ctrlKey || event.metaKey) {
      parts.push('ctrl');
    }

    if (event.altKey) {
      parts.push('alt');
    }

    // Shift is part of a name only for keys without a character of their own: "?" is "?", Shift+Enter is "shift+enter".
    if (event.shiftKey && event.key.length > 1) {
      parts.push('shift');
    }

    parts.push(event.key.toLowerCase());
    return parts.join('+');
  };

  const usable = (element) => element.getClientRects().length > 0
    && !element.disabled
    && element.getAttribute('aria-disabled') !== 'true'
    && !element.closest('[inert]');

  const act = (element) => {
    const field = typing(element) ? element : element.querySelector('input, textarea');
    if (field && !(element instanceof HTMLButtonElement) && !(element instanceof HTMLAnchorElement)) {
      // The caret goes to the end: typing carries on from what is there and never replaces a draft.
      field.focus();
      field.setSelectionRange?.(field.value.length, field.value.length);
      return;
    }

    element.click();
  };

  const help = () => document.getElementById('iw-shortcuts');

  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-shortcuts-open]')) {
      help()?.showModal();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open], .mud-dialog-container')) {
      return;
    }

    const name = keyName(event);
    const modified = event.ctrlKey || event.metaKey || event.altKey;
    if (typing(event.target) && !modified) {
      return;
    }

    if (name === '?') {
      event.preventDefault();
      help()?.showModal();
      return;
    }

    const named = () => [...document.querySelectorAll('[data-shortcut]')]
      .filter((element) => element.dataset.shortcut.split(' ').includes(name));
    if (named().length === 0) {
      return;
    }

    event.preventDefault();
    // Leaving a text field first hands its last keystrokes to the server (the report box sends them when it loses focus),
    // so a Ctrl+Enter straight after typing signs what is on the screen; the control may only become enabled once the
    // server has answered, so look for it again for up to two seconds.
    if (typing(document.activeElement)) {
      document.activeElement.blur();
    }

    let tries = 0;
    const attempt = () => {
      const target = named().find(usable);
      if (target) {
        act(target);
      } else if (++tries < 40) {
        setTimeout(attempt, 50);
      }
    };
    attempt();
  });
})();

// A table larger than its box (wider than a phone, or a long virtualised list) scrolls inside its container; keyboard
// users must be able to reach and scroll it, so each such container gets a tab stop and a name, and loses them when it
// no longer scrolls.
(() => {
  const mark = () => {
    for (const box of document.querySelectorAll('.mud-table-container')) {
      const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        const caption = box.querySelector('caption')?.textContent?.trim();
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', `${caption || 'Table'} (scrolls)`);
        box.dataset.iwScroll = '';
      } else if (!scrolls && box.hasAttribute('data-iw-scroll')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
        delete box.dataset.iwScroll;
      }
    }
  };

  window.iwMarkScrollers = mark;
  // At most 100 ms after the first change, however busy the page is: a list changing live every few tens of
  // milliseconds would starve a timer that restarts on every change.
  let pending = 0;
  const soon = () => {
    if (!pending) {
      pending = setTimeout(() => { pending = 0; mark(); }, 100);
    }
  };
  new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('resize', soon);
})();
