import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyHtml,
  expectSameNotes,
  type FootnotedDoc,
  footnotedDoc,
  noteHtml,
  readRendered,
} from '../../../test/support/footnoted-html.ts';
import { renderMarkdown } from './markdown.ts';
import { pasteToMarkdown } from './paste-to-markdown.ts';

/** One way of printing footnotes in HTML: the page for a document, and whether it can repeat. */
interface Shape {
  name: string;
  repeats: boolean;
  html: (doc: FootnotedDoc) => string;
}

const BACK = ['↩', '↩︎', '^', 'Back', '↑'];

/** Anchors to a list of notes, with the id scheme, wrapper and container a site chose. */
function anchorShape(prefix: string, variant: number, container: number, back: number): Shape {
  const ref = (n: number, seen: number) => {
    const k = n + 1;
    const id = seen === 0 ? `${prefix}ref${k}` : `${prefix}ref${k}-${seen}`;
    if (variant === 0) return `<sup><a href="#${prefix}${k}" id="${id}">${k}</a></sup>`;
    if (variant === 1) return `<a href="#${prefix}${k}" id="${id}"><sup>${k}</sup></a>`;
    if (variant === 2) return `<sup id="${id}"><a href="#${prefix}${k}">[${k}]</a></sup>`;
    return `<a class="footnote-ref" href="#${prefix}${k}" id="${id}">${k}</a>`;
  };
  const backlink = (k: number) =>
    back < BACK.length ? ` <a href="#${prefix}ref${k}">${BACK[back]}</a>` : '';
  const notes = (doc: FootnotedDoc) =>
    doc.notes.map((segments, n) => {
      const k = n + 1;
      const text = noteHtml(segments);
      if (container === 0) return `<li id="${prefix}${k}">${text}${backlink(k)}</li>`;
      if (container === 1)
        return `<div id="${prefix}${k}"><p>${k}. ${text}${backlink(k)}</p></div>`;
      if (container === 2) return `<li id="${prefix}${k}"><p>${text}${backlink(k)}</p></li>`;
      return `<p id="${prefix}${k}"><sup>${k}</sup> ${text}${backlink(k)}</p>`;
    });
  return {
    name: `anchors #${prefix}N, reference ${variant}, notes ${container}, back link ${back}`,
    repeats: true,
    html: (doc) => {
      const list = notes(doc).join('\n');
      const wrapped =
        container === 0
          ? `<ol>${list}</ol>`
          : container === 1
            ? `<div class="notes">${list}</div>`
            : container === 2
              ? `<section class="footnotes"><h2>Notes</h2><hr><ol>${list}</ol></section>`
              : `<div><h3>Endnotes</h3>${list}</div>`;
      return `${bodyHtml(doc, ref)}\n${wrapped}`;
    },
  };
}

/** Bare superscript numbers and a "Notes" heading over a numbered list or numbered paragraphs. */
function sectionShape(heading: string, numbered: number): Shape {
  return {
    name: `superscripts with a “${heading}” section, notes ${numbered}`,
    repeats: true,
    html: (doc) => {
      const body = bodyHtml(doc, (n) => `<sup>${n + 1}</sup>`);
      const notes = doc.notes.map((s, n) =>
        numbered === 0
          ? `<li>${noteHtml(s)}</li>`
          : numbered === 1
            ? `<p>${n + 1}. ${noteHtml(s)}</p>`
            : `<p>[${n + 1}] ${noteHtml(s)}</p>`,
      );
      const list = numbered === 0 ? `<ol>${notes.join('')}</ol>` : notes.join('\n');
      return `${body}\n<h2>${heading}</h2>\n${list}`;
    },
  };
}

