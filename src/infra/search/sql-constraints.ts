import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { listedType, publiclyVisible } from '../db/public-visibility.ts';
import type { Constraint } from './page-key.ts';

/**
 * The WHERE clause every search read shares, on both databases: the one public-visibility rule
 * (its SQL twin, reused, never restated), listed work only (About and Contact pages are not
 * search results, as they are not listing entries), and the reader's constraints.
 */
export function publicResults(constraints: readonly Constraint[], now: Date): RawBuilder<SqlBool> {
  const parts = [publiclyVisible(now), listedType(), ...constraints.map(constraintSql)];
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

const col = (name: string) => sql.ref(`publications.${name}`);

function constraintSql(c: Constraint): RawBuilder<SqlBool> {
  const positive = positiveSql(c);
  return c.negated ? sql<SqlBool>`not ${positive}` : positive;
}

function positiveSql(c: Constraint): RawBuilder<SqlBool> {
  switch (c.field) {
    case 'type':
    case 'language':
      return inList(col(c.field), c.values);
    case 'section':
      return inList(col('sectionId'), c.ids);
    case 'person':
    case 'topic':
    case 'place': {
      if (c.ids.length === 0) return sql<SqlBool>`(1 = 0)`;
      return sql<SqlBool>`exists (select 1 from search_doc_facets f
        where f.publication_id = ${col('id')} and f.facet = ${c.field}
        and f.value_id in (${sql.join(c.ids)}))`;
    }
    case 'year': {
      const from = c.from === null ? null : `${pad(c.from)}-01-01T00:00:00.000Z`;
      const to = c.to === null ? null : `${pad(c.to + 1)}-01-01T00:00:00.000Z`;
      const parts = [sql`${col('publishedAt')} is not null`];
      if (from) parts.push(sql`${col('publishedAt')} >= ${from}`);
      if (to) parts.push(sql`${col('publishedAt')} < ${to}`);
      return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
    }
  }
}

function inList(
  ref: ReturnType<typeof sql.ref>,
  values: readonly (string | number)[],
): RawBuilder<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`(1 = 0)`;
  return sql<SqlBool>`${ref} in (${sql.join([...values])})`;
}

function pad(year: number): string {
  return String(Math.max(0, Math.min(9999, year))).padStart(4, '0');
}
