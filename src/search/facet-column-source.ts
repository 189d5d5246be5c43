import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Executor } from '../db/executor.ts';
import type { PublicationStatus } from '../domain/publication-status.ts';
import type { ChangeCursor, ColumnRow, ColumnSource } from './facet-columns.ts';

/** Reads the facet columns' rows and the change log kept by migration 0070's triggers. */
export function facetColumnSource(handle: Db): ColumnSource {
  const db = handle.kysely;
  const dialect = handle.dialect;
  const bulk = handle.sqlite ? sqliteBulkRows(handle.sqlite) : null;
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
    async rows(ids) {
      return ('from' in ids && bulk?.(ids)) || rows(db, dialect, ids);
    },
  };
}

/**
 * SQLite's full load, straight from the driver as arrays: Kysely's row objects and column-name
 * mapping, 100,000 times over, cost a fifth of a second and tens of megabytes of heap the
 * process keeps. Only outside a transaction: inside one, this connection would read what that
 * transaction has not committed (Kysely's own queries wait for it to end). Reads the covering
 * index of the visibility facts, not the rows, whose bodies come first.
 */
function sqliteBulkRows(sqlite: SQLite.Database) {
  let statement: SQLite.Statement | null = null;
  return (range: { from: number; to: number }): ColumnRow[] | null => {
    if (sqlite.inTransaction) return null;
    statement ??= sqlite
      .prepare(
        `select p.id, p.type, p.section_id, p.language, p.status, p.published_at,
          p.embargo_until, p.deleted_at, d.publication_id,
          (select group_concat(f.facet || ':' || f.value_id) from search_doc_facets f
            where f.publication_id = p.id)
        from publications p indexed by publications_search_facts
        left join search_docs d on d.publication_id = p.id
        where p.id between ? and ?`,
      )
      .raw();
    return (statement.all(range.from, range.to) as unknown[][]).map((r) => ({
      id: r[0] as number,
      type: r[1] as string,
      sectionId: r[2] as number,
      language: r[3] as string,
      status: r[4] as PublicationStatus,
      publishedAt: r[5] as string | null,
      embargoUntil: r[6] as string | null,
      deletedAt: r[7] as string | null,
      indexed: r[8] !== null,
      links: r[9] as string | null,
    }));
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
 * when the cursor was taken: it may have committed since with a lower number. The snapshot's
 * xmin is read first, so a transaction still running when the rows are read is caught next time.
 */
async function postgresChangedSince(db: Executor, cursor: ChangeCursor) {
  const { rows: mark } = await sql<{ xmin: string }>`select
      pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  const xmin = mark[0]!.xmin;
  const { rows } = await sql<{ seq: string; id: number; open: boolean }>`select seq,
      publication_id as id, xid >= ${xmin}::xid8 as open
    from search_changes where seq > ${cursor.seq} or xid >= ${cursor.xmin ?? '0'}::xid8`.execute(
    db,
  );
  const ids: number[] = [];
  const open = new Set<number>();
  let seq = cursor.seq;
  for (const r of rows) {
    const n = Number(r.seq);
    if (n > seq) seq = n;
    if (r.open) open.add(n);
    if (!cursor.open.has(n)) ids.push(Number(r.id));
  }
  return { ids, next: { seq, xmin, open } };
}
