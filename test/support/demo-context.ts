import type { AppContext } from '../../src/context.ts';
import { demoArchive } from '../../src/demo/demo-archive.data.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createJobRunner } from '../../src/jobs/job-runners.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import type { TestDatabase } from './databases.ts';
import { fixedClock, testContext } from './factories.ts';

/**
 * A context on a fresh database holding the demo archive, its clock fixed in 2026. With
 * `extract`, the demo's PDFs also go through the real extraction jobs (page text, page counts),
 * as they do behind `npm start`.
 */
export async function demoContext(
  t: TestDatabase,
  now = '2026-06-01T12:00:00.000Z',
  publicUrl?: string,
  options: { extract?: boolean } = {},
): Promise<AppContext> {
  const ctx = await testContext(t, fixedClock(now), publicUrl);
  await loadDemo(ctx, demoArchive, SYSTEM_ACTOR);
  if (options.extract) {
    await createJobRunner(ctx).drain();
    await ctx.pdf.close();
  }
  return ctx;
}
