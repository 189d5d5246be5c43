import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { FIXITY_JOB, scheduleFixity } from '../../src/features/publishing/jobs/fixity-job.ts';
import { LocalFileStore } from '../../src/infra/files/local-file-store.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { fixedClock, testContext } from '../support/factories.ts';

describeEachDatabase('the scheduled fixity check', (t) => {
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  let ctx: WiredContext;
  beforeAll(async () => {
    ctx = await testContext(t(), clock);
  });
  afterAll(() => ctx.pdf.close());

  it('runs when due, records its result in the audit trail and schedules the next one', async () => {
    const blob = await ctx.files.put(
      (async function* () {
        yield await writeTextPdf({ title: 'Evidence', pages: ['kept for decades'] });
      })(),
    );
    const file = await ctx.repos.files.ensureStoredFile(blob, clock.now().toISOString());
    await scheduleFixity(ctx);
    const runner = createJobRunner(ctx, { kinds: [FIXITY_JOB] });
    await runner.drain();
    expect(await ctx.repos.audit.list({ action: 'fixity.ok' })).toEqual([]);

    clock.set('2026-06-02T12:00:00.000Z');
    await runner.drain();
    const [ok] = await ctx.repos.audit.list({ action: 'fixity.ok' });
    expect(ok).toMatchObject({ actorLabel: 'scheduled fixity check', subjectType: 'storage' });
    expect(ok?.detail).toMatchObject({ checked: 1, ok: 1, missing: 0, changed: 0 });
    const next = (await ctx.repos.jobs.list({ kind: FIXITY_JOB, status: 'queued' }))[0];
    expect(next?.runAfter).toBe('2026-06-03T12:00:00.000Z');

    writeFileSync(new LocalFileStore(ctx.config.filesDir).pathOf(file.sha256), 'bit rot');
    clock.set('2026-06-03T12:00:00.000Z');
    await runner.drain();
    const [problems] = await ctx.repos.audit.list({ action: 'fixity.problems' });
    expect(problems?.detail).toMatchObject({
      changed: 1,
      problems: [{ storedFileId: file.id, sha256: file.sha256, problem: 'changed' }],
    });
  });
});
