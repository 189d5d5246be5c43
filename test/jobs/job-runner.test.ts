import { setTimeout as delay } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { type JobHandler, PermanentJobError } from '../../src/core/jobs.ts';
import { requeueJob } from '../../src/features/jobs/requeue-job.ts';
import { FIXITY_JOB, scheduleFixity } from '../../src/features/publishing/jobs/fixity-job.ts';
import { connect } from '../../src/infra/db/connect.ts';
import { createRepositories } from '../../src/infra/db/create-repositories.ts';
import { JobRunner } from '../../src/infra/jobs/job-runner.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock } from '../support/factories.ts';

describeEachDatabase('the job runner', (t, dialect) => {
  const setup = () => {
    const clock = fixedClock('2026-06-01T12:00:00.000Z');
    const { transactor, ...repos } = createRepositories(t().db);
    return { clock, repos, transactor, deps: { repos, transactor, clock } };
  };

  it('runs every job exactly once when several runners with their own connections compete', async () => {
    const { clock, repos } = setup();
    const kind = `count-${dialect}`;
    const at = clock.now().toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) ids.push(await repos.jobs.enqueue({ kind, payload: { i } }, at));
    const ran: number[] = [];
    const handler: JobHandler = {
      async run(job) {
        ran.push(job.id);
        await delay(5);
        return undefined;
      },
    };
    // Each runner has its own pool, as separate processes would.
    const dbs = [0, 1, 2].map(() =>
      dialect === 'sqlite'
        ? t().db
        : connect(t().config, { schema: t().schema ?? undefined, poolSize: 3 }),
    );
    try {
      const runners = dbs.map((db) => {
        const { transactor, ...r } = createRepositories(db);
        return new JobRunner(
          { repos: r, transactor, clock },
          { [kind]: handler },
          { concurrency: 3 },
        );
      });
      await Promise.all(runners.map((r) => r.drain()));
    } finally {
      if (dialect === 'postgres') await Promise.all(dbs.map((db) => db.close()));
    }
    expect([...ran].sort((a, b) => a - b)).toEqual(ids);
    const jobs = await repos.jobs.list({ kind, limit: 100 });
    expect(
      jobs.every((j) => j.status === 'done' && j.attempts === 1 && j.leaseOwner === null),
    ).toBe(true);
  });

  it('retries a failing job with a doubling wait, then fails it with the reason on its last attempt', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'always-fails';
    const id = await repos.jobs.enqueue(
      { kind, payload: {}, maxAttempts: 3 },
      clock.now().toISOString(),
    );
    const failed: string[] = [];
    const retrying: string[] = [];
    const runner = new JobRunner(
      deps,
      {
        [kind]: {
          run: async () => {
            throw new Error('the disk is full');
          },
          onFailed: async (_job, reason) => void failed.push(reason),
          onRetrying: async (_job, reason) => void retrying.push(reason),
        },
      },
      { backoffMs: (n) => 1000 * 2 ** (n - 1) },
    );
    await runner.drain();
    let job = await repos.jobs.find(id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'the disk is full' });
    expect(job?.runAfter).toBe('2026-06-01T12:00:01.000Z');

    await runner.drain(); // not yet due: nothing happens
    expect((await repos.jobs.find(id))?.attempts).toBe(1);

    clock.set('2026-06-01T12:00:01.000Z');
    await runner.drain();
    job = await repos.jobs.find(id);
    expect(job).toMatchObject({ status: 'queued', attempts: 2 });
    expect(job?.runAfter).toBe('2026-06-01T12:00:03.000Z');

    clock.set('2026-06-01T12:00:03.000Z');
    await runner.drain();
    job = await repos.jobs.find(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'the disk is full' });
    expect(job?.finishedAt).toBe('2026-06-01T12:00:03.000Z');
    expect(retrying).toHaveLength(2);
    expect(failed).toEqual(['the disk is full']);
  });

  it('fails a job at once when its handler says another attempt cannot help', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'permanent';
    const id = await repos.jobs.enqueue({ kind, payload: {} }, clock.now().toISOString());
    const runner = new JobRunner(deps, {
      [kind]: {
        run: async () => {
          throw new PermanentJobError('The PDF is protected by a password.');
        },
      },
    });
    await runner.drain();
    expect(await repos.jobs.find(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'The PDF is protected by a password.',
    });
  });

  it('writes a job’s results in the transaction that completes it, and none when it fails', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'writes';
    const ok = await repos.jobs.enqueue({ kind, payload: { ok: true } }, clock.now().toISOString());
    const bad = await repos.jobs.enqueue(
      { kind, payload: { ok: false }, maxAttempts: 1 },
      clock.now().toISOString(),
    );
    const runner = new JobRunner(deps, {
      [kind]: {
        run: async (job) => async (tx) => {
          const { ok } = JSON.parse(job.payload) as { ok: boolean };
          await repos.settings.set(`job-${job.id}`, { wrote: true }, clock.now().toISOString(), tx);
          if (!ok) throw new Error('failed halfway through writing');
        },
      },
    });
    await runner.drain();
    expect(await repos.settings.get(`job-${ok}`)).toEqual({ wrote: true });
    expect(await repos.settings.get(`job-${bad}`)).toBeUndefined();
    expect(await repos.jobs.find(bad)).toMatchObject({
      status: 'failed',
      lastError: 'failed halfway through writing',
    });
  });

  it('takes over a job whose worker died once its lease expires, and fails it cleanly on its last attempt', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'resumable';
    const at = clock.now().toISOString();
    const resumable = await repos.jobs.enqueue({ kind, payload: {}, maxAttempts: 3 }, at);
    const lastTry = await repos.jobs.enqueue({ kind, payload: {}, maxAttempts: 1 }, at);
    // A worker leases both and dies without a word.
    const leaseUntil = '2026-06-01T12:01:00.000Z';
    expect(await repos.jobs.lease('dead-worker', at, leaseUntil, [kind])).toMatchObject({ kind });
    expect(await repos.jobs.lease('dead-worker', at, leaseUntil, [kind])).toMatchObject({ kind });
    const failedReasons: string[] = [];
    const runner = new JobRunner(deps, {
      [kind]: {
        run: async () => undefined,
        onFailed: async (_job, reason) => void failedReasons.push(reason),
      },
    });
    await runner.drain();
    expect((await repos.jobs.find(resumable))?.status).toBe('running'); // the lease still holds

    clock.set('2026-06-01T12:01:00.001Z');
    await runner.drain();
    expect(await repos.jobs.find(resumable)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await repos.jobs.find(lastTry)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await repos.jobs.find(lastTry))?.lastError).toMatch(/stopped before finishing/);
    expect(failedReasons).toHaveLength(1);
  });

  it('lands nothing from a worker whose lease another worker took over', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'slow';
    const id = await repos.jobs.enqueue({ kind, payload: {} }, clock.now().toISOString());
    let release: () => void = () => {};
    const runner = new JobRunner(
      deps,
      {
        [kind]: {
          run: () =>
            new Promise((resolve) => {
              release = () =>
                resolve(async (tx) => {
                  await repos.settings.set('slow-wrote', true, clock.now().toISOString(), tx);
                });
            }),
        },
      },
      { leaseMs: 60_000 },
    );
    const draining = runner.drain();
    await delay(50);
    // The lease runs out while the worker is stuck, and someone else takes the job.
    clock.set('2026-06-01T12:05:00.000Z');
    const stolen = await repos.jobs.lease(
      'other-worker',
      clock.now().toISOString(),
      '2026-06-01T12:06:00.000Z',
      [kind],
    );
    expect(stolen?.id).toBe(id);
    release();
    await draining;
    expect(await repos.settings.get('slow-wrote')).toBeUndefined();
    expect(await repos.jobs.find(id)).toMatchObject({
      status: 'running',
      leaseOwner: 'other-worker',
    });
  });

  it('queues a failed job again with fresh attempts on request, and refuses a live one', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'retry-me';
    const id = await repos.jobs.enqueue(
      { kind, payload: {}, maxAttempts: 1 },
      clock.now().toISOString(),
    );
    let calls = 0;
    const requeued: number[] = [];
    const handlers = {
      [kind]: {
        run: async () => {
          calls++;
          if (calls === 1) throw new Error('first time unlucky');
          return undefined;
        },
        onRequeued: async (job: { id: number }) => void requeued.push(job.id),
      },
    };
    const runner = new JobRunner(deps, handlers);
    await runner.drain();
    expect((await repos.jobs.find(id))?.status).toBe('failed');
    const again = await requeueJob(deps, handlers, id);
    expect(again).toMatchObject({ status: 'queued', attempts: 0 });
    expect(requeued).toEqual([id]);
    await expect(requeueJob(deps, handlers, id)).rejects.toThrow(/only a failed or done job/);
    await runner.drain();
    expect(await repos.jobs.find(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('hands a job cut short by a shutdown back to the queue without counting the attempt', async () => {
    const { clock, repos, deps } = setup();
    const kind = 'cut-short';
    const id = await repos.jobs.enqueue({ kind, payload: {} }, clock.now().toISOString());
    let cut: () => void = () => {};
    const runner = new JobRunner(
      deps,
      {
        [kind]: {
          run: () =>
            new Promise((_resolve, reject) => {
              cut = () => reject(new Error('The PDF sandbox was closed'));
            }),
        },
      },
      { pollMs: 10 },
    );
    runner.start();
    for (let i = 0; i < 200 && (await repos.jobs.find(id))?.status !== 'running'; i++)
      await delay(10);
    await runner.stop({ graceMs: 50, interrupt: async () => cut() });
    expect(await repos.jobs.find(id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      leaseOwner: null,
      lastError: null,
    });
  });

  it('keeps a single fixity schedule however many servers start', async () => {
    const { repos, deps } = setup();
    const first = await scheduleFixity(deps);
    const second = await scheduleFixity(deps);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const live = (await repos.jobs.list({ kind: FIXITY_JOB })).filter((j) => j.status === 'queued');
    expect(live).toHaveLength(1);
    expect(live[0]?.runAfter).toBe('2026-06-02T12:00:00.000Z');
  });
});
