/**
 * The ids of stored records are 32-bit integers on PostgreSQL (and well within SQLite's range).
 * A larger number from an address names nothing; passed on, PostgreSQL would refuse the query
 * itself, so every id read from outside goes through `recordIdFrom` first.
 */
export const MAX_RECORD_ID = 2_147_483_647;

/** The id a text names (a positive whole number, no sign or leading zero), or null. */
export function recordIdFrom(text: string | undefined): number | null {
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_RECORD_ID ? n : null;
}
