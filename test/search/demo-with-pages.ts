import { demoArchive } from '../../src/cli/demo/demo-archive.data.ts';
import type { DemoArchive } from '../../src/cli/demo/demo-archive.ts';
import { loadDemo } from '../../src/cli/demo/load-demo.ts';
import type { WiredContext } from '../../src/context.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';

/**
 * Loads the demo archive, then delivers each demo PDF's page text the way the extraction job
 * does: pages written and `storedFileChanged` announced in one transaction. (The demo's PDFs
 * carry exactly these texts; the tests do not wait for a PDF parser.)
 */
export async function loadDemoWithPages(
  ctx: WiredContext,
  archive: DemoArchive = demoArchive,
): Promise<void> {
  await loadDemo(ctx, archive, SYSTEM_ACTOR);
  for (const p of archive.publications) {
    if (!p.pdf) continue;
    const pubs = await ctx.db.kysely
      .selectFrom('publications')
      .select('id')
      .where('slug', '=', p.slug)
      .execute();
    const attachments = await ctx.repos.files.attachmentsOf(pubs.map((x) => x.id));
    const pages = p.pdf.pages;
    for (const a of attachments.filter((x) => x.fileName === p.pdf?.fileName)) {
      await ctx.transactor.transaction(async (tx) => {
        await ctx.repos.files.replacePages(a.storedFileId, pages, tx);
        await ctx.repos.files.updateStoredFile(
          a.storedFileId,
          { pageCount: pages.length, extractionStatus: 'done' },
          tx,
        );
        await ctx.changes.storedFileChanged(a.storedFileId, tx);
      });
    }
  }
}
