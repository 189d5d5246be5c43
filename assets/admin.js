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
        const done = await post(
          '/admin/passkey/authenticate/verify',
          { challengeId, response },
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
  // was loaded at), and offered back when the same form opens again.
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
    const initial = snapshot();
    const saved = localStorage.getItem(key);
    if (saved && saved !== initial) {
      const bar = document.createElement('p');
      bar.className = 'flash';
      bar.setAttribute('role', 'status');
      bar.textContent = 'This browser kept changes you had not saved. ';
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.textContent = 'Restore them';
      restore.addEventListener('click', () => {
        const values = new Map(
          JSON.parse(saved).map(([name, value], i) => [`${i}:${name}`, value]),
        );
        fields().forEach((el, i) => {
          const value = values.get(`${i}:${el.name}`);
          if (value === undefined) return;
          if (el.type === 'checkbox' || el.type === 'radio') el.checked = value;
          else if (el.multiple) for (const o of el.options) o.selected = value.includes(o.value);
          else el.value = value;
        });
        bar.remove();
      });
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.textContent = 'Discard them';
      discard.addEventListener('click', () => {
        localStorage.removeItem(key);
        bar.remove();
      });
      bar.append(restore, ' ', discard);
      form.before(bar);
    }
    form.addEventListener('input', () => localStorage.setItem(key, snapshot()));
    form.addEventListener('submit', () => localStorage.removeItem(key));
  }
})();
