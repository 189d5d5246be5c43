import type { Cheerio, CheerioAPI } from 'cheerio';

/** The parser's node types, named through cheerio so that its parser stays its own business. */
type AnyNode = Parameters<CheerioAPI['contains']>[0];
type Element = Extract<AnyNode, { attribs: Record<string, string> }>;

/** A note read from a page. */
export interface HtmlNote {
  /** The note's inner HTML. */
  html: string;
}

const MARK = '\uE001';

/** A run of text the Markdown conversion leaves alone, turned into `[^n]` afterwards. */
export function footnoteMarker(n: number): string {
  return `${MARK}${n}${MARK}`;
}

/** A caret just before a reference would open an inline note ("^[…]"): it is escaped. */
export function markersToReferences(markdown: string): string {
  return markdown.replace(
    new RegExp(`(\\\\*)(\\^?)${MARK}(\\d+)${MARK}`, 'g'),
    (_m, slashes: string, caret: string, n: string) =>
      `${slashes}${caret && slashes.length % 2 === 0 ? '\\^' : caret}[^${n}]`,
  );
}

const NOTE_MARK = /^[[(]?(\d{1,5}(?::\d{1,5})?|[*†‡§¶]{1,3}|[ivxlc]{1,6}|[a-z])[\])]?$/i;
const NOTE_HREF = /^#(?:_?ftn|_?edn|ftnt|fn|footnote|endnote|note|en\d|n\d)/i;
const NOTE_CLASS = /foot|endnote|noteref|MsoFootnoteReference|MsoEndnoteReference/i;
const BACK_TEXT = /^(?:[\s↩↑⤴^]|\uFE0E|\uFE0F)*$|^\s*(back|return|top)\b/i;
const NOTES_HEADING =
  /^\s*(end\s?notes?|foot\s?notes?|notes|references|sources|주석?|각주|미주|참고\s?문헌)\s*:?\s*$/i;
const BLOCKS = new Set(['p', 'li', 'div', 'dd', 'dt', 'aside', 'section', 'td', 'blockquote']);

/**
 * Footnotes as HTML prints them, read into one numbered list. The shapes seen in the wild:
 *
 * - anchors to a list of notes: `<sup><a href="#fn1">1</a></sup>`, `<a href="#fn1"><sup>1</sup></a>`,
 *   Pandoc's and markdown-it's own output, pointing at `<li id="fn1">`, `<div id="fn1">` or a
 *   named anchor inside the note's paragraph;
 * - Word's `<a href="#_ftn1" name="_ftnref1"><span class="MsoFootnoteReference">[1]</span></a>`
 *   pointing at `<a name="_ftn1">` inside the note (and `_edn` for endnotes); Google Docs' `#ftnt1`;
 * - bare `<sup>1</sup>` numbers with a "Notes" / "Endnotes" / "주" section after the text.
 *
 * Each reference is replaced by a marker that survives the Markdown conversion (see
 * `footnoteMarker`); the notes are returned in the order of their first reference, without
 * their back links (↩) or printed numbers, and removed from the page with the heading that
 * announced them. Notes that nothing refers to stay where they were, so no text is lost. A
 * reference is told from a back link by its direction: it points down the page to its note.
 */
export function readHtmlFootnotes($: CheerioAPI): HtmlNote[] {
  const page = indexPage($);
  const notes: HtmlNote[] = [];
  const byNote = new Map<Element, number>();
  const used = new Set<Element>();
  for (const { anchor, replaced, note } of anchorReferences($, page)) {
    // A reference inside another note (a note citing a note) stays as printed.
    if (insideAny(anchor.parent, used)) continue;
    let n = byNote.get(note);
    if (n === undefined) {
      notes.push({ html: cleanNote($, note, anchor) });
      n = notes.length;
      byNote.set(note, n);
      used.add(note);
    }
    $(replaced).replaceWith(footnoteMarker(n));
  }
  if (notes.length === 0) sectionNotes($, notes, used);
  removeNotes($, used);
  return notes;
}

function insideAny(node: AnyNode | null, set: ReadonlySet<AnyNode>): boolean {
  for (let n = node; n; n = n.parent) if (set.has(n)) return true;
  return false;
}

/**
 * A superscript number with no note found for it stays a reference by its printed number: a
 * paragraph pasted without its notes keeps the place where a note belongs.
 */
export function markBareReferences($: CheerioAPI): void {
  $('sup').each((_i, el) => {
    const printed = /^\[?(\d{1,5})\]?$/.exec($(el).text().trim())?.[1];
    if (printed) $(el).replaceWith(footnoteMarker(Number(printed)));
  });
}

