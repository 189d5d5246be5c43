import { CDN_PURGE_JOB, type CdnPurgePayload } from '../../core/cdn.ts';
import type { ChangeFeed, ChangeListener } from '../../core/change-feed.ts';
import type { Clock, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { Executor } from '../db/executor.ts';
import { changeKeys } from './change-keys.ts';

/** A CDN that is away for a while still gets every purge: a day of tries. */
const PURGE_ATTEMPTS = 50;

/**
 * Queues a CDN purge for every change that alters public pages, as a job written in the same
 * transaction as the change: it commits with it, or not at all, and survives a crash. The keys
 * are the render cache's (change-keys.ts), which the pages' `Surrogate-Key` names.
 */
export function cdnPurgeQueue(deps: {
  exec: (tx?: Tx) => Executor;
  repos: Pick<Repositories, 'files' | 'jobs'>;
  changes: ChangeFeed;
  clock: Clock;
}): ChangeListener {
  const pendingByTx = new WeakMap<Tx, Set<string>>();
  const enqueue = async (keys: string[], tx?: Tx) => {
    const payload: CdnPurgePayload = { keys: [...new Set(keys)].sort() };
    await deps.repos.jobs.enqueue(
      { kind: CDN_PURGE_JOB, payload, maxAttempts: PURGE_ATTEMPTS },
      deps.clock.now().toISOString(),
      tx,
    );
  };
  const changed = (keys: string[], tx: Tx | undefined) => {
    if (tx && deps.changes.announces(tx)) {
      const pending = pendingByTx.get(tx) ?? new Set<string>();
      pendingByTx.set(tx, pending);
      for (const k of keys) pending.add(k);
      return;
    }
    // A write outside an announced transaction: queued on its own, at once.
    enqueue(keys).catch((error) => console.error('dossier: queueing a CDN purge', error));
  };
  return {
    ...changeKeys(deps.exec, deps.repos, changed),
    async transactionEnding(tx) {
      const keys = pendingByTx.get(tx);
      pendingByTx.delete(tx);
      if (keys && keys.size > 0) await enqueue([...keys], tx);
    },
  };
}
