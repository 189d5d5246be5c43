import pg from 'pg';
import { inject } from 'vitest';

/** The streaming replica of the PostgreSQL test server, when the run has one (.ci/replica). */
export function replicaUrl(): string | null {
  return inject('replicaUrl') ?? null;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Stops (or restarts) the replica's replay of the primary's log: a replica falling behind. */
export async function pauseReplay(url: string): Promise<void> {
  await withClient(url, (c) => c.query('select pg_wal_replay_pause()'));
}

export async function resumeReplay(url: string): Promise<void> {
  await withClient(url, (c) => c.query('select pg_wal_replay_resume()'));
}

/** Waits until the replica has replayed everything the primary has written so far. */
export async function waitForReplay(primaryUrl: string, url: string): Promise<void> {
  const target = await withClient(primaryUrl, async (c) => {
    const { rows } = await c.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return rows[0]!.lsn;
  });
  await withClient(url, async (c) => {
    for (let i = 0; i < 200; i++) {
      const { rows } = await c.query<{ behind: boolean }>(
        'select pg_last_wal_replay_lsn() < $1::pg_lsn as behind',
        [target],
      );
      if (!rows[0]!.behind) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the replica did not catch up within five seconds');
  });
}
