import { sql } from 'kysely';
import type { MigrationDb, SqlDialect } from './column-helpers.ts';

/** What a search's facet counts read of a publication (src/search/facet-columns.ts). */
const WATCHED_COLUMNS = [
  'status',
  'published_at',
  'embargo_until',
  'deleted_at',
  'type',
  'section_id',
  'language',
];

/**
 * The change log behind the search's in-memory facet columns: one row per publication, whose
 * sequence number moves whenever anything its facet counts read changes (its status, dates,
 * type, section or language; its index entry; the people, topics and places it is filed under).
 * Each server process keeps the columns in memory and, before counting, reloads the rows whose
 * number moved since it last looked; a write through any process, or `dossier ingest` on the
 * side, is seen by the next search everywhere.
 *
 * Triggers, not application code, keep it: every path that writes those tables (editors, jobs,
 * imports, restores, a hand-made SQL fix) is covered. One row per publication (a change replaces
 * it) keeps the log as small as the archive, with nothing to prune.
 *
 * On PostgreSQL, sequence numbers are handed out before commit, so a transaction can commit
 * after a later number became visible; each row also keeps its transaction id, and a reader asks
 * again for every row written by a transaction that was still running when it last looked
 * (pg_current_snapshot's xmin). PostgreSQL 13 or newer.
 */
export function searchChanges(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      if (dialect === 'sqlite') await sqliteLog(db);
      else await postgresLog(db);
    },
  };
}

async function sqliteLog(db: MigrationDb): Promise<void> {
  // AUTOINCREMENT: a new number is always above every number ever given, even deleted ones.
  await sql`create table search_changes (
      seq integer primary key autoincrement,
      publication_id integer not null unique)`.execute(db);
  // Delete, then insert: an INSERT OR REPLACE here would take on an outer statement's OR IGNORE
  // and skip the change.
  const log = (id: string) =>
    sql.raw(`delete from search_changes where publication_id = ${id};
      insert into search_changes (publication_id) values (${id});`);
  const trigger = async (name: string, event: string, table: string, id: string) => {
    await sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on ${sql.raw(table)}
      begin ${log(id)} end`.execute(db);
  };
  await trigger('search_changes_publication_insert', 'insert', 'publications', 'new.id');
  await trigger(
    'search_changes_publication_update',
    `update of ${WATCHED_COLUMNS.join(', ')}`,
    'publications',
    'new.id',
  );
  await trigger('search_changes_publication_delete', 'delete', 'publications', 'old.id');
  for (const table of ['search_docs', 'search_doc_facets']) {
    await trigger(`search_changes_${table}_insert`, 'insert', table, 'new.publication_id');
    await trigger(`search_changes_${table}_delete`, 'delete', table, 'old.publication_id');
  }
}

async function postgresLog(db: MigrationDb): Promise<void> {
  await sql`create table search_changes (
      seq bigserial primary key,
      publication_id integer not null unique,
      xid xid8 not null default pg_current_xact_id())`.execute(db);
  await sql`create index search_changes_xid on search_changes (xid)`.execute(db);
  // SET search_path FROM CURRENT: the function finds this schema's log whoever fires it.
  await sql`create function search_changes_log() returns trigger
      language plpgsql set search_path from current as $$
    declare
      changed integer;
    begin
      if tg_table_name = 'publications' then
        changed := case when tg_op = 'DELETE' then old.id else new.id end;
      else
        changed := case when tg_op = 'DELETE' then old.publication_id else new.publication_id end;
      end if;
      insert into search_changes (publication_id) values (changed)
        on conflict (publication_id) do update
        set seq = nextval(pg_get_serial_sequence('search_changes', 'seq')),
            xid = pg_current_xact_id();
      return null;
    end $$`.execute(db);
  const trigger = async (name: string, event: string, table: string) => {
    await sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on ${sql.raw(table)}
      for each row execute function search_changes_log()`.execute(db);
  };
  await trigger(
    'search_changes_publication',
    `insert or delete or update of ${WATCHED_COLUMNS.join(', ')}`,
    'publications',
  );
  for (const table of ['search_docs', 'search_doc_facets']) {
    await trigger(`search_changes_${table}`, 'insert or delete', table);
  }
}
