/**
 * A formatted citation: text runs, some in italics. Views render the runs as HTML (escaped by
 * JSX); `plainText` gives the string for tests and for copying.
 */
export interface Run {
  text: string;
  italic?: boolean;
}
export type Formatted = Run[];

export function plainText(f: Formatted): string {
  return f.map((r) => r.text).join('');
}

/** Runs with adjacent plain texts merged, so that the output is the same however it was built. */
export function runs(...parts: Array<Run | string | null | undefined | false>): Formatted {
  const out: Formatted = [];
  for (const part of parts) {
    if (!part) continue;
    const run = typeof part === 'string' ? { text: part } : part;
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && !last.italic && !run.italic) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

export const italic = (text: string): Run => ({ text, italic: true });

/** Titles that end in ?, ! or … take no further period or comma after them. */
export function endsTerminally(text: string): boolean {
  return /[?!…]$/.test(text.trim());
}

/** A period after text unless it already ends in one (an initial, "Jr.") or in ? ! …. */
export function period(text: string): string {
  return /[.?!…]$/.test(text.trim()) ? text : `${text}.`;
}

/** Double quotation marks inside a quoted title become single ones. */
export function innerQuotes(title: string): string {
  return title
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
}

/** “Title.” — the punctuation inside the marks, none after ? ! …. */
export function quotedTitle(title: string, punctuation: '.' | ','): string {
  const inner = innerQuotes(title);
  return `“${inner}${endsTerminally(inner) ? '' : punctuation}”`;
}

/** A list joined "A, B, and C" (serial comma) or "A and B". */
export function serialList(items: string[], and = 'and'): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${and} ${items[items.length - 1]}`;
}
