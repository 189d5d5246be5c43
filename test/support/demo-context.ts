import { demoArchive } from '../../src/cli/demo/demo-archive.data.ts';
import { loadDemo } from '../../src/cli/demo/load-demo.ts';
import type { AppContext } from '../../src/context.ts';
import { SYSTEM_ACTOR } from '../../src/core/actor.ts';
import type { Clock } from '../../src/core/ports.ts';
import { updatePublication } from '../../src/features/publishing/save-publication.ts';
import { createJobRunner } from '../../src/infra/jobs/job-runners.ts';
import type { TestDatabase } from './databases.ts';
import { fixedClock, testContext } from './factories.ts';

/**
 * A context on a fresh database holding the demo archive, its clock fixed in 2026. With
 * `extract`, the demo's PDFs also go through the real extraction jobs (page text, page counts),
 * as they do behind `npm start`.
 */
export async function demoContext(
  t: TestDatabase,
  /** The fixed moment, or a clock the test moves itself. */
  now: string | Clock = '2026-06-01T12:00:00.000Z',
  publicUrl?: string,
  options: { extract?: boolean } = {},
): Promise<AppContext> {
  const clock = typeof now === 'string' ? fixedClock(now) : now;
  const ctx = await testContext(t, clock, publicUrl);
  await loadDemo(ctx, demoArchive, SYSTEM_ACTOR);
  if (options.extract) {
    await createJobRunner(ctx).drain();
    await ctx.pdf.close();
  }
  return ctx;
}

/** The publication at a public path such as `/reports/{slug}/`, whatever its status. */
export async function publicationAt(ctx: AppContext, path: string) {
  const [, sectionSlug, slug] = path.split('/');
  const section = await ctx.repos.sections.findBySlug(sectionSlug!);
  return (await ctx.repos.publications.findBySlug(section!.id, slug!))!;
}

/**
 * Saves changes to the publication at a public path, as an editor would, and returns the
 * publication as it was before them.
 */
export async function editPublicationAt(
  ctx: AppContext,
  path: string,
  changes: Partial<Awaited<ReturnType<typeof publicationAt>>>,
) {
  const before = await publicationAt(ctx, path);
  await updatePublication(ctx, before.id, before.version, { ...before, ...changes }, SYSTEM_ACTOR);
  return before;
}
