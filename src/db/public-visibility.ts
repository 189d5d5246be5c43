import { type RawBuilder, type SqlBool, sql } from 'kysely';

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