interface PageIndex {
  /** Every element's position, to tell a reference (before its note) from a back link. */
  order: Map<AnyNode, number>;
  /** Elements by id, and named anchors by name. */
  targets: Map<string, Element>;
}

function indexPage($: CheerioAPI): PageIndex {
  const order = new Map<AnyNode, number>();
  const targets = new Map<string, Element>();
  const named: Array<[string, Element]> = [];
  $('*')
    .toArray()
    .forEach((node, i) => {
      const el = node as Element;
      order.set(el, i);
      const id = el.attribs.id;
      if (id && !targets.has(id)) targets.set(id, el);
      if (el.name === 'a' && el.attribs.name) named.push([el.attribs.name, el]);
    });
  for (const [name, el] of named) if (!targets.has(name)) targets.set(name, el);
  return { order, targets };
}

function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let n: AnyNode | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}

interface Reference {
  anchor: Element;
  /** What the marker replaces: the anchor, or the superscript around it. */
  replaced: Element;
  note: Element;
}

function anchorReferences($: CheerioAPI, { order, targets }: PageIndex): Reference[] {
  const out: Reference[] = [];
  for (const el of $('a[href^="#"]').toArray() as Element[]) {
    const a = $(el);
    const href = a.attr('href') ?? '';
    const text = a.text().replace(/\s+/g, '');
    const sup = a.closest('sup');
    const looksLikeNote =
      sup.length > 0 ||
      a.find('sup').length > 0 ||
      NOTE_CLASS.test(`${a.attr('class') ?? ''} ${a.find('[class]').attr('class') ?? ''}`) ||
      /noteref/i.test(a.attr('role') ?? '') ||
      NOTE_HREF.test(href);
    if (!looksLikeNote || !(NOTE_MARK.test(text) || (text === '' && NOTE_HREF.test(href))))
      continue;
    const target = targets.get(decodeId(href.slice(1)));
    if (!target) continue;
    const note = noteOf(target);
    if (!note || contains(note, el) || contains(el, note)) continue;
    // A back link points up the page to its reference; a reference points down to its note.
    if ((order.get(note) ?? 0) <= (order.get(el) ?? 0)) continue;
    const wrapper =
      sup.length > 0 && sup.text().trim() === a.text().trim() ? (sup[0] as Element) : undefined;
    out.push({ anchor: el, replaced: wrapper ?? el, note });
  }
  return out;
}

function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** The element holding the whole note: the target itself when it is a block, else its block. */
function noteOf(target: Element): Element | null {
  for (let n: AnyNode | null = target; n; n = n.parent) {
    if (n.type === 'tag' && BLOCKS.has((n as Element).name)) return n as Element;
    if (n.type === 'root') break;
  }
  return null;
}

/** The note's HTML without its back links and without the number printed at its head. */
function cleanNote($: CheerioAPI, note: Element, reference: Element): string {
  const copy = $(note).clone();
  const refIds = new Set(
    [$(reference).attr('id'), $(reference).attr('name'), ...idsAround($, reference)].filter(
      (id): id is string => Boolean(id),
    ),
  );
  copy.find('a').each((_i, el) => {
    const a = $(el);
    const href = a.attr('href') ?? '';
    const pointsBack = href.startsWith('#') && refIds.has(decodeId(href.slice(1)));
    const isBack =
      /backref|footnote-back|doc-backlink/i.test(
        `${a.attr('class') ?? ''} ${a.attr('role') ?? ''}`,
      ) ||
      (href.startsWith('#') && BACK_TEXT.test(a.text()));
    if (pointsBack || isBack) a.remove();
    else if (!href && (a.attr('name') || a.attr('id')) && !a.text().trim()) a.remove();
  });
  const mark = $(reference)
    .text()
    .replace(/[^\p{L}\p{N}*†‡§¶]/gu, '');
  return stripLeadingNumber(copy, mark);
}

function idsAround($: CheerioAPI, el: Element): string[] {
  const ids: string[] = [];
  for (let n: AnyNode | null = el.parent; n && n.type === 'tag'; n = n.parent) {
    const id = $(n).attr('id');
    if (id) ids.push(id);
    if ((n as Element).name !== 'sup' && (n as Element).name !== 'span') break;
  }
  return ids;
}

/** A mark at the head of a note's HTML, inside its opening tags: "[1] ", "1. ", "(1) ". */
const PRINTED_MARK =
  /^((?:<(?:p|span|div|strong|b)\b[^>]*>\s*)*)\s*(?:\[([^\]\s]{1,6})\]|([^\s.)]{1,6})[.)]|\(([^)\s]{1,6})\))(?:\s|&nbsp;|\u00a0)+/i;

