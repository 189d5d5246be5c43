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
  const pagefind = await import(`${base}pagefind.js`);
  await pagefind.options({ excerptLength: 30 });
  const search = await pagefind.search(q);
  const seen = new Set();
  const hits = [];
  for (const result of search.results) {
    if (hits.length >= PAGE_SIZE) break;
    const data = await result.data();
    if (seen.has(data.url)) continue;
    seen.add(data.url);
    hits.push(data);
  }
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
