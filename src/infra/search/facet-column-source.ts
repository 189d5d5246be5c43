import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Executor } from '../db/executor.ts';
import type { ChangeCursor, ColumnRow, ColumnSource } from './facet-columns.ts';

/** Reads the facet columns' rows and the change log kept by migration 0070's triggers. */
export function facetColumnSource(handle: Db): ColumnSource {
  const db = handle.kysely;
  const dialect = handle.dialect;
  return {
    mark: dialect === 'sqlite' ? () => sqliteMark(db) : () => postgresMark(db),
    changedSince:
      dialect === 'sqlite' ? (c) => sqliteChangedSince(db, c) : (c) => postgresChangedSince(db, c),
    async maxId() {
      const row = await db
        .selectFrom('publications')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    rows: (ids) => rows(db, dialect, ids),
  };
}

/**
 * One row per publication, its links folded into one string: a full load reads 100,000 rows, not
 * half a million, and leaves little garbage behind.
 */
async function rows(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  ids: { from: number; to: number } | readonly number[],
): Promise<ColumnRow[]> {
  if (Array.isArray(ids) && ids.length === 0) return [];
  const range = 'from' in ids ? ids : null;
  const list = range ? [] : [...(ids as readonly number[])];
  const joined =
    dialect === 'sqlite'
      ? sql<string | null>`group_concat(f.facet || ':' || f.value_id)`
      : sql<string | null>`string_agg(f.facet || ':' || f.value_id, ',')`;
  const found = await db
    .selectFrom('publications')
    .leftJoin('searchDocs', 'searchDocs.publicationId', 'publications.id')
    .select((eb) => [
      'publications.id',
      'publications.type',
      'publications.sectionId',
      'publications.language',
      'publications.status',
      'publications.publishedAt',
      'publications.embargoUntil',
      'publications.deletedAt',
      'searchDocs.publicationId as indexedId',
      eb
        .selectFrom('searchDocFacets as f')
        .select(joined.as('links'))
        .whereRef('f.publicationId', '=', 'publications.id')
        .as('links'),
    ])
    .where((eb) =>
      range
        ? eb.between('publications.id', range.from, range.to)
        : eb('publications.id', 'in', list),
    )
    .execute();
  return found.map((p) => ({
    id: p.id,
    type: p.type,
    sectionId: p.sectionId,
    language: p.language,
    status: p.status,
    publishedAt: p.publishedAt,
    embargoUntil: p.embargoUntil,
    deletedAt: p.deletedAt,
    indexed: p.indexedId !== null,
    links: p.links,
  }));
}

const NO_OPEN: ReadonlySet<number> = new Set();

async function sqliteMark(db: Executor): Promise<ChangeCursor> {
  const { rows } = await sql<{
    seq: number | null;
  }>`select max(seq) as seq from search_changes`.execute(db);
  return { seq: Number(rows[0]?.seq ?? 0), xmin: null, open: NO_OPEN };
}

/** SQLite commits one writer at a time, in the order it numbers the rows. */
async function sqliteChangedSince(db: Executor, cursor: ChangeCursor) {
  const { rows } = await sql<{ seq: number; id: number }>`select seq, publication_id as id
    from search_changes where seq > ${cursor.seq} order by seq`.execute(db);
  const seq = rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : cursor.seq;
  return { ids: rows.map((r) => Number(r.id)), next: { seq, xmin: null, open: NO_OPEN } };
}

async function postgresMark(db: Executor): Promise<ChangeCursor> {
  const { rows } = await sql<{ seq: string | null; xmin: string }>`select
      (select max(seq) from search_changes) as seq,
      pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  return { seq: Number(rows[0]?.seq ?? 0), xmin: rows[0]!.xmin, open: NO_OPEN };
}

/**
 * Rows numbered after the cursor, and every row written by a transaction that was still running
 * when the cursor was taken: it may have committed since with a lower number. One statement, so
 * the rows and the new xmin come from one snapshot: a transaction this read cannot see was
 * running in it, so its id is at least that xmin, and the next read asks for it.
 */
async function postgresChangedSince(db: Executor, cursor: ChangeCursor) {
  const { rows } = await sql<{
    xmin: string;
    seq: string | null;
    id: number | null;
    open: boolean;
  }>`
    with snapshot as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
    select snapshot.xmin::text as xmin, c.seq, c.publication_id as id, c.xid >= snapshot.xmin as open
    from snapshot left join search_changes c
      on c.seq > ${cursor.seq} or c.xid >= ${cursor.xmin ?? '0'}::xid8`.execute(db);
  const ids: number[] = [];
  const open = new Set<number>();
  let seq = cursor.seq;
  for (const r of rows) {
    if (r.seq === null || r.id === null) continue;
    const n = Number(r.seq);
    if (n > seq) seq = n;
    if (r.open) open.add(n);
    if (!cursor.open.has(n)) ids.push(Number(r.id));
  }
  return { ids, next: { seq, xmin: rows[0]!.xmin, open } };
}
