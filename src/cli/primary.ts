import cluster, { type Worker } from 'node:cluster';
import { isClusterInvalidation } from '../infra/render-cache/invalidation-bus.ts';

/**
 * The primary of `dossier serve --workers N`: it forks the workers (each a whole server on the
 * shared port: node's cluster hands connections out round-robin), relays render-cache
 * invalidations between them (SQLite; on PostgreSQL they use LISTEN/NOTIFY and the relay stays
 * idle), replaces a worker that dies, and stops them all on SIGTERM or SIGINT.
 *
 * Sessions, rate limits, jobs and scheduled publishing are rows in the database, so any worker
 * can answer any request; jobs are leased (jobs.repo.ts), so a job runs in one worker only.
 */
export async function runPrimary(workers: number, announce: (line: string) => void): Promise<void> {
  let stopping = false;
  let listening = 0;
  const fork = (): Worker => {
    const worker = cluster.fork({ DOSSIER_CLUSTER_WORKER: '1' });
    worker.on('message', (message: unknown) => {
      if (!isClusterInvalidation(message)) return;
      for (const other of Object.values(cluster.workers ?? {})) {
        if (other && other !== worker && other.isConnected()) other.send(message);
      }
    });
    worker.once('listening', () => {
      listening++;
      if (listening === workers) announce(`All ${workers} workers are serving.`);
    });
    return worker;
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(
      `dossier: worker ${worker.process.pid} ended (${signal ?? code}); starting another`,
    );
    setTimeout(fork, 1000).unref();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    let left = alive.length;
    if (left === 0) process.exit(0);
    for (const w of alive) {
      w.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      w.process.kill('SIGTERM');
    }
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
