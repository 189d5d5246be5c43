import { isLiteral } from '../person-name.ts';
import type { ScholarlyWork } from '../work.ts';

/**
 * "cohen2014human": first author's family name, year, first word of the title, folded to ASCII
 * letters so that every BibTeX tool accepts it. Parts that have no Latin letters (a Korean
 * title) are left out; the publication id is the last resort, so a key is never empty.
 */
export function citationKey(work: ScholarlyWork): string {
  const first = work.authors[0];
  const who = first
    ? isLiteral(first.name)
      ? first.name.literal
      : first.name.family
    : work.publisher.name;
  const word =
    fullWords(work.title).find((w) => w.length > 3 && !STOP.has(w)) ??
    fullWords(work.title)[0] ??
    '';
  const key = `${fold(who)}${work.issued.slice(0, 4)}${word}`;
  return /^[a-z]/.test(key) ? key : `dossier${work.id}${key}`;
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'with',
  'from',
  'must',
  'what',
  'when',
  'why',
  'how',
  'this',
  'that',
]);

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function fullWords(title: string): string[] {
  return title
    .split(/[\s:;,.?!…“”"'’()[\]-]+/)
    .map(fold)
    .filter(Boolean);
}
