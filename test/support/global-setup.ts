import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_POSTGRES_URL } from './postgres-url.ts';
import { isAlive } from './processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** A streaming replica of it (TEST_DATABASE_REPLICA_URL), for the read-replica tests. */
    replicaUrl: string | null;
  }
}

/**
 * Probes the PostgreSQL test server once per run. Without it the PostgreSQL half of every suite
 * skips, loudly; under CI=true a skip is a failure, so CI can never pass on SQLite alone.
 */
export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    // Extensions are per database; creating them once here spares the workers a race.
    await client.query('create extension if not exists unaccent with schema public');
    await client.query('create extension if not exists pg_trgm with schema public');
    await dropLeftoverSchemas(client);
    project.provide('postgresUrl', TEST_POSTGRES_URL);
    project.provide('replicaUrl', await probeReplica());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL is required under CI=true but ${TEST_POSTGRES_URL} failed: ${reason}`,
      );
    }
    const line = '!'.repeat(78);
    console.warn(
      `\n${line}\n!! PostgreSQL at ${TEST_POSTGRES_URL} did not answer (${reason}).\n!! EVERY PostgreSQL TEST IS SKIPPED. Set TEST_DATABASE_URL or start the server.\n${line}\n`,
    );
    project.provide('postgresUrl', null);
    project.provide('replicaUrl', null);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The replica named by TEST_DATABASE_REPLICA_URL, checked to be a hot standby. Without it the
 * replica tests skip with a notice; under CI=true (whose .ci/run makes one) they fail instead.
 */
async function probeReplica(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_REPLICA_URL;
  const line = '!'.repeat(78);
  if (!url) {
    if (process.env.CI === 'true')
      throw new Error('TEST_DATABASE_REPLICA_URL is required under CI=true');
    console.warn(
      `\n${line}\n!! No TEST_DATABASE_REPLICA_URL: the read-replica tests are skipped.\n!! Start one with .ci/replica start and set TEST_DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:5433/test\n${line}\n`,
    );
    return null;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ standby: boolean }>(
      'select pg_is_in_recovery() as standby',
    );
    if (!rows[0]?.standby) throw new Error('it is not a replica (not in recovery)');
    return url;
  } catch (error) {
    throw new Error(`TEST_DATABASE_REPLICA_URL ${url}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Schemas left by a killed run: their owner process is gone. Live runs' schemas are kept. */
async function dropLeftoverSchemas(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "select nspname as name from pg_namespace where nspname like 'dossier_test_%'",
  );
  for (const { name } of rows) {
    const pid = Number(name.split('_')[2]);
    if (Number.isInteger(pid) && isAlive(pid)) continue;
    await client.query(`drop schema if exists "${name}" cascade`);
  }
}
