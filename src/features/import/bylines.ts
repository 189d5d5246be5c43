import { slugify } from '../../core/slug.ts';

/**
 * Bylines as printed on a listing: "Roberta Cohen, HRNK Co-Chair", "Abraham Cooper and Greg
 * Scarlatoiu", "David Hawk with Amanda Mortwedt Oh", "Joseph S. Bermudez Jr., Andy Dinville, and
 * Mike Eley". Names joined by "and" (or commas) are primary authors; a name after "with" is a
 * secondary credit ("with …"). Text after a name's comma is its printed affiliation, unless it
 * is itself a name in a comma-separated list of names.
 */
export interface BylinePerson {
  name: string;
  affiliation: string | null;
  credit: 'primary' | 'secondary';
}

const SUFFIXES = /^(Jr\.?|Sr\.?|II|III|IV|PhD|Ph\.D\.)$/;

/** Words that mark a comma-part as a role or organization rather than a person's name. */
const ROLE_WORDS =
  /\b(chair|co-chair|emeritus|director|president|dean|fellow|staff|member|reporter|editor|professor|researcher|analyst|board|committee|center|centre|institute|university|foundation|ambassador|secretary|executive|senior|associate|adviser|advisor|officer|founder)\b/i;
/** An acronym ("HRNK", "UN") marks an organization. */
const ACRONYM = /\b[A-Z]{2,}\b/;

export function parseByline(line: string): BylinePerson[] {
  const text = line
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  if (!text) return [];
  const [primaryPart, ...secondaryParts] = text.split(/\s+with\s+/i);
  const people: BylinePerson[] = [];
  for (const p of splitNames(primaryPart ?? '')) people.push({ ...p, credit: 'primary' });
  for (const part of secondaryParts) {
    for (const p of splitNames(part)) people.push({ ...p, credit: 'secondary' });
  }
  return people;
}

function splitNames(part: string): Array<{ name: string; affiliation: string | null }> {
  const out: Array<{ name: string; affiliation: string | null }> = [];
  for (const chunk of part.split(/,?\s+and\s+|\s+&\s+/i)) {
    const pieces = chunk
      .split(/\s*,\s*/)
      .map((s) => s.trim())
      .filter(Boolean);
    // Re-attach suffixes: "Joseph S. Bermudez, Jr." is one name.
    const parts: string[] = [];
    for (const piece of pieces) {
      const last = parts.length - 1;
      if (last >= 0 && SUFFIXES.test(piece)) parts[last] = `${parts[last]} ${piece}`;
      else parts.push(piece);
    }
    let current: { name: string; affiliation: string | null } | null = null;
    for (const piece of parts) {
      if (current && (ROLE_WORDS.test(piece) || ACRONYM.test(piece) || !looksLikeName(piece))) {
        current.affiliation = current.affiliation ? `${current.affiliation}, ${piece}` : piece;
      } else {
        current = { name: piece, affiliation: null };
        out.push(current);
      }
    }
  }
  return out;
}

/** Two to five words, each capitalized (initials and particles allowed). */
function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) =>
    /^(\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|la|le|bin|al-\p{L}+)$/u.test(w),
  );
}

/** "Roberta Cohen" → "Cohen, Roberta"; "Joseph S. Bermudez Jr." → "Bermudez, Joseph S., Jr.". */
export function sortNameOf(name: string, first = '', last = ''): string {
  if (first && last) return `${last}, ${first}`;
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name.trim();
  let suffix = '';
  if (SUFFIXES.test(words[words.length - 1] ?? '')) suffix = `, ${words.pop()}`;
  const family = words.pop() ?? '';
  return `${family}, ${words.join(' ')}${suffix}`;
}

export function personSlug(name: string): string {
  return slugify(name, 'person');
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** "Jul 25, 2016" or "July 25, 2016" as "2016-07-25", or null when the line is not such a date. */
export function printedDate(line: string): string | null {
  const m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(line.trim());
  if (!m) return null;
  const month =
    MONTHS[(m[1] ?? '').toLowerCase().slice(0, m[1]?.toLowerCase().startsWith('sept') ? 4 : 3)];
  const day = Number(m[2]);
  if (!month || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2014-07-02" → "2 July 2014", for the title of a piece printed without one. */
export function longDate(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
