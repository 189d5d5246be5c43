import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL need different DDL. Everything else in the
 * migrations is one definition for both.
 */
export type MigrationDb = Kysely<unknown>;
export type SqlDialect = 'sqlite' | 'postgres';

export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: SqlDialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** Real numbers: SQLite's REAL and PostgreSQL's double precision hold the same IEEE doubles. */
export const double = (dialect: SqlDialect) =>
  dialect === 'sqlite' ? ('real' as const) : ('double precision' as const);
