/**
 * Whether a statement only reads, so that a replica may answer it. Decided from its text, and
 * leaning to the primary: a statement that is not plainly a SELECT (or a WITH … SELECT), or that
 * names anything that writes, locks or signals, goes to the primary. Transaction control (BEGIN,
 * COMMIT) is never a read, so a transaction always runs on the primary.
 */
const STARTS_AS_READ = /^\s*(?:\(\s*)*(?:select|with)\b/i;
const WRITES =
  /\b(?:insert|update|delete|merge|into|nextval|setval|pg_notify|pg_advisory\w*|set_config|txid_current|pg_current_xact_id|for\s+share|for\s+key\s+share|lock)\b/i;

export function isReadStatement(sql: string): boolean {
  return STARTS_AS_READ.test(sql) && !WRITES.test(sql);
}
