import type { Gazetteer } from '../../core/gazetteer.ts';
import type { MatchExpr } from '../../core/search-index.ts';
import { compoundsOf, sanitize, segment, stemOf, tokensOf } from './analyzer.ts';
import { positiveParts } from './query-plan.ts';

/**
 * Snippets as structured segments: plain strings, some marked as matches. Nothing from the index
 * or the archive is ever treated as HTML here; the view escapes the text as it renders it.
 */
export interface Segment {
  text: string;
  highlighted: boolean;
}

type Span = [start: number, end: number];

/** Finds where a query matched in a text, with the same analyzer the index used. */
export class Highlighter {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly phrases: string[][] = [];
  private readonly placeIds = new Set<number>();

  constructor(
    match: MatchExpr | null,
    private readonly gazetteer: Gazetteer,
  ) {
    for (const part of positiveParts(match)) {
      if (part.kind === 'word') {
        this.words.add(part.token);
        this.stems.add(part.stem ?? part.token);
      } else if (part.kind === 'phrase') {
        if (part.prefixLast && part.tokens.length === 1) this.prefixes.push(part.tokens[0]!);
        else if (part.tokens.length === 1) this.words.add(part.tokens[0]!);
        else this.phrases.push(part.tokens);
      } else if (part.kind === 'place') {
        for (const id of part.placeIds) this.placeIds.add(id);
      }
    }
  }

  /** Character spans of every match in the text, merged and in order. */
  spans(text: string): Span[] {
    return merge(this.matches(text), text);
  }

  /** How many matches the text holds (a word said three times in a row counts three). */
  count(text: string): number {
    return this.matches(text).length;
  }

  private matches(text: string): Span[] {
    const units = segment(sanitize(text));
    const tokens = tokensOf(units);
    const spans: Span[] = [];
    tokens.forEach((t, i) => {
      if (this.matchesToken(t.text)) spans.push([t.start, t.end]);
      for (const phrase of this.phrases) {
        const n = phrase.length;
        const last = tokens[i + n - 1];
        if (!last || !phrase.every((p, k) => tokens[i + k]!.text === p)) continue;
        spans.push([t.start, last.end]);
      }
    });
    for (const c of compoundsOf(units)) {
      if (!this.words.has(c.text)) continue;
      const first = units[c.firstUnit]!;
      let end = first.end;
      for (let k = c.firstUnit; k < units.length && units[k]!.chunk === first.chunk; k++) {
        end = units[k]!.end;
      }
      spans.push([first.start, end]);
    }
    if (this.placeIds.size > 0) {
      for (const m of this.gazetteer.recognize(units)) {
        if (m.placeIds.some((id) => this.placeIds.has(id))) spans.push([m.start, m.end]);
      }
    }
    return spans;
  }

  private matchesToken(token: string): boolean {
    if (this.words.has(token) || this.stems.has(token)) return true;
    const stem = stemOf(token);
    if (stem && this.stems.has(stem)) return true;
    return this.prefixes.some((p) => token.startsWith(p));
  }

  /** The whole text, with its matches marked (for titles). */
  mark(text: string): Segment[] {
    return toSegments(text, this.spans(text), 0, text.length);
  }

  /**
   * The passage of about `size` characters with the most matches, cut at word boundaries, with
   * an ellipsis where it was cut. Null when the text has no match.
   */
  passage(text: string, size = 240): { segments: Segment[]; hits: number } | null {
    const spans = this.spans(text);
    if (spans.length === 0) return null;
    let best = { start: 0, count: -1 };
    for (const [s] of spans) {
      const start = Math.max(0, s - Math.floor(size / 4));
      const count = spans.filter(([a, b]) => a >= start && b <= start + size).length;
      if (count > best.count) best = { start, count };
    }
    let start = best.start;
    let end = Math.min(text.length, start + size);
    if (start > 0) start = wordStart(text, start);
    if (end < text.length) end = wordEnd(text, end);
    const segments = toSegments(text, spans, start, end);
    if (start > 0) segments.unshift({ text: '… ', highlighted: false });
    if (end < text.length) segments.push({ text: ' …', highlighted: false });
    return { segments: compact(segments), hits: best.count };
  }
}

/** The opening of a text, for a result whose match is not in the text shown. */
export function openingOf(text: string, size = 240): Segment[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= size) return clean ? [{ text: clean, highlighted: false }] : [];
  return [{ text: `${clean.slice(0, wordEnd(clean, size))} …`, highlighted: false }];
}

function toSegments(text: string, spans: Span[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of spans) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > at) out.push({ text: text.slice(at, a), highlighted: false });
    out.push({ text: text.slice(a, b), highlighted: true });
    at = b;
  }
  if (at < to) out.push({ text: text.slice(at, to), highlighted: false });
  return compact(out.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') })));
}

function compact(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.highlighted === s.highlighted) last.text += s.text;
    else if (s.text) out.push({ ...s });
  }
  return out;
}

/** Overlapping spans, and spans only a space apart ("Lough Erne"), become one. */
function merge(spans: Span[], text: string): Span[] {
  const sorted = spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (s[0] <= last[1] || /^\s+$/.test(text.slice(last[1], s[0])))) {
      last[1] = Math.max(last[1], s[1]);
    } else {
      out.push([s[0], s[1]]);
    }
  }
  return out;
}

function wordStart(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space === -1 || space - at > 20 ? at : space + 1;
}

function wordEnd(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space === -1 || at - space > 20 ? at : space;
}
