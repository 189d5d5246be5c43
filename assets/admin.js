// Back-office enhancements. Every form works without this file; it adds passkeys (which need
// script), a live Markdown preview with a word count, clean pasting, and keeping unsaved work
// in this browser so that a lost session or network loses nothing.

(() => {
  const post = async (url, body, csrf) => {
    const res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body ?? {}),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok || data.ok === false)
      throw new Error(data.error || `The server answered ${res.status}.`);
    return data;
  };

  const loadWebAuthn = () =>
    new Promise((resolve, reject) => {
      if (window.SimpleWebAuthnBrowser) return resolve(window.SimpleWebAuthnBrowser);
      const script = document.createElement('script');
      script.src = document.documentElement.dataset.webauthn;
      script.integrity = document.documentElement.dataset.webauthnIntegrity;
      script.onload = () => resolve(window.SimpleWebAuthnBrowser);
      script.onerror = () => reject(new Error('The passkey helper could not load.'));
      document.head.append(script);
    });

  const showError = (error) => {
    const el = document.getElementById('passkey-error');
    if (!el) return;
    el.textContent = error instanceof Error ? error.message : String(error);
    el.hidden = false;
  };

  const signIn = document.getElementById('passkey-sign-in');
  if (signIn) {
    signIn.addEventListener('click', async () => {
      try {
        const { startAuthentication } = await loadWebAuthn();
        const csrf = signIn.dataset.csrf;
        const { challengeId, options } = await post(
          '/admin/passkey/authenticate/options',
          {},
          csrf,
        );
        const response = await startAuthentication({ optionsJSON: options });
        // The server sends us on only to a back-office page (the one a lost session left).
        const next = new URLSearchParams(window.location.search).get('next');
        const done = await post(
          '/admin/passkey/authenticate/verify',
          { challengeId, response, next },
          csrf,
        );
        window.location.assign(done.next || '/admin');
      } catch (error) {
        showError(error);
      }
    });
  }

  const register = document.getElementById('passkey-register');
  if (register) {
    register.addEventListener('click', async () => {
      try {
        const { startRegistration } = await loadWebAuthn();
        const csrf = register.dataset.csrf;
        const { challengeId, options } = await post(register.dataset.options, {}, csrf);
        const response = await startRegistration({ optionsJSON: options });
        const name = navigator.platform ? `Passkey on ${navigator.platform}` : 'Passkey';
        const done = await post(register.dataset.verify, { challengeId, response, name }, csrf);
        window.location.assign(done.next || register.dataset.done || '/admin');
      } catch (error) {
        showError(error);
      }
    });
  }

  const csrfOf = (form) => form?.querySelector('input[name="_csrf"]')?.value ?? '';

  for (const area of document.querySelectorAll('textarea[data-preview]')) {
    const target = document.getElementById(area.dataset.preview);
    const counter = document.getElementById('body-word-count');
    const csrf = csrfOf(area.form);
    let timer;
    const refresh = async () => {
      try {
        const { html, words } = await post(
          '/admin/markdown-preview',
          { markdown: area.value },
          csrf,
        );
        // The server renders Markdown with raw HTML disabled, so this HTML carries no markup of the author's.
        target.innerHTML = html;
        if (counter) counter.textContent = `${words} words`;
      } catch {
        // The preview is a convenience; saving still works without it.
      }
    };
    area.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();

    if (area.dataset.paste === 'markdown') {
      area.addEventListener('paste', async (event) => {
        const html = event.clipboardData?.getData('text/html');
        if (!html) return;
        event.preventDefault();
        try {
          const { markdown } = await post('/admin/paste-to-markdown', { html }, csrf);
          area.setRangeText(markdown, area.selectionStart, area.selectionEnd, 'end');
          area.dispatchEvent(new Event('input'));
        } catch {
          area.setRangeText(
            event.clipboardData.getData('text/plain'),
            area.selectionStart,
            area.selectionEnd,
            'end',
          );
        }
      });
    }
  }

  // Unsaved work is kept in this browser under the form's key (which includes the version it
  // was loaded at), and offered back when the same form opens again. Sending the form does not
  // drop the copy: a save can fail (the session ended, the network went away), and then Back,
  // Reload or signing in again must still find it. The copy goes only when the server has
  // confirmed the save: it answers a save with the form again, at `?saved=1` and a newer version.
  const PENDING = 'dossier:pending-save';
  const parseKey = (key) => {
    const m = /^dossier:publication-(\d+|new)-(\d+)$/.exec(key ?? '');
    return m ? { id: m[1], version: Number(m[2]) } : null;
  };
  const confirms = (form, pendingKey) => {
    const sent = parseKey(pendingKey);
    const shown = parseKey(`dossier:${form.dataset.autosave}`);
    if (!sent || !shown || !new URLSearchParams(window.location.search).has('saved')) return false;
    return sent.id === 'new'
      ? shown.version === 1
      : shown.id === sent.id && shown.version > sent.version;
  };
  const pending = sessionStorage.getItem(PENDING);

  const kept = document.getElementById('kept-copy');
  if (kept && pending && localStorage.getItem(pending)) kept.hidden = false;

  for (const form of document.querySelectorAll('form[data-autosave]')) {
    const key = `dossier:${form.dataset.autosave}`;
    const fields = () =>
      [...form.elements].filter((el) => el.name && el.name !== '_csrf' && el.type !== 'file');
    const snapshot = () =>
      JSON.stringify(
        fields().map((el) => [
          el.name,
          el.type === 'checkbox' || el.type === 'radio'
            ? el.checked
            : el.multiple
              ? [...el.selectedOptions].map((o) => o.value)
              : el.value,
        ]),
      );
    const restore = (saved) => {
      const values = new Map(JSON.parse(saved).map(([name, value], i) => [`${i}:${name}`, value]));
      fields().forEach((el, i) => {
        const value = values.get(`${i}:${el.name}`);
        if (value === undefined) return;
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = value;
        else if (el.multiple) for (const o of el.options) o.selected = value.includes(o.value);
        else el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    const notice = (text) => {
      const bar = document.createElement('p');
      bar.className = 'flash';
      bar.setAttribute('role', 'status');
      bar.textContent = text;
      form.before(bar);
      return bar;
    };

    if (pending && confirms(form, pending)) {
      localStorage.removeItem(pending);
      sessionStorage.removeItem(PENDING);
    }
    const initial = snapshot();
    const saved = localStorage.getItem(key);
    if (saved && saved !== initial && pending === key) {
      // This form was sent and its save never confirmed: put the text back at once.
      sessionStorage.removeItem(PENDING);
      restore(saved);
      notice(
        'What you typed before it could be saved is restored. It is not saved yet: save it now.',
      );
    } else if (saved && saved !== initial) {
      const bar = notice('This browser kept changes you had not saved. ');
      const again = document.createElement('button');
      again.type = 'button';
      again.textContent = 'Restore them';
      again.addEventListener('click', () => {
        restore(saved);
        bar.remove();
      });
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.textContent = 'Discard them';
      discard.addEventListener('click', () => {
        localStorage.removeItem(key);
        bar.remove();
      });
      bar.append(again, ' ', discard);
    }
    form.addEventListener('input', () => localStorage.setItem(key, snapshot()));
    form.addEventListener('submit', () => {
      localStorage.setItem(key, snapshot());
      sessionStorage.setItem(PENDING, key);
    });
  }
})();

// A button that changes what the public sees says so first: its data-confirm names the result
// ("Publish now: … visible to everyone at …"). Without JavaScript the form posts at once.
(() => {
  for (const button of document.querySelectorAll('button[data-confirm]')) {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }
})();

// A scene's still in the back office: a click puts a point in the annotation's position field,
// in the full image's pixels; a shift-click adds a corner of a polygon.
(() => {
  for (const still of document.querySelectorAll('img[data-points-field]')) {
    const field = document.getElementById(still.dataset.pointsField);
    if (!field) continue;
    still.addEventListener('click', (event) => {
      const box = still.getBoundingClientRect();
      const x = Math.round(
        ((event.clientX - box.left) * Number(still.dataset.sceneWidth)) / box.width,
      );
      const y = Math.round(
        ((event.clientY - box.top) * Number(still.dataset.sceneHeight)) / box.height,
      );
      const point = `${x},${y}`;
      field.value = event.shiftKey && field.value.trim() ? `${field.value.trim()} ${point}` : point;
      field.focus();
    });
  }
})();

// Copy and download buttons, for text shown once (recovery codes) or worth sharing (links).
// button[data-copy="ID"] copies the text (or value) of element ID and says so in a live region;
// button[data-download="ID"] saves it, after its data-preamble, as data-filename, made here in
// the browser so the text goes nowhere else. Without JavaScript the buttons stay hidden (they,
// or a [data-script-only] around them, carry `hidden`) and the text stays selectable.
(() => {
  const textOf = (id) => {
    const source = document.getElementById(id);
    if (!source) return null;
    return 'value' in source && typeof source.value === 'string'
      ? source.value
      : source.textContent;
  };
  const reveal = (button) => {
    button.hidden = false;
    button.closest('[data-script-only]')?.removeAttribute('hidden');
  };
  // A live region made before anything is said in it, so screen readers announce the change.
  const statusAfter = (button) => {
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    button.after(status);
    return status;
  };
  // Where the clipboard API is missing (a plain-http address), the text is selected instead.
  const copy = async (id, text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const source = document.getElementById(id);
      if (source && typeof source.select === 'function') source.select();
      else if (source) window.getSelection()?.selectAllChildren(source);
      return document.execCommand?.('copy') === true;
    }
  };

  for (const button of document.querySelectorAll('button[data-copy]')) {
    if (textOf(button.dataset.copy) === null) continue;
    const status = statusAfter(button);
    button.addEventListener('click', async () => {
      const copied = await copy(button.dataset.copy, textOf(button.dataset.copy) ?? '');
      status.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C (⌘C) to copy';
    });
    reveal(button);
  }

  for (const button of document.querySelectorAll('button[data-download]')) {
    if (textOf(button.dataset.download) === null) continue;
    button.addEventListener('click', () => {
      const body = textOf(button.dataset.download) ?? '';
      const preamble = button.dataset.preamble ? `${button.dataset.preamble}\n\n` : '';
      const url = URL.createObjectURL(
        new Blob([`${preamble}${body.trim()}\n`], { type: 'text/plain;charset=utf-8' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = button.dataset.filename || 'download.txt';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    reveal(button);
  }
})();
