import { createContext, type WiredContext } from '../context.ts';
import type { Job, JobStatus } from '../core/repositories/jobs-repository.ts';
import { requeueJob } from '../features/jobs/requeue-job.ts';
import { jobHandlers } from '../features/publishing/jobs/job-handlers.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { createJobRunner } from './job-runners.ts';
import { UsageError } from './user-error.ts';

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];

export const jobsCommand: Command = {
  usage: `Usage: dossier jobs [--status queued|running|done|failed] [--kind K] [--limit N]
       dossier jobs retry <id>
       dossier jobs run

Lists jobs, newest first, with their attempts and last error. "retry" queues a failed job again
with a fresh set of attempts (a running server picks it up). "run" works through every ready job
in this process and exits when none is left.`,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'retry') return withContext((ctx) => retry(ctx, rest));
    if (sub === 'run') {
      parseOptions(rest, {});
      return withContext(runReady);
    }
    // A group names its subcommands when given a word it does not know.
    if (sub !== undefined && !sub.startsWith('-')) {
      throw new UsageError(
        `Unknown subcommand "${sub}". Use "dossier jobs" (to list), "dossier jobs retry <id>" or "dossier jobs run" (see "dossier jobs --help").`,
      );
    }
    const { values } = parseOptions(args, {
      status: { type: 'string' },
      kind: { type: 'string' },
      limit: { type: 'string' },
    });
    const status = values.status as JobStatus | undefined;
    if (status !== undefined && !STATUSES.includes(status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
    }
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError('--limit must be a positive whole number');
    return withContext((ctx) => list(ctx, { status, kind: values.kind, limit }));
  },
};

async function withContext(fn: (ctx: WiredContext) => Promise<number>): Promise<number> {
  const ctx = await createContext(commandConfig('existing'));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function list(
  ctx: WiredContext,
  filter: { status?: JobStatus; kind?: string; limit: number },
): Promise<number> {
  const jobs = await ctx.repos.jobs.list(filter);
  const counts = await ctx.repos.jobs.countByStatus();
  process.stdout.write(
    `${counts.queued} queued, ${counts.running} running, ${counts.done} done, ${counts.failed} failed\n`,
  );
  if (jobs.length === 0) return 0;
  const rows = jobs.map((j) => [
    String(j.id),
    j.kind,
    j.status,
    `${j.attempts}/${j.maxAttempts}`,
    when(j),
    (j.lastError ?? '').replace(/\s+/g, ' ').slice(0, 120),
  ]);
  const header = ['id', 'kind', 'status', 'tries', 'when', 'last error'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) {
    process.stdout.write(
      `${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`,
    );
  }
  return 0;
}

function when(j: Job): string {
  if (j.status === 'running') return `lease until ${j.leaseExpiresAt}`;
  if (j.status === 'queued') return `after ${j.runAfter}`;
  return j.finishedAt ?? j.updatedAt;
}

async function retry(ctx: WiredContext, args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {}, true);
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id)) {
    throw new UsageError('Usage: dossier jobs retry <id>');
  }
  const job = await requeueJob(ctx, jobHandlers(ctx), id);
  process.stdout.write(`Job ${job.id} (${job.kind}) is queued again.\n`);
  return 0;
}

async function runReady(ctx: WiredContext): Promise<number> {
  let done = 0;
  let failed = 0;
  const runner = createJobRunner(ctx, {
    onEvent: (e) => {
      if (e.type === 'done') done++;
      if (e.type === 'failed') {
        failed++;
        process.stderr.write(`failed: job ${e.job.id} (${e.job.kind}): ${e.reason}\n`);
      }
      if (e.type === 'retrying') {
        process.stderr.write(
          `retrying: job ${e.job.id} (${e.job.kind}) after ${e.runAfter}: ${e.reason}\n`,
        );
      }
    },
  });
  await runner.drain();
  process.stdout.write(`Ran ${done + failed} job(s): ${done} done, ${failed} failed.\n`);
  return failed > 0 ? 1 : 0;
}
