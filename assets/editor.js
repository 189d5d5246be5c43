// The publication editor's conveniences. The form works without this file: blank contributor
// rows, a slug typed by hand, and the full person form in another tab.
(() => {
  const form = document.getElementById('publication-form');
  if (!form) return;
  const csrf = form.querySelector('input[name="_csrf"]')?.value ?? '';
  const changed = () => form.dispatchEvent(new Event('input', { bubbles: true }));
  // Fields of the form that sit in the side panel (the embargo) are kept with it too.
  for (const el of document.querySelectorAll(`[form="${form.id}"]`)) {
    if (el.name) el.addEventListener('input', changed);
  }

  // The slug follows the title until the editor writes one of their own. The server makes it,
  // so that Korean titles are romanized exactly as they will be when saved.
  const title = document.getElementById('f-title');
  const slug = document.getElementById('f-slug');
  if (title && slug && form.dataset.autosave?.startsWith('publication-new-')) {
    let made = slug.value;
    let timer;
    slug.addEventListener('input', () => {
      made = null;
    });
    title.addEventListener('input', () => {
      if (made === null || slug.value !== made) return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const res = await fetch(`/admin/slug-of?title=${encodeURIComponent(title.value)}`, {
          credentials: 'same-origin',
        }).catch(() => null);
        const data = res?.ok ? await res.json() : null;
        if (data && slug.value === made) {
          slug.value = data.slug;
          made = data.slug;
          changed();
        }
      }, 250);
    });
  }

  // Contributors: rows are added, removed and moved in place; the names of their fields follow
  // their order, which is the order the server saves.
  const table = form.querySelector('table.contributors tbody');
  const template = document.getElementById('contributor-row');
  if (!table || !template) return;
  const rows = () => [...table.querySelectorAll('tr.contributor')];
  const fold = (s) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');

  const renumber = () => {
    rows().forEach((row, i) => {
      const n = i + 1;
      for (const el of row.querySelectorAll('[name^="contributions["]')) {
        el.name = el.name.replace(/^contributions\[\d+\]/, `contributions[${i}]`);
      }
      for (const el of row.querySelectorAll('[aria-label]')) {
        el.setAttribute('aria-label', el.getAttribute('aria-label').replace(/\d+/, String(n)));
      }
      for (const el of row.querySelectorAll('.visually-hidden')) {
        el.textContent = el.textContent.replace(/\d+/, String(n));
      }
      const position = row.querySelector('input[name$="[position]"]');
      if (position) position.value = String(n);
    });
  };

  // The role a person held on the piece's date, from their roles over time.
  const roleOn = (option, day) => {
    const roles = JSON.parse(option?.dataset.roles || '[]');
    const held = roles.filter(
      (r) => (!r.from || !day || r.from <= day) && (!r.to || !day || day <= r.to),
    );
    return (held.length ? held : roles.length === 1 ? roles : [])[0]?.title ?? '';
  };
  const suggestRole = (row) => {
    const select = row.querySelector('select[name$="[personId]"]');
    const field = row.querySelector('input[name$="[affiliationLabel]"]');
    if (!select || !field || (field.value && !field.dataset.suggested)) return;
    const day = document.getElementById('f-publishedAt')?.value ?? '';
    field.value = roleOn(select.selectedOptions[0], day);
    field.dataset.suggested = field.value ? '1' : '';
  };

  const dialog = document.getElementById('person-dialog');
  let dialogRow = null;

  const enhance = (row) => {
    for (const el of row.querySelectorAll(
      '[hidden][data-move], [hidden][data-remove], [hidden][data-new-person], input.person-find[hidden]',
    )) {
      el.hidden = false;
    }
    const select = row.querySelector('select[name$="[personId]"]');
    const find = row.querySelector('input.person-find');
    find?.addEventListener('input', () => {
      const words = fold(find.value);
      let first = null;
      for (const option of select.options) {
        const match = !option.value || !words || (option.dataset.names ?? '').includes(words);
        option.hidden = !match;
        if (match && option.value && !first) first = option;
      }
      if (first && words) {
        select.value = first.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    select?.addEventListener('change', () => suggestRole(row));
    row.querySelector('input[name$="[affiliationLabel]"]')?.addEventListener('input', (e) => {
      e.target.dataset.suggested = '';
    });
    row.querySelector('[data-remove]')?.addEventListener('click', () => {
      const next = row.nextElementSibling ?? row.previousElementSibling;
      if (rows().length > 1) row.remove();
      else
        for (const el of row.querySelectorAll('select, input:not([type="number"])')) el.value = '';
      renumber();
      changed();
      next?.querySelector('select')?.focus();
    });
    for (const button of row.querySelectorAll('[data-move]')) {
      button.addEventListener('click', () => {
        const up = button.dataset.move === '-1';
        const other = up ? row.previousElementSibling : row.nextElementSibling;
        if (!other) return;
        if (up) other.before(row);
        else other.after(row);
        renumber();
        changed();
        button.focus();
      });
    }
    row.querySelector('[data-new-person]')?.addEventListener('click', () => {
      dialogRow = row;
      dialog?.showModal();
      dialog?.querySelector('input[name="name"]')?.focus();
    });
  };

  const addRow = () => {
    const row = template.content.firstElementChild.cloneNode(true);
    // The template's people may be behind the rows': take the first row's current options.
    const people = rows()[0]?.querySelector('select[name$="[personId]"]');
    const select = row.querySelector('select[name$="[personId]"]');
    if (people && select) select.innerHTML = people.innerHTML;
    if (select) {
      for (const option of select.options) option.hidden = false;
      select.value = '';
    }
    table.append(row);
    enhance(row);
    renumber();
    return row;
  };

  rows().forEach(enhance);
  table.closest('table').classList.add('moved-by-buttons');
  const add = form.querySelector('[data-add-contributor]');
  if (add) {
    add.hidden = false;
    add.addEventListener('click', () => {
      addRow().querySelector('input.person-find')?.focus();
      changed();
    });
  }
  for (const link of form.querySelectorAll('.no-script-only')) link.hidden = true;

  // A new person, made in the dialog, goes into every row's choices and into the row it was
  // asked from.
  const quick = document.getElementById('person-quick');
  const quickError = document.getElementById('person-quick-error');
  dialog?.querySelector('[data-close-dialog]')?.addEventListener('click', () => dialog.close());
  quick?.addEventListener('submit', async (event) => {
    event.preventDefault();
    quickError.hidden = true;
    const res = await fetch(quick.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: new FormData(quick),
    }).catch(() => null);
    const data = res ? await res.json().catch(() => ({})) : {};
    if (!res?.ok || !data.ok) {
      quickError.textContent =
        data.error || 'The person could not be added: the server did not answer.';
      quickError.hidden = false;
      return;
    }
    const data0 = new FormData(quick);
    const option = document.createElement('option');
    option.value = String(data.id);
    option.textContent = data.label;
    option.dataset.names = fold(
      `${data0.get('name')} ${data0.get('sortName')} ${data0.get('nameKo')}`,
    );
    option.dataset.roles = JSON.stringify(
      (data.roles ?? []).map((r) => ({
        title: [
          r.title,
          r.organizationId ? quick.organizationId.selectedOptions[0]?.textContent : '',
        ]
          .filter(Boolean)
          .join(', '),
        from: r.startsOn,
        to: r.endsOn,
      })),
    );
    for (const select of form.querySelectorAll('select[name$="[personId]"]')) {
      select.append(option.cloneNode(true));
    }
    const row = dialogRow ?? addRow();
    const select = row.querySelector('select[name$="[personId]"]');
    select.value = String(data.id);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    changed();
    quick.reset();
    dialog.close();
    select.focus();
  });
})();
