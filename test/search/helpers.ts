import type { AppContext } from '../../src/core/app-context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import type { Clock } from '../../src/core/ports.ts';
import type { PublicationInput } from '../../src/core/schemas.ts';
import { updatePublication } from '../../src/features/publishing/save-publication.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import type { TestDatabase } from '../support/databases.ts';
import { attachBytes, buildSection, testContext } from '../support/factories.ts';

/** The moments the visibility suites share: the clock's now, a date long past, an embargo's end
 * and a scheduled moment still ahead of it. */
export const NOW = '2026-06-01T12:00:00.000Z';
export const PAST = '2020-01-01T00:00:00.000Z';
export const EMBARGO_ENDS = '2026-07-01T00:00:00.000Z';
export const SCHEDULED_FOR = '2026-08-01T00:00:00.000Z';

/** A fresh archive on `clock` with one section for the suite's pieces, and the app serving it. */
export async function archiveWithSection(t: TestDatabase, clock: Clock) {
  const ctx = await testContext(t, clock);
  return { ctx, app: createApp(ctx), sectionId: (await buildSection(ctx)).id };
}

/** Saves a publication with some fields changed, through the editor's service. */
export async function edit(
  ctx: AppContext,
  p: PublicationRecord,
  changes: Partial<PublicationInput>,
): Promise<PublicationRecord> {
  const input: PublicationInput = {
    sectionId: p.sectionId,
    slug: p.slug,
    type: p.type,
    title: p.title,
    subtitle: p.subtitle,
    summary: p.summary,
    body: p.body,
    language: p.language,
    status: p.status,
    publishedAt: p.publishedAt,
    embargoUntil: p.embargoUntil,
    contributions: p.contributions.map(({ position: _, ...c }) => c),
    topicIds: p.topicIds,
    placeIds: p.placeIds,
    ...changes,
  };
  return updatePublication(ctx, p.id, p.version, input, SYSTEM_ACTOR);
}

/** Gives a stored file page text as the extraction job does, announcing it in the same write. */
export async function deliverPages(
  ctx: AppContext,
  storedFileId: number,
  pages: string[],
): Promise<void> {
  await ctx.transactor.transaction(async (tx) => {
    await ctx.repos.files.replacePages(storedFileId, pages, tx);
    await ctx.changes.storedFileChanged(storedFileId, tx);
  });
}

/**
 * Attaches a small PDF as a publication's main file, its text still to come (deliverPages).
 * Its bytes carry the file name: files with the same bytes are one stored file, sharing pages.
 */
export async function attachPdf(ctx: AppContext, publicationId: number, fileName: string) {
  const bytes = await writeTextPdf({ title: fileName, author: 'y', language: 'en', pages: ['a'] });
  const { file } = await attachBytes(ctx, bytes, { publicationId, fileName, role: 'main-pdf' });
  return file;
}
