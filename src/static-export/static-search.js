// The search page of a static export: Pagefind's index, searched in the browser. Served from the
// site itself under a fingerprinted name; the page's policy allows only 'self' scripts and
// 'wasm-unsafe-eval' for Pagefind's WebAssembly. Results are built as DOM nodes, never as HTML.

/** The text after this mark in a record is extra Korean words for matching, not for reading. */
const EXTRA = '\u2042'; // EXTRA_WORDS_MARK in pagefind-index.ts
const PAGE_SIZE = 20;

const box = document.getElementById('static-search-results');
const input = document.getElementById('search-q');
const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';

if (box && input instanceof HTMLInputElement && query !== '') {
  input.value = query;
  run(query).catch((error) => {
    box.textContent = box.dataset.failed ?? 'Search failed.';
    console.error(error);
  });
}

async function run(q) {
  const base = box.dataset.bundle ?? '/pagefind/';
  const [pagefind, places] = await Promise.all([
    import(`${base}pagefind.js`),
    box.dataset.places ? fetch(box.dataset.places).then((r) => r.json()) : null,
  ]);
  await pagefind.options({ excerptLength: 30 });
  // The query as typed, then as each place it names: every record holds a word for each place
  // its work is filed at (or under) or names, as the server's index does (pagefind-index.ts).
  const results = [];
  const seenIds = new Set();
  for (const variant of [q, ...placeQueries(q, places)]) {
    const search = await pagefind.search(variant);
    for (const result of search?.results ?? []) {
      if (seenIds.has(result.id)) continue;
      seenIds.add(result.id);
      results.push(result);
    }
  }
  const seen = new Set();
  const hits = [];
  for (const result of results) {
    if (hits.length >= PAGE_SIZE) break;
    const data = await result.data();
    if (seen.has(data.url)) continue;
    seen.add(data.url);
    hits.push(data);
  }
  const search = { results };
  box.replaceChildren();
  const heading = document.createElement('h2');
  heading.id = 'results-heading';
  const count = search.results.length;
  heading.textContent =
    count === 0
      ? (box.dataset.none ?? '')
      : (box.dataset.count ?? '{count}').replace('{count}', count.toLocaleString());
  box.append(heading);
  if (count === 0) return;
  const list = document.createElement('ol');
  list.className = 'hits';
  for (const hit of hits) list.append(renderHit(hit, q));
  box.append(list);
}

function renderHit(hit, q) {
  const item = document.createElement('li');
  item.className = 'hit';
  const title = document.createElement('h3');
  title.className = 'entry-title';
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.meta?.title ?? hit.url;
  title.append(link);
  const snippet = document.createElement('p');
  snippet.className = 'snippet';
  snippet.append(...excerpt(readable(hit.content ?? ''), q));
  item.append(title, snippet);
  return item;
}

/**
 * The query with the places it names put in as their words, as the server's search plans it
 * (query-plan.ts): the whole query as one name ("Kyo-hwa-so No. 12"), or one word of it.
 */
function placeQueries(q, places) {
  if (!places) return [];
  const out = new Set();
  for (const word of placesNamed(q, places)) out.add(word);
  const words = q.split(/\s+/).filter((w) => w !== '');
  if (words.length > 1) {
    words.forEach((w, i) => {
      for (const word of placesNamed(w, places)) {
        out.add([...words.slice(0, i), word, ...words.slice(i + 1)].join(' '));
      }
    });
  }
  return [...out];
}

/** The place words a name is spelled for: exact, then without a suffix, then loosely. */
function placesNamed(name, places) {
  const key = nameKey(name);
  if (key === '') return [];
  if (places.exact[key]) return places.exact[key];
  if (places.shortened[key]) return places.shortened[key];
  if (/^[a-z0-9]+$/.test(key) && key.length >= 5) return places.loose[looseKey(key)] ?? [];
  return [];
}

// The key of gazetteer-variants.ts: case, diacritics, apostrophes, hyphens and spaces ignored.
const SPECIAL = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th' };

function nameKey(name) {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđðłıþ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function looseKey(key) {
  return key
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/ch|j/g, 'c')
    .replace(/sh/g, 's')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/l/g, 'r')
    .replace(/(.)\1+/g, '$1');
}

function readable(content) {
  const at = content.indexOf(EXTRA);
  return at === -1 ? content : content.slice(0, at);
}

/** About 200 characters around the first query word found, each query word marked. */
function excerpt(text, q) {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[-"(]+|[")*]+$/g, ''))
    .filter((w) => w.length > 0);
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - 80) : 0;
  const window = text.slice(start, start + 200);
  const nodes = [];
  if (start > 0) nodes.push('… ');
  const windowLower = window.toLowerCase();
  let i = 0;
  while (i < window.length) {
    let match = null;
    for (const w of words) {
      const at = windowLower.indexOf(w, i);
      if (at !== -1 && (match === null || at < match.at)) match = { at, length: w.length };
    }
    if (match === null) {
      nodes.push(window.slice(i));
      break;
    }
    if (match.at > i) nodes.push(window.slice(i, match.at));
    const mark = document.createElement('mark');
    mark.textContent = window.slice(match.at, match.at + match.length);
    nodes.push(mark);
    i = match.at + match.length;
  }
  if (start + 200 < text.length) nodes.push(' …');
  return nodes;
}
