import { printedDate } from './bylines.ts';
import type { HtmlProfile, ListedEntry } from './html-profile.ts';

/**
 * The plain-text copy of a listing page (what a browser's "save as text" gives): each entry is a
 * title line, a byline, a printed date ("Jul 25, 2016"), an optional "Read Summary / Download
 * PDF" line, then its text. The date line anchors each entry: the byline is the line above it,
 * the title the paragraph above that — unless that paragraph is the tail of the previous entry
 * (it ends with a full stop, or is a dropped line), in which case the entry was printed without
 * a title. A pagination line ("1 2 3") ends one list and starts the next.
 */
export function readListingText(text: string, profile: HtmlProfile): ListedEntry[] {
  const drop = profile.text.dropLines.map((d) => new RegExp(d));
  const listBreak = new RegExp(profile.text.listBreak);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const isDropped = (l: string) => drop.some((re) => re.test(l.trim()));

  const anchors: Array<{ date: number; byline: number; title: number | null; list: number }> = [];
  let list = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (listBreak.test(line)) {
      list++;
      continue;
    }
    if (!printedDate(line)) continue;
    const byline = i - 1;
    if (!(lines[byline] ?? '').trim()) continue;
    let t = byline - 1;
    while (t >= 0 && !(lines[t] ?? '').trim()) t--;
    const candidate = (lines[t] ?? '').trim();
    const title =
      t >= 0 &&
      candidate.length <= 300 &&
      !/[.:]$/.test(candidate) &&
      !isDropped(candidate) &&
      !listBreak.test(candidate) &&
      !anchors.some((a) => a.date === t)
        ? t
        : null;
    anchors.push({ date: i, byline, title, list });
  }

  return anchors.map((a, n) => {
    const nextStart = anchors[n + 1];
    const end = nextStart ? (nextStart.title ?? nextStart.byline) : lines.length;
    const bodyLines: string[] = [];
    for (let i = a.date + 1; i < end; i++) {
      const line = lines[i] ?? '';
      if (listBreak.test(line)) break;
      if (isDropped(line)) continue;
      bodyLines.push(line.trim());
    }
    const paragraphs = bodyLines
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => stripPastedStyles(p.replace(/\s*\n\s*/g, ' ').trim()))
      .filter(Boolean);
    const [summary, ...rest] = paragraphs;
    const printed = (lines[a.date] ?? '').trim();
    const day = printedDate(printed);
    return {
      list: a.list,
      key: null,
      page: null,
      title: a.title === null ? null : (lines[a.title] ?? '').trim(),
      subtitle: null,
      byline: (lines[a.byline] ?? '').trim(),
      date: day ? { day, precision: 'day' as const } : null,
      printedDate: printed,
      summary: summary ?? null,
      body: withFootnotes(paragraphs.length > 1 ? [summary ?? '', ...rest].join('\n\n') : ''),
      pdfs: [],
      files: [],
      linkedFiles: [],
      images: [],
      externalHref: null,
      topics: [],
      language: null,
      pageLanguage: null,
      type: null,
      unmappedType: null,
      problem: null,
    };
  });
}

/** "[1] Source…" paragraphs become Markdown footnote definitions and "[1]" markers references. */
export function withFootnotes(markdown: string): string {
  const definitions = new Map<string, string>();
  const kept: string[] = [];
  for (const p of markdown.split('\n\n')) {
    const m = /^\[(\d{1,3})\]\s+([\s\S]+)$/.exec(p);
    if (m?.[1] && m[2]) definitions.set(m[1], m[2]);
    else kept.push(p);
  }
  if (definitions.size === 0) return markdown;
  const body = kept
    .join('\n\n')
    .replace(/\[(\d{1,3})\]/g, (whole, n: string) => (definitions.has(n) ? `[^${n}]` : whole));
  const notes = [...definitions].map(([n, text]) => `[^${n}]: ${text}`).join('\n');
  return `${body}\n\n${notes}`;
}

/** Style rules pasted in with the text ("p.p1 {margin: …} span.s1 {…}"), as the seed shows. */
export function stripPastedStyles(paragraph: string): string {
  return paragraph.replace(/^(?:[\w.#:-]+(?:\s+[\w.#:-]+)*\s*\{[^{}]*\}\s*)+/, '').trim();
}
