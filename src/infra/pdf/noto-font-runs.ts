import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Noto Sans KR package on npm is split into many small font files by Unicode range (Latin,
 * Latin Extended, and about a hundred Hangul slices). A PDF writer must pick the right file for
 * each character; this splits text into runs that each one file can draw.
 */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@fontsource/noto-sans-kr/package.json'));

interface Subset {
  name: string;
  ranges: Array<[number, number]>;
}

let subsets: Subset[] | undefined;

function loadSubsets(): Subset[] {
  if (subsets) return subsets;
  const table = JSON.parse(readFileSync(join(packageDir, 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  subsets = Object.entries(table).map(([key, value]) => ({
    name: key.replace(/^\[|\]$/g, ''),
    ranges: value.split(',').map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from ?? '0', 16);
      return [start, to ? Number.parseInt(to, 16) : start] as [number, number];
    }),
  }));
  // Latin first: most text is Latin, so the common case finds its file at once.
  subsets.sort((a, b) => rank(a.name) - rank(b.name));
  return subsets;
}

const rank = (name: string) => (name === 'latin' ? 0 : name === 'latin-ext' ? 1 : 2);

export function fontFileFor(subset: string, weight: 400 | 700 = 400): string {
  return join(packageDir, 'files', `noto-sans-kr-${subset}-${weight}-normal.woff`);
}

function subsetOf(codePoint: number): string {
  for (const s of loadSubsets()) {
    for (const [a, b] of s.ranges) if (codePoint >= a && codePoint <= b) return s.name;
  }
  return 'latin';
}

export interface FontRun {
  subset: string;
  text: string;
}

/** Splits text into runs of characters that share one font file. */
export function fontRuns(text: string): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) {
    // Spaces and line breaks join whatever run they are in, so words are not split needlessly.
    const subset =
      /\s/.test(ch) && runs.length > 0
        ? runs[runs.length - 1]!.subset
        : subsetOf(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.subset === subset) last.text += ch;
    else runs.push({ subset, text: ch });
  }
  return runs;
}
