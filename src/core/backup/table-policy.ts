/**
 * Which tables a full export leaves out, and why. Every other table the database holds is
 * exported: the list of tables comes from the database itself, so a table added by a later
 * migration is included without anyone remembering to add it here.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  dossier_migration: 'schema bookkeeping; the manifest records the migrations instead',
  dossier_migration_lock: 'schema bookkeeping',
  sessions: 'ephemeral: signed-in browsers; everyone signs in again after a restore',
  auth_challenges: 'ephemeral: WebAuthn challenges live for minutes',
  preview_links: 'ephemeral: links to unpublished work end with the archive they were made for',
  sign_in_attempts: 'ephemeral: the record of sign-in attempts',
  sign_in_limits: 'ephemeral: brute-force counters',
  search_docs: 'derived: the search index is rebuilt on restore',
  search_heads: 'derived: the search index is rebuilt on restore',
  search_pages: 'derived: the search index is rebuilt on restore',
  search_doc_facets: 'derived: the search index is rebuilt on restore',
  search_terms: 'derived: the search index is rebuilt on restore',
  search_changes: 'derived: a log of changes for the search index, kept by triggers',
  section_listed_counts: 'derived: kept by triggers as the publications are restored',
  publication_renders: 'derived: publication pages rendered ahead of time, made again on demand',
  render_stamps: 'derived: which rendered pages are still current',
};

/** SQLite's own tables; FTS5 virtual and shadow tables are told apart by `pragma table_list`. */
export function isInternalSqliteTable(name: string): boolean {
  return name.startsWith('sqlite_');
}

export function isExported(table: string): boolean {
  return !(table in EXCLUDED_TABLES) && !isInternalSqliteTable(table);
}
