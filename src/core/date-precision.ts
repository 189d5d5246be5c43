import type { DatePrecision } from './content-types.ts';

/**
 * A stored instant read only as far as its source printed it. The instant lies in the span (an
 * import stores its first moment: "October 2020" is 2020-10-01T00:00Z); what lies below the
 * precision is not known and must not be shown, cited or sent on as if it were.
 *
 * The known part as an ISO 8601 calendar date of reduced precision ("2020-10-12", "2020-10",
 * "2020"): valid as HTML's <time datetime>, as schema.org's Date and as Dublin Core's W3CDTF.
 */
export function isoDateAt(iso: string, precision: DatePrecision): string {
  return new Date(iso)
    .toISOString()
    .slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
}
