import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * Carries cache invalidations to the other server processes. PostgreSQL deployments use
 * LISTEN/NOTIFY (processes on any machine sharing the database); SQLite runs on one machine, where
 * `dossier serve --workers N` relays messages through the cluster's primary.
 */
export interface InvalidationBus {
  publish(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

type Deliver = (keys: string[]) => void;

/** The IPC message a worker sends and the primary relays. */
export interface ClusterInvalidation {
  dossierRenderCache: { origin: string; keys: string[] };
}

export function isClusterInvalidation(message: unknown): message is ClusterInvalidation {
  return (
    typeof message === 'object' &&
    message !== null &&
    'dossierRenderCache' in message &&
    Array.isArray((message as ClusterInvalidation).dossierRenderCache?.keys)
  );
}

/**
 * This process's name on the channel: a process hears its own changes directly (in the writing
 * transaction and after commit), so its own notifications are ignored when they come back.
 */
export const PROCESS_ORIGIN = randomUUID();

/** NOTIFY payloads must stay under 8000 bytes; a longer list becomes 'all'. */
export const MAX_PAYLOAD = 7000;

/** The channel is per schema: several archives (or test runs) may share one database. */
export function channelFor(schema: string): string {
  return `dossier_cache_${schema}`.slice(0, 63);
}

export async function postgresBus(pool: pg.Pool, deliver: Deliver): Promise<InvalidationBus> {
  const origin = PROCESS_ORIGIN;
  const client = await pool.connect();
  const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
  const channel = channelFor(rows[0]?.schema ?? 'public');
  const quoted = `"${channel.replace(/"/g, '""')}"`;
  const onNotification = (n: pg.Notification) => {
    if (n.channel !== channel || !n.payload) return;
    try {
      const message = JSON.parse(n.payload) as { origin: string; keys: string[] };
      if (message.origin !== origin && Array.isArray(message.keys)) deliver(message.keys);
    } catch {
      // Not ours; ignore.
    }
  };
  client.on('notification', onNotification);
  // A lost listening connection would leave this process serving stale pages: it exits, and
  // the supervisor (or cluster primary) starts a fresh one that begins with an empty cache.
  client.on('error', (error) => {
    console.error('dossier: lost the cache invalidation channel; exiting', error);
    process.exit(1);
  });
  await client.query(`listen ${quoted}`);
  let closed = false;
  return {
    async publish(keys) {
      let payload = JSON.stringify({ origin, keys });
      if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ origin, keys: ['all'] });
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (closed) return;
      closed = true;
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.query(`unlisten ${quoted}`).catch(() => {});
      client.release();
    },
  };
}

/** A worker of `dossier serve --workers N` on SQLite: the primary relays to its siblings. */
export function clusterBus(deliver: Deliver): InvalidationBus {
  const origin = randomUUID();
  const onMessage = (message: unknown) => {
    if (isClusterInvalidation(message) && message.dossierRenderCache.origin !== origin) {
      deliver(message.dossierRenderCache.keys);
    }
  };
  process.on('message', onMessage);
  return {
    async publish(keys) {
      if (!process.send || !process.connected) return;
      const message: ClusterInvalidation = { dossierRenderCache: { origin, keys } };
      process.send(message);
    },
    async close() {
      process.off('message', onMessage);
    },
  };
}

/** One process, nobody to tell. */
export const localBus: InvalidationBus = {
  publish: async () => {},
  close: async () => {},
};

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}
