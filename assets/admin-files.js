// A publication's files: upload progress and live status. The form works without this file.
(() => {
  const panel = document.querySelector('[data-files-status]');
  const form = panel?.querySelector('form[data-file-upload]');
  const list = panel?.querySelector('[data-file-list]');
  if (!panel || !form || !list) return;
  const input = form.querySelector('input[type="file"][name="file"]');
  const progressList = form.querySelector('[data-upload-progress]');
  const csrf = form.querySelector('input[name="_csrf"]')?.value ?? '';
  const POLL_MS = 2000;

  const rowOf = (id) => list.querySelector(`li[data-file-id="${id}"]`);

  /** Puts a row drawn by the server in the list, over the file's old row if it has one. */
  const placeRow = (id, html) => {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const row = template.content.firstElementChild;
    if (!row) return;
    const old = rowOf(id);
    if (old) old.replaceWith(row);
    else list.append(row);
  };

  const setText = (row, selector, text) => {
    const el = row.querySelector(selector);
    if (el && el.textContent !== text) el.textContent = text;
  };

  /** Brings a row up to date with what files.json says of its file. */
  const updateRow = (f) => {
    const row = rowOf(f.attachmentId);
    if (!row) return;
    row.dataset.fileState = f.status;
    const label = row.querySelector('[data-file-label]');
    if (label) {
      label.className = `status status-${f.status}`;
      setText(row, '[data-file-label]', f.statusLabel);
    }
    const pages =
      f.pageCount === null ? '' : `, ${f.pageCount} ${f.pageCount === 1 ? 'page' : 'pages'}`;
    setText(row, '[data-file-pages]', pages);
    setText(row, '[data-file-language]', f.languageLabel ? `, ${f.languageLabel}` : '');
    setText(row, '[data-file-error]', f.error ? ` ${f.error}` : '');
    if (f.thumbnailUrl && !row.querySelector('img.file-thumb')) {
      const img = document.createElement('img');
      img.className = 'file-thumb';
      img.src = f.thumbnailUrl;
      img.alt = '';
      img.width = 64;
      row.prepend(img);
    }
  };

  // Following the files' states: every two seconds while any is waiting or being read.
  let waiting = false;
  const unsettled = () =>
    [...list.querySelectorAll('li[data-file-state]')].some((li) =>
      ['queued', 'running'].includes(li.dataset.fileState),
    );
  const poll = async () => {
    waiting = false;
    try {
      const res = await fetch(panel.dataset.filesStatus, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (!res.ok) return; // Signed out or no longer allowed: stop; a reload says why.
      const answer = await res.json();
      for (const f of answer.files) updateRow(f);
      if (!answer.settled) follow();
    } catch {
      follow(); // A network hiccup: try again later.
    }
  };
  const follow = () => {
    if (waiting) return;
    waiting = true;
    setTimeout(poll, POLL_MS);
  };
  if (unsettled()) follow();

  /** What went wrong, from a JSON answer, a plain-text one, or the status alone. */
  const errorOf = (xhr) => {
    let answer = null;
    if ((xhr.getResponseHeader('Content-Type') ?? '').includes('application/json')) {
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {}
    }
    if (answer?.error) return answer.error;
    if (xhr.status === 403)
      return 'This page has expired or your role may not upload here: reload the page.';
    if ((xhr.getResponseHeader('Content-Type') ?? '').startsWith('text/plain') && xhr.responseText)
      return xhr.responseText;
    return xhr.status
      ? `The upload failed (${xhr.status}).`
      : 'The upload was interrupted. Try again.';
  };

  /** Sends one file in its own request, its bar filling as the bytes leave. */
  const upload = (file, role) =>
    new Promise((resolve) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = `${file.name} `;
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', `Uploading ${file.name}`);
      const state = document.createElement('span');
      state.className = 'upload-state';
      state.textContent = ' Uploading…';
      item.append(name, bar, state);
      progressList?.append(item);

      // The token and the role first: the server reads them before the file streams in.
      const body = new FormData();
      body.append('_csrf', csrf);
      body.append('role', role);
      body.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      };
      xhr.onload = () => {
        let answer = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {}
        if (xhr.status < 300 && answer?.ok) {
          bar.value = 100;
          state.textContent = ' Uploaded.';
          item.classList.add('upload-done');
          if (answer.row) placeRow(answer.attachmentId, answer.row);
          if (answer.file && !answer.file.settled) follow();
        } else {
          state.textContent = ` ${errorOf(xhr)}`;
          item.classList.add('upload-failed');
          state.classList.add('error');
        }
        resolve();
      };
      xhr.onerror = () => {
        state.textContent = ' The upload was interrupted. Try again.';
        item.classList.add('upload-failed');
        state.classList.add('error');
        resolve();
      };
      xhr.send(body);
    });

  if (input) {
    // Several files at once, one request each: the server takes one file per request.
    input.multiple = true;
    form.addEventListener('submit', async (event) => {
      const files = [...(input.files ?? [])];
      if (files.length === 0) return; // The browser's own check says to choose a file.
      event.preventDefault();
      const role = form.querySelector('[name="role"]')?.value ?? 'supplement';
      const button = form.querySelector('button[type="submit"]');
      if (button) button.disabled = true;
      for (const item of [...(progressList?.querySelectorAll('li.upload-done') ?? [])])
        item.remove();
      for (const file of files) await upload(file, role);
      input.value = '';
      if (button) button.disabled = false;
    });
  }
})();
