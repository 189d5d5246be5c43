import { demoArchive } from '../../src/cli/demo/demo-archive.data.ts';
import { loadDemo } from '../../src/cli/demo/load-demo.ts';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { ContextOptions, WiredContext } from '../../src/context.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Clock } from '../../src/core/ports.ts';
import { updatePerson } from '../../src/features/entities/update-entities.ts';
import { SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from './actors.ts';
import type { TestDatabase } from './databases.ts';
import { editPublication, fixedClock, testContext } from './factories.ts';

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
  options: { extract?: boolean } & Pick<ContextOptions, 'renderCache'> = {},
): Promise<WiredContext> {
  const clock = typeof now === 'string' ? fixedClock(now) : now;
  const ctx = await testContext(t, clock, publicUrl, { renderCache: options.renderCache });
  await loadDemo(ctx, demoArchive, SYSTEM_ACTOR);
  // The demo's illustrative scenes show only once their tiles are made, as behind `npm start`.
  await createJobRunner(ctx, { kinds: [SCENE_PREPARE_JOB] }).drain();
  if (options.extract) {
    await createJobRunner(ctx).drain();
    await ctx.pdf.close();
  }
  if (options.renderCache) {
    // The render cache checks the menu a moment after the last change and drops every page if
    // it changed: let that happen now, not during a test's first request.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return ctx;
}

/** The demo archive, as `demoContext` makes it, and the app that serves it. */
export async function demoApp(...args: Parameters<typeof demoContext>) {
  const ctx = await demoContext(...args);
  return { ctx, app: createApp(ctx) };
}

/** Gives a person of the demo archive another name, as an editor would (their roles dropped). */
export async function renamePerson(ctx: AppContext, slug: string, name: string, sortName?: string) {
  const person = (await ctx.repos.people.findBySlug(slug))!;
  await updatePerson(
    ctx,
    person.id,
    { ...person, name, sortName: sortName ?? person.sortName, roles: [] },
    SYSTEM_ACTOR,
  );
}

/** Two public pieces of the demo archive: an article with a PDF, and a report on a flooded camp. */
export const DIALOGUE = '/articles/a-human-rights-dialogue-with-north-korea-real-or-illusory/';
export const FLOOD = '/reports/north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri/';

/** A page of every public type in the demo archive, and one that does not exist. */
export const DEMO_PAGE_TYPES = [
  '/',
  '/articles/',
  DIALOGUE,
  FLOOD,
  '/people/',
  '/people/roberta-cohen/',
  '/topics/',
  '/topics/commission-of-inquiry/',
  '/places/',
  '/places/kyo-hwa-so-no-12/',
  '/years/',
  '/years/2016/',
  '/no-such-page/',
];

/** The publication at a public path such as `/reports/{slug}/`, whatever its status. */
export async function publicationAt(ctx: WiredContext, path: string) {
  const [, sectionSlug, slug] = path.split('/');
  const section = await ctx.repos.sections.findBySlug(sectionSlug!);
  return (await ctx.repos.publications.findBySlug(section!.id, slug!))!;
}

/**
 * Saves changes to the publication at a public path, as an editor would, and returns the
 * publication as it was before them.
 */
export async function editPublicationAt(
  ctx: WiredContext,
  path: string,
  changes: Partial<Awaited<ReturnType<typeof publicationAt>>>,
) {
  const before = await publicationAt(ctx, path);
  await editPublication(ctx, before.id, changes);
  return before;
}
