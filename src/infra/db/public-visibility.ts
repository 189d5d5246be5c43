import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * The SQL twin of `isPubliclyVisible` in the domain: published, not deleted, its date reached and
 * its embargo over. Every public query filters through this one expression (it works inside any
 * join that has `publications`); a test holds it to the domain rule on both databases.
 */
export function publiclyVisible(now: Date): RawBuilder<SqlBool> {
  const at = now.toISOString();
  const col = (name: string) => sql.ref(`publications.${name}`);
  return sql<SqlBool>`(${col('status')} = 'published'
    and ${col('deletedAt')} is null
    and ${col('publishedAt')} is not null
    and ${col('publishedAt')} <= ${at}
    and (${col('embargoUntil')} is null or ${col('embargoUntil')} <= ${at}))`;
}

/** Pages (About, Contact) are public but never listed among the work. */
export function listedType(): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref('publications.type')} <> 'page'`;
}

/** The SQL twin of `isTombstone`: withdrawn, not in the trash, and recorded as once public. */
export function tombstone(): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`publications.${name}`);
  return sql<SqlBool>`(${col('status')} = 'withdrawn'
    and ${col('deletedAt')} is null
    and ${col('publicFrom')} is not null)`;
}

/**
 * The SQL twin of `publicDatestamp`: the latest of the last save, the date, the embargo's end and
 * the withdrawal. Written with CASE rather than greatest()/max(a, b), which the two databases
 * spell differently; instants are ISO text, so text order is time order.
 */
export function publicDatestamp(): RawBuilder<string> {
  const col = (name: string) => sql<string>`coalesce(${sql.ref(`publications.${name}`)}, '')`;
  const later = (a: RawBuilder<string>, b: RawBuilder<string>) =>
    sql<string>`(case when ${a} >= ${b} then ${a} else ${b} end)`;
  return [col('publishedAt'), col('embargoUntil'), col('withdrawnAt')].reduce(
    later,
    col('updatedAt'),
  );
}

/** Rows after a cursor in public-datestamp order (datestamp, then id). */
function afterDatestamp(cursor: { datestamp: string; id: number }): RawBuilder<SqlBool> {
  const stamp = publicDatestamp();
  return sql<SqlBool>`(${stamp} > ${cursor.datestamp}
    or (${stamp} = ${cursor.datestamp} and ${sql.ref('publications.id')} > ${cursor.id}))`;
}

/**
 * One page of whole publication rows in public-datestamp order (datestamp, then id), after a
 * cursor, each with its datestamp: the OAI-PMH harvest and the API's sync listing page alike.
 */
export function pageByDatestamp(
  q: SelectQueryBuilder<Database, 'publications', object>,
  after: { datestamp: string; id: number } | null,
  limit: number,
) {
  return (after ? q.where(afterDatestamp(after)) : q)
    .selectAll('publications')
    .select(publicDatestamp().as('datestamp'))
    .orderBy(publicDatestamp())
    .orderBy('publications.id')
    .limit(limit)
    .execute();
}
