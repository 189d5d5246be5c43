import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { cliActor } from '../../src/core/actor.ts';
import { importWxr } from '../../src/features/import/import-wxr.ts';
import { DEFAULT_WXR_MAPPING, wxrMappingSchema } from '../../src/features/import/wxr-mapping.ts';
import { WxrFormatError } from '../../src/features/import/wxr-reader.ts';
import { IMAGE_VARIANTS_JOB } from '../../src/features/publishing/files/attach-file.ts';
import { PUBLISH_SCHEDULED_JOB } from '../../src/features/publishing/workflow.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';
import { sharedAvailable, WXR_CORPUS } from './shared-corpus.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const corpus = (name: string) => join(WXR_CORPUS, name);
const haveCorpus = sharedAvailable(WXR_CORPUS);

const run = (
  ctx: WiredContext,
  file: string,
  more: Partial<Parameters<typeof importWxr>[1]> = {},
) =>
  importWxr(ctx, { file, mapping: DEFAULT_WXR_MAPPING, dryRun: false, actor: cliActor(), ...more });

async function tableCount(
  ctx: WiredContext,
  table: 'publications' | 'people' | 'topics' | 'redirects' | 'importSources' | 'attachments',
) {
  const row = await ctx.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('WordPress import: the theme unit test data', (db) => {
  it.skipIf(!haveCorpus)(
    'imports every post and page, and skips menus with a reason',
    async () => {
      const ctx = await testContext(db());
      const dry = await run(ctx, corpus('theme-unit-test-data.xml'), { dryRun: true });
      expect(await tableCount(ctx, 'publications')).toBe(0);
      const summary = await run(ctx, corpus('theme-unit-test-data.xml'));
      // The dry run foretold exactly what the import did.
      expect(dry.counts).toEqual(summary.counts);
      expect(dry.skipped).toEqual(summary.skipped);
      // 186 items: 58 posts (56 published, 1 scheduled, 1 draft), 21 pages, 37 attachments, 70 menu items.
      expect(summary.counts.publications).toEqual({ created: 79, updated: 0, unchanged: 0 });
      expect(await tableCount(ctx, 'publications')).toBe(79);
      const skipped = Object.fromEntries(summary.skipped.map((s) => [s.reason, s.count]));
      expect(skipped['post type "nav_menu_item" is not mapped']).toBe(70);
      expect(skipped['no --uploads folder given']).toBe(33);
      // 2 authors, plus one creator the export does not list among its authors.
      expect(summary.counts.people?.created).toBe(3);
      expect(await tableCount(ctx, 'people')).toBe(3);
      // Published posts and pages keep their old permalinks as redirects; the one protected by a
      // password comes in as a draft needing attention, so it gets none.
      expect(summary.counts.redirects?.created).toBe(76);
      expect(await tableCount(ctx, 'redirects')).toBe(76);
      expect(summary.needsAttention.map((a) => a.items)).toEqual([
        [
          'post 1168 “Template: Password Protected (the password is "enter")” → /articles/template-password-protected/',
        ],
      ]);
      const redirect = await ctx.repos.redirects.find(
        '/2013/01/11/markup-html-tags-and-formatting/',
      );
      expect(redirect?.toPath).toBe('/articles/markup-html-tags-and-formatting/');
      const topics = await tableCount(ctx, 'topics');
      expect(topics).toBe(summary.counts.topics?.created);
      expect(topics).toBeGreaterThan(100);

      // The one "future" post is scheduled, with the job that will publish it.
      const scheduled = await ctx.repos.jobs.list({ kind: PUBLISH_SCHEDULED_JOB });
      expect(scheduled).toHaveLength(1);
      const future = await ctx.repos.publications.findById(
        JSON.parse(scheduled[0]?.payload ?? '{}').publicationId,
      );
      expect(future?.status).toBe('scheduled');

      const audit = await ctx.repos.audit.list({ action: 'import.run' });
      expect(audit).toHaveLength(1);
      expect((await ctx.repos.audit.list({ action: 'publication.create' })).length).toBe(79);
    },
    120_000,
  );

  it.skipIf(!haveCorpus)(
    'updates on a second run and never duplicates',
    async () => {
      const ctx = await testContext(db());
      const before = await tableCount(ctx, 'publications');
      const summary = await run(ctx, corpus('theme-unit-test-data.xml'));
      expect(summary.counts.publications).toEqual({ created: 0, updated: 0, unchanged: 79 });
      expect(summary.counts.redirects).toEqual({ created: 0, updated: 0, unchanged: 76 });
      expect(await tableCount(ctx, 'publications')).toBe(before);
      expect(await tableCount(ctx, 'people')).toBe(3);
    },
    120_000,
  );

  it.skipIf(!haveCorpus)(
    'refuses the malformed file with its line, and writes nothing',
    async () => {
      const ctx = await testContext(db());
      const before = await tableCount(ctx, 'importSources');
      const error = await run(ctx, corpus('malformed-simple.xml')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WxrFormatError);
      expect((error as WxrFormatError).line).toBe(14);
      expect((error as WxrFormatError).message).toMatch(/unclosed tag: item/);
      expect(await tableCount(ctx, 'importSources')).toBe(before);
    },
  );

  it.skipIf(!haveCorpus)(
    'reads the other corpus files: 1.1 and 1.2, multi-line authors, CDATA edges',
    async () => {
      const ctx = await testContext(db());
      const small = await run(ctx, corpus('small-export.xml'));
      // 5 published posts, 1 private post (a draft here), 4 published pages and 1 draft page.
      expect(small.counts.publications?.created).toBe(11);
      const multiline = await run(ctx, corpus('authors-multiline.xml'));
      expect(multiline.counts.publications?.created).toBe(1);
      const edge = await run(ctx, corpus('cdata-edge.xml'));
      expect(edge.counts.publications?.created).toBe(1);
      const [piece] = await ctx.repos.publications.findAllBySlug('edge');
      expect((await ctx.repos.publications.findById(piece?.id ?? 0))?.body).toBe(
        'ends with sequence \\]\\] >',
      );
    },
  );
});

describeEachDatabase('WordPress import: content, files and dry runs', (db) => {
  const file = join(FIXTURES, 'footnotes-and-media.xml');
  const uploads = join(FIXTURES, 'wxr-uploads');

  it('changes nothing in a dry run, yet says what it would do', async () => {
    const ctx = await testContext(db());
    const summary = await run(ctx, file, { uploads, dryRun: true });
    expect(summary.counts.publications?.created).toBe(2);
    expect(summary.counts.files?.created).toBe(1);
    expect(await tableCount(ctx, 'publications')).toBe(0);
    expect(await tableCount(ctx, 'people')).toBe(0);
    expect(await tableCount(ctx, 'importSources')).toBe(0);
  });

  it('keeps footnotes, headings, lists, quotes, links and images as Markdown', async () => {
    const ctx = await testContext(db());
    await run(ctx, file, { uploads });
    const section = await ctx.repos.sections.findBySlug('articles');
    const piece = await ctx.repos.publications.findBySlug(
      section?.id ?? 0,
      'flooding-at-kyo-hwa-so-no-12',
    );
    expect(piece?.status).toBe('published');
    expect(piece?.publishedAt).toBe('2016-09-16T13:00:00.000Z');
    expect(piece?.summary).toBe('How badly the floods hit the camp.');
    expect(piece?.body).toContain('Satellite imagery shows the flood.[^1]');
    expect(piece?.body).toContain('## What the images show');
    expect(piece?.body).toMatch(/^- {1,3}Damaged walls$/m);
    expect(piece?.body).toContain('> The facility holds thousands of prisoners.');
    // The image is the stored copy in the publication's own folder, not the old site's.
    expect(piece?.body).toContain(
      '![The camp from above](/articles/flooding-at-kyo-hwa-so-no-12/camp.png)',
    );
    expect(piece?.bodyHtml).toContain(
      '<img src="/articles/flooding-at-kyo-hwa-so-no-12/camp.png" alt="The camp from above">',
    );
    expect(piece?.body).toContain('[analysis at 38 North](https://www.38north.org/)');
    expect(piece?.body).toContain('[^1]: AllSource Analysis, imagery of September 2016.');
    expect(piece?.bodyHtml).toContain('footnote');
    const people = await ctx.repos.people.findByIds(
      piece?.contributions.map((c) => c.personId) ?? [],
    );
    expect(people.map((p) => [p.name, p.sortName])).toEqual([['Roberta Cohen', 'Cohen, Roberta']]);
    const topics = await ctx.repos.topics.findByIds(piece?.topicIds ?? []);
    expect(topics.map((t) => t.name).sort()).toEqual([
      'Commission of Inquiry',
      'Satellite Imagery',
    ]);

    // Saved through the archive's own services, the published piece is in search at once; the draft never is.
    const hits = async (q: string) =>
      (await searchArchive(ctx, { q, pageSize: 10 })).hits.map((h) => h.publicationId);
    expect(await hits('flooded fields')).toEqual([piece?.id]);
    expect(await hits('pending check')).toEqual([]);

    const [draft] = await ctx.repos.publications.findAllBySlug('a-draft-with-a-block-footnote');
    const full = await ctx.repos.publications.findById(draft?.id ?? 0);
    expect(full?.status).toBe('draft');
    expect(full?.body).toBe('Pending a check.[^1]\n\n[^1]: A note from the *block editor*.');
    // A draft's old address (?p=12) is not a path, and a draft gets no redirect anyway.
    expect(
      await ctx.repos.redirects.find('/2016/09/16/flooding-at-kyo-hwa-so-no-12/'),
    ).toMatchObject({
      toPath: '/articles/flooding-at-kyo-hwa-so-no-12/',
    });
  });

  it('stores attachments from the uploads folder through the ingest path, with their alt text', async () => {
    const ctx = await testContext(db());
    const [piece] = await ctx.repos.publications.findAllBySlug('flooding-at-kyo-hwa-so-no-12');
    const attachments = await ctx.repos.files.attachmentsOf([piece?.id ?? 0]);
    expect(attachments.map((a) => [a.fileName, a.role, a.altText, a.caption])).toEqual([
      ['camp.png', 'image', 'The camp from above', 'The camp on September 10'],
    ]);
    const jobs = await ctx.repos.jobs.list({ kind: IMAGE_VARIANTS_JOB });
    expect(jobs.map((j) => JSON.parse(j.payload).storedFileId)).toContain(
      attachments[0]?.storedFileId,
    );
  });

  it('runs again without a second copy of anything, and picks up a changed mapping', async () => {
    const ctx = await testContext(db());
    const before = await tableCount(ctx, 'attachments');
    const again = await run(ctx, file, { uploads });
    expect(again.counts.publications).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.counts.files).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await tableCount(ctx, 'attachments')).toBe(before);
    const mapping = wxrMappingSchema.parse({ tags: 'ignore' });
    const changed = await run(ctx, file, { uploads, mapping });
    expect(changed.counts.publications).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const [piece] = await ctx.repos.publications.findAllBySlug('flooding-at-kyo-hwa-so-no-12');
    const full = await ctx.repos.publications.findById(piece?.id ?? 0);
    expect(full?.version).toBe(2);
    expect(full?.topicIds).toHaveLength(1);
  });
});

describe('WordPress import: refusals', () => {
  it('names a file that is not WXR', async () => {
    const { readWxr } = await import('../../src/features/import/wxr-reader.ts');
    const notWxr = (async function* () {
      yield '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title><item><title>y</title></item></channel></rss>';
    })();
    await expect(readWxr(notWxr, () => {})).rejects.toThrow(/line 2: wp:wxr_version is missing/);
  });
});
