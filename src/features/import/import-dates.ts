import type { DatePrecision } from '../../core/content-types.ts';

/**
 * Dates as hand-made sites print them, in English and Korean, with the precision they were
 * printed at. chrono-node, the well-kept natural-language parser, was considered and not used:
 * it reads no Korean, does not read a bare year, and reads "today" or "last Friday" relative to
 * the run, which in a page's text would silently date a piece to the day of its import. The
 * forms below are the ones publication sites print; anything else is reported, never guessed.
 */

export interface ReadDate {
  /** YYYY-MM-DD; the first of the month or year when the date is less precise. */
  day: string;
  precision: DatePrecision;
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
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

/** Tried in order; the first that matches anywhere in the text wins. */
const FORMATS: Array<{ re: RegExp; read: (m: RegExpExecArray) => [number, number?, number?] }> = [
  // ISO: 2021-03-12, 2021-03-12T09:00:00Z (the day as written, whatever the zone), 2021-03
  {
    re: /\b(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/,
    read: (m) => [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined],
  },
  // Korean: 2021년 3월 12일, 2021년 3월, 2021년
  {
    re: /(\d{4})\s*년(?:\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)?/,
    read: (m) => [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined],
  },
  // Dotted or slashed, year first: 2021.03.12, 2021. 3. 12., 2021/03/12
  {
    re: /\b(\d{4})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{1,2})\b/,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  // Jul 25, 2016 · July 25 2016 · Sept. 3rd, 2019
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i'),
    read: (m) => [Number(m[3]), monthNumber(m[1]), Number(m[2])],
  },
  // 12 March 2021 · 3rd of June, 2019
  {
    re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}\\b`, 'i'),
    read: (m) => [Number(m[3]), monthNumber(m[2]), Number(m[1])],
  },
  // October 2020 · Oct. 2020
  {
    re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'i'),
    read: (m) => [Number(m[2]), monthNumber(m[1])],
  },
];

/** An English month name or its abbreviation ("Sept." too) as 1–12, or 0. */
export function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date in a printed text ("Posted on 12 March 2021", `2021-03-12T09:00:00Z`, "2021년 3월",
 * "October 2020", "2019"), or null. A bare year counts only when it is the whole text: inside a
 * sentence a four-digit number is as often a count or a title as a date. Numeric dates with the
 * day and month in doubt (03/04/2021) are not read.
 */
export function readDate(text: string): ReadDate | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  for (const format of FORMATS) {
    const m = format.re.exec(clean);
    if (!m) continue;
    const [year, month, day] = format.read(m);
    const date = checked(year, month, day);
    if (date) return date;
  }
  const bare = /^(?:c\.\s*)?(\d{4})\.?$/.exec(clean);
  if (bare) return checked(Number(bare[1]));
  return null;
}

function checked(year: number, month?: number, day?: number): ReadDate | null {
  if (year < 1900 || year > 2200) return null;
  if (month === undefined) return { day: `${year}-01-01`, precision: 'year' };
  if (month < 1 || month > 12) return null;
  if (day === undefined) return { day: `${year}-${pad(month)}-01`, precision: 'month' };
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { day: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}
