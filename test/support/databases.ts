import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { DatabaseConfig } from '../../src/core/config.ts';
import type { Dialect } from '../../src/core/database-handle.ts';
import { connect, type Db, quoteIdent } from '../../src/infra/db/connect.ts';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  db: Db;
  config: DatabaseConfig;
  /** The PostgreSQL schema, for child processes that must see the same tables. */
  schema: string | null;
  /** A folder of this test's own, removed at the end. */
  dir: string;
}

/** A fresh, migrated database of the given kind, private to the caller. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
  if (dialect === 'sqlite') {
    const config: DatabaseConfig = { kind: 'sqlite', path: join(dir, 'test.db') };
    const db = connect(config);
    await migrateToLatest(db);
    return { db, config, schema: null, dir };
  }
  const url = inject('postgresUrl');
  if (!url) throw new Error('PostgreSQL is not available');
  const schema = `dossier_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${quoteIdent(schema)}`);
  await admin.end();
  const config: DatabaseConfig = { kind: 'postgres', url };
  const db = connect(config, { schema, poolSize: 4 });
  await migrateToLatest(db);
  return { db, config, schema, dir };
}

export async function closeTestDatabase(t: TestDatabase): Promise<void> {
  await t.db.close();
  if (t.schema) {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') ?? undefined });
    await admin.connect();
    await admin.query(`drop schema if exists ${quoteIdent(t.schema)} cascade`);
    await admin.end();
  }
  rmSync(t.dir, { recursive: true, force: true });
}

/**
 * Runs the same suite against SQLite and PostgreSQL. The callback gets a getter, because the
 * database opens in beforeAll, after the suite has been collected. `skip` skips both, for a suite
 * that needs something more than a database (a browser).
 */
export function describeEachDatabase(
  name: string,
  suite: (ctx: () => TestDatabase, dialect: Dialect) => void,
  { skip = false }: { skip?: boolean } = {},
): void {
  for (const dialect of DIALECTS) {
    const available = dialect === 'sqlite' || inject('postgresUrl') !== null;
    describe.skipIf(skip || !available)(`${name} [${dialect}]`, () => {
      let t: TestDatabase | undefined;
      beforeAll(async () => {
        t = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        if (t) await closeTestDatabase(t);
      });
      suite(() => {
        if (!t) throw new Error('database not open yet');
        return t;
      }, dialect);
    });
  }
}