/** Word's HTML: `_ftn` anchors, the marks inside its conditional comments, a footnote list. */
const wordShape: Shape = {
  name: 'Word',
  repeats: false,
  html: (doc) => {
    const mark = (k: number) =>
      `<span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[${k}]</span><![endif]></span></span>`;
    const body = bodyHtml(
      doc,
      (n) =>
        `<a style='mso-footnote-id:ftn${n + 1}' href="#_ftn${n + 1}" name="_ftnref${n + 1}" title="">${mark(n + 1)}</a>`,
    ).replace(/<p>/g, '<p class=MsoNormal>');
    const notes = doc.notes.map(
      (s, n) =>
        `<div style='mso-element:footnote' id=ftn${n + 1}><p class=MsoFootnoteText><a style='mso-footnote-id:ftn${n + 1}' href="#_ftnref${n + 1}" name="_ftn${n + 1}" title="">${mark(n + 1)}</a> ${noteHtml(s)}<o:p></o:p></p></div>`,
    );
    return `<html><head><style>p.MsoNormal {margin:0}</style></head><body>${body}<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>${notes.join('')}</div></body></html>`;
  },
};

/** Google Docs: `#ftnt1` references, notes that link back from their printed mark. */
const googleDocsShape: Shape = {
  name: 'Google Docs',
  repeats: false,
  html: (doc) => {
    const body = bodyHtml(
      doc,
      (n) => `<sup><a href="#ftnt${n + 1}" id="ftnt_ref${n + 1}">[${n + 1}]</a></sup>`,
    );
    const notes = doc.notes.map(
      (s, n) =>
        `<div><p><a href="#ftnt_ref${n + 1}" id="ftnt${n + 1}">[${n + 1}]</a>&nbsp;${noteHtml(s)}</p></div>`,
    );
    return `<b style="font-weight:normal" id="docs-internal-guid-1">${body}</b><hr>${notes.join('')}`;
  },
};

/** The archive's own rendered page, pasted back. */
const renderedShape: Shape = {
  name: 'this archive’s own rendering',
  repeats: true,
  html: (doc) => {
    const seen = new Map<number, number>();
    const refs = (n: number, k: number) => {
      seen.set(n, Math.max(seen.get(n) ?? 0, k + 1));
      const id = k === 0 ? `fnref${n + 1}` : `fnref${n + 1}:${k}`;
      const label = k === 0 ? `${n + 1}` : `${n + 1}:${k}`;
      return `<sup class="footnote-ref"><a href="#fn${n + 1}" id="${id}">[${label}]</a></sup>`;
    };
    const body = bodyHtml(doc, refs);
    const items = doc.notes.map((s, n) => {
      const backs = Array.from({ length: seen.get(n) ?? 1 }, (_v, k) =>
        k === 0
          ? ` <a href="#fnref${n + 1}" class="footnote-backref">↩︎</a>`
          : ` <a href="#fnref${n + 1}:${k}" class="footnote-backref">↩︎</a>`,
      ).join('');
      return `<li id="fn${n + 1}" class="footnote-item"><p>${noteHtml(s)}${backs}</p></li>`;
    });
    return `${body}\n<hr class="footnotes-sep">\n<section class="footnotes">\n<ol class="footnotes-list">\n${items.join('\n')}\n</ol>\n</section>`;
  },
};

const SHAPES: Shape[] = [
  ...['fn', 'note-', 'footnote-', 'en', '_edn'].flatMap((prefix, i) =>
    [0, 1, 2, 3].map((variant) =>
      anchorShape(prefix, variant, (variant + i) % 4, (i + variant) % 6),
    ),
  ),
  ...['Notes', 'Endnotes', '주', '각주'].flatMap((h) => [0, 1, 2].map((n) => sectionShape(h, n))),
  wordShape,
  googleDocsShape,
  renderedShape,
];