/**
 * The note's own mark printed at its head ("1. ", "[1] ", "1) ", a superscript 1) repeats the
 * reference and goes; any other number there is the note's text.
 */
function stripLeadingNumber(copy: Cheerio<Element>, mark: string): string {
  if (!mark) return (copy.html() ?? '').trim();
  const first = copy.find('sup').first();
  const head = copy.text().replace(/^[\s\u00a0]+/, '');
  if (
    first.length > 0 &&
    first
      .text()
      .trim()
      .replace(/[[\]()]/g, '') === mark
  ) {
    if (head.startsWith(first.text().trim())) first.remove();
  }
  const html = (copy.html() ?? '').trim();
  const printed = PRINTED_MARK.exec(html);
  const own = printed && (printed[2] ?? printed[3] ?? printed[4]) === mark;
  return own ? `${printed[1] ?? ''}${html.slice(printed[0].length)}` : html;
}

/**
 * Removes the notes, then the lists, sections and headings around them that hold nothing else;
 * each container is looked at once, after all its notes are gone.
 */
function removeNotes($: CheerioAPI, notes: ReadonlySet<Element>): void {
  const parents = new Set<AnyNode>();
  for (const note of notes) {
    if (note.parent) parents.add(note.parent);
    $(note).remove();
  }
  for (const start of parents) {
    let parent: AnyNode | null = start;
    while (parent && parent.type === 'tag') {
      const el = parent as Element;
      if (!el.parent || el.name === 'body' || el.name === 'html' || !holdsOnlyFurniture($, el))
        break;
      const next: AnyNode | null = el.parent;
      removeHeadingBefore($, el);
      $(el).remove();
      parent = next;
    }
  }
}

/** Nothing left but rules and a "Notes" heading. */
function holdsOnlyFurniture($: CheerioAPI, el: Element): boolean {
  const copy = $(el).clone();
  copy.find('hr').remove();
  copy
    .find('h1,h2,h3,h4,h5,h6,p,strong,b')
    .filter((_i, h) => NOTES_HEADING.test($(h).text()))
    .remove();
  return copy.text().trim() === '';
}

/** The "Notes" heading and the rule that announced a list of notes go with it. */
function removeHeadingBefore($: CheerioAPI, el: Element): void {
  let prev = $(el).prev();
  while (prev.length > 0 && prev.is('hr,br')) {
    const before = prev.prev();
    prev.remove();
    prev = before;
  }
  if (prev.length > 0 && prev.is('h1,h2,h3,h4,h5,h6,p') && NOTES_HEADING.test(prev.text())) {
    prev.remove();
  }
}

/**
 * Bare `<sup>` numbers and a "Notes" heading after the text, followed by a numbered list or by
 * paragraphs that begin with their number: the shape of a report exported without links.
 */
function sectionNotes($: CheerioAPI, notes: HtmlNote[], used: Set<Element>): void {
  const sups = $('sup').filter((_i, el) => /^\[?\d{1,5}\]?$/.test($(el).text().trim()));
  if (sups.length === 0) return;
  const heading = $('h1,h2,h3,h4,h5,h6,p')
    .filter((_i, el) => NOTES_HEADING.test($(el).text()))
    .last();
  if (heading.length === 0) return;
  const byNumber = new Map<string, Element>();
  for (let el = heading.next(); el.length > 0; el = el.next()) {
    if (el.is('h1,h2,h3,h4,h5,h6')) break;
    if (el.is('ol')) {
      const start = Number(el.attr('start') ?? 1) || 1;
      el.children('li').each((i, li) => {
        byNumber.set(String(start + i), li);
      });
    } else if (el.is('p,div')) {
      const m = /^\s*\[?(\d{1,5})[\].)]?(?:\s|\u00a0)/.exec(el.text());
      if (m?.[1]) byNumber.set(m[1], el[0] as Element);
    }
  }
  const numberOf = new Map<Element, number>();
  const listed = new Set<AnyNode>([...byNumber.values(), heading[0] as Element]);
  sups.each((_i, el) => {
    if (insideAny(el, listed)) return;
    const printed = $(el).text().replace(/\D/g, '');
    const note = byNumber.get(printed);
    if (!note) return;
    let n = numberOf.get(note);
    if (n === undefined) {
      notes.push({ html: stripLeadingNumber($(note).clone(), printed) });
      n = notes.length;
      numberOf.set(note, n);
      used.add(note);
    }
    $(el).replaceWith(footnoteMarker(n));
  });
  if (used.size > 0 && [...byNumber.values()].every((n) => used.has(n))) heading.remove();
}
