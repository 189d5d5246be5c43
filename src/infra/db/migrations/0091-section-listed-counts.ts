import { sql } from 'kysely';
import type { MigrationDb, SqlDialect } from './column-helpers.ts';

/** Published, not in the trash, dated and listed: public now unless dated or embargoed later. */
const LISTED = (row: 'new' | 'old') =>
  `${row}.status = 'published' and ${row}.deleted_at is null
    and ${row}.published_at is not null and ${row}.type <> 'page'`;

/**
 * How many publications each section lists, whatever the time, kept by triggers
 * (src/db/repos/catalog.repo.ts, `countsBySection`). The home page shows how much public work
 * each section holds; counting it row by row read every listed publication on every render, on
 * SQLite's one thread as on PostgreSQL. The public count is this number less the
 * few listed pieces whose date or embargo is still ahead, which an index finds. Triggers, not
 * application code, keep it, so every path that writes publications is counted.
 */
export function sectionListedCounts(dialect: SqlDialect) {
  return {
    async up(db: MigrationDb): Promise<void> {
      await sql`create table section_listed_counts (
          section_id integer primary key references sections (id) on delete cascade,
          listed integer not null)`.execute(db);
      await sql`insert into section_listed_counts (section_id, listed)
          select section_id, count(*) from publications p
          where ${sql.raw(LISTED('new').replaceAll('new.', 'p.'))} group by section_id`.execute(db);
      // The pieces whose embargo is still ahead, found without walking the listed ones.
      await sql`create index publications_embargoed on publications (embargo_until)
          where embargo_until is not null`.execute(db);
      if (dialect === 'sqlite') await sqliteTriggers(db);
      else await postgresTriggers(db);
    },
  };
}

/** Moves one section's count by `delta`, making its row first if it has none. */
function add(dialect: SqlDialect, row: 'new' | 'old', delta: 1 | -1): string {
  const section = `${row}.section_id`;
  // Not an upsert: in a SQLite trigger, an outer statement's OR clause would override its
  // conflict handling (see 0070).
  const make =
    dialect === 'sqlite'
      ? `insert into section_listed_counts (section_id, listed) select ${section}, 0
          where not exists (select 1 from section_listed_counts where section_id = ${section});`
      : `insert into section_listed_counts (section_id, listed) values (${section}, 0)
          on conflict (section_id) do nothing;`;
  return `${make} update section_listed_counts set listed = listed + ${delta}
    where section_id = ${section};`;
}

/**
 * When an update moves a count: the old row was listed and the new one is not listed in the same
 * section (-1 there), or the other way round (+1). A plain edit moves nothing, and so takes no
 * lock on the count's row.
 */
const LEAVES = `(${LISTED('old')}) and not ((${LISTED('new')}) and new.section_id = old.section_id)`;
const ARRIVES = `(${LISTED('new')}) and not ((${LISTED('old')}) and new.section_id = old.section_id)`;

async function sqliteTriggers(db: MigrationDb): Promise<void> {
  const trigger = (name: string, event: string, when: string, row: 'new' | 'old', delta: 1 | -1) =>
    sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on publications
      when ${sql.raw(when)} begin ${sql.raw(add('sqlite', row, delta))} end`.execute(db);
  await trigger('section_listed_insert', 'insert', LISTED('new'), 'new', 1);
  await trigger('section_listed_delete', 'delete', LISTED('old'), 'old', -1);
  await trigger('section_listed_leave', 'update', LEAVES, 'old', -1);
  await trigger('section_listed_arrive', 'update', ARRIVES, 'new', 1);
}

async function postgresTriggers(db: MigrationDb): Promise<void> {
  // SET search_path FROM CURRENT: the function finds this schema's table whoever fires it.
  await sql`create function section_listed_count() returns trigger
      language plpgsql set search_path from current as $$
    begin
      if tg_op = 'DELETE' and ${sql.raw(LISTED('old'))}
          or tg_op = 'UPDATE' and ${sql.raw(LEAVES)} then
        ${sql.raw(add('postgres', 'old', -1))}
      end if;
      if tg_op = 'INSERT' and ${sql.raw(LISTED('new'))}
          or tg_op = 'UPDATE' and ${sql.raw(ARRIVES)} then
        ${sql.raw(add('postgres', 'new', 1))}
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger section_listed_count after insert or delete or update on publications
      for each row execute function section_listed_count()`.execute(db);
}