describe('footnotes in pasted and imported HTML', () => {
  it('keeps every shape’s notes, in order, each reference linked to its note', () => {
    for (const shape of SHAPES) {
      fc.assert(
        fc.property(footnotedDoc({ repeats: shape.repeats }), (doc) => {
          expectSameNotes(doc, pasteToMarkdown(shape.html(doc)));
        }),
        { numRuns: 12 },
      );
    }
  });

  it('turns anchors to a notes list into numbered footnotes without doubling the number', () => {
    const html =
      '<p>A claim.<sup><a href="#fn1">1</a></sup> More.<sup><a href="#fn12">12</a></sup></p><ol><li id="fn1">First.</li><li id="fn12">Twelfth <em>note</em>. <a href="#r12">↩</a></li></ol>';
    expect(pasteToMarkdown(html)).toBe(
      'A claim.[^1] More.[^2]\n\n[^1]: First.\n[^2]: Twelfth *note*.',
    );
  });

  it('reads Word’s _ftn anchors and drops its footnote list and back links', () => {
    const doc: FootnotedDoc = {
      paragraphs: [['Word text', { note: 0 }, 'end.']],
      notes: [[{ kind: 'text', text: 'A note from Word.' }]],
    };
    expect(pasteToMarkdown(wordShape.html(doc))).toBe(
      'Word text[^1]end.\n\n[^1]: A note from Word.',
    );
  });

  it('reads bare superscripts against an "Endnotes" section, and drops the heading', () => {
    const md = pasteToMarkdown(
      '<p>Text<sup>1</sup> and more<sup>2</sup>.</p><h2>Endnotes</h2><ol><li>One.</li><li>Two, with <a href="https://x.org/">a link</a>.</li></ol>',
    );
    expect(md).toBe(
      'Text[^1] and more[^2].\n\n[^1]: One.\n[^2]: Two, with [a link](https://x.org/).',
    );
  });

  it('keeps a note of several paragraphs as one note', () => {
    const md = pasteToMarkdown(
      '<p>See<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1"><p>First part.</p><p>Second part.</p></li></ol>',
    );
    expect(md).toBe('See[^1]\n\n[^1]: First part.\n\n    Second part.');
    expect(readRendered(md).notes).toEqual(['First part. Second part.']);
  });

  it('takes the notes from a separate piece of the page when the importer gives one', () => {
    expect(
      pasteToMarkdown('<p>Body.<sup><a href="#n1">1</a></sup></p>', {
        notes: '<div class="endnotes"><p id="n1">1. Kept apart.</p></div>',
      }),
    ).toBe('Body.[^1]\n\n[^1]: Kept apart.');
  });

  it('leaves a notes list nobody refers to in the text, so nothing is lost', () => {
    const md = pasteToMarkdown('<p>No references.</p><ol><li id="fn1">Orphan.</li></ol>');
    expect(md).toContain('Orphan.');
    expect(md).not.toContain('[^');
  });

  it('does not take a table of contents for footnotes', () => {
    const md = pasteToMarkdown(
      '<ol><li><a href="#s1">1</a></li></ol><h2 id="s1">One</h2><p>Text.</p>',
    );
    expect(md).not.toContain('[^');
  });

  it('keeps a number that looks like an entity or a caret before a reference as text', () => {
    const md = pasteToMarkdown(
      '<p>R&amp;D &amp;copy; up^<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">N.</li></ol>',
    );
    expect(renderMarkdown(md)).toContain('R&amp;D &amp;copy; up^<sup class="footnote-ref">');
  });

  it('converts twice the notes in at most three times the time', () => {
    const page = (n: number) => {
      const refs = Array.from(
        { length: n },
        (_v, i) =>
          `<p>Witness ${i} spoke.<sup><a href="#fn${i + 1}" id="r${i + 1}">${i + 1}</a></sup></p>`,
      );
      const notes = Array.from(
        { length: n },
        (_v, i) => `<li id="fn${i + 1}">Interview ${i}, Seoul. <a href="#r${i + 1}">↩</a></li>`,
      );
      return `${refs.join('')}<h2>Notes</h2><ol>${notes.join('')}</ol>`;
    };
    const cpuMs = (html: string) => {
      const start = process.cpuUsage();
      pasteToMarkdown(html);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const single = page(800);
    const double = page(1600);
    pasteToMarkdown(single);
    // Best of three, interleaved: a pause in one round does not decide the ratio; quadratic
    // work (a list looked through once per note) is far past it every time.
    let a = Number.POSITIVE_INFINITY;
    let b = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      a = Math.min(a, cpuMs(single));
      b = Math.min(b, cpuMs(double));
    }
    expect(b / a).toBeLessThanOrEqual(3);
  }, 60_000);
});
