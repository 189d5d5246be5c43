/**
 * OAI-PMH dates: UTC, either a day ("2016-09-16") or a second ("2016-09-16T00:00:00Z"), the
 * repository's granularity. A bound is inclusive at its own granularity, so `until=2016-09-16`
 * takes the whole day: internally it becomes the exclusive instant 2016-09-17T00:00:00.000Z.
 */
export type Granularity = 'day' | 'second';

export interface OaiDate {
  granularity: Granularity;
  /** The start of the day or second, as stored instants are written (with milliseconds). */
  start: string;
  /** The start of the next day or second: the exclusive end of this bound. */
  end: string;
}

const LAST_MILLISECOND = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export function parseOaiDate(value: string): OaiDate | null {
  const day = DAY.exec(value);
  const second = day ? null : SECOND.exec(value);
  const m = day ?? second;
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? '0');
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms);
  // Date.UTC rolls 2016-02-30 over into March; a real date reads back the same.
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    date.getUTCHours() !== Number(h) ||
    date.getUTCMinutes() !== Number(mi) ||
    date.getUTCSeconds() !== Number(s)
  ) {
    return null;
  }
  const granularity: Granularity = day ? 'day' : 'second';
  const step = granularity === 'day' ? 86_400_000 : 1000;
  // Bounds are compared as text. The end of 9999-12-31 falls in the year 10000, which
  // toISOString writes '+010000-…', before every stored instant: an `until` that meant
  // "everything" would then match nothing. It ends at the last millisecond of 9999 instead.
  const end = Math.min(ms + step, LAST_MILLISECOND);
  return { granularity, start: date.toISOString(), end: new Date(end).toISOString() };
}

/** A stored instant as an OAI datestamp: UTC, to the second. */
export function datestamp(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}
