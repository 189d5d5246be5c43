import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { demoArchive } from '../../src/cli/demo/demo-archive.data.ts';
import type { WiredContext } from '../../src/context.ts';
import { cliActor } from '../../src/core/actor.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { parseHtmlProfile } from '../../src/features/import/html-profile.ts';
import { importHtmlSite } from '../../src/features/import/import-html.ts';
import { PDF_EXTRACT_JOB } from '../../src/features/publishing/files/attach-file.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';
import { SEED_PAGE, sharedAvailable } from './shared-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const profile = parseHtmlProfile(
  JSON.parse(readFileSync(join(ROOT, 'profiles/seed-listing.json'), 'utf8')),
);
const haveSeed = sharedAvailable(SEED_PAGE);

/** Imports the saved site at `path` with the seed-listing profile, from the command line. */
const importSite = (ctx: WiredContext, path: string, dryRun = false) =>
  importHtmlSite(ctx, { path, profile, dryRun, actor: cliActor() });

async function inSection(ctx: WiredContext, section: string): Promise<PublicationRecord[]> {
  const s = await ctx.repos.sections.findBySlug(section);
  const rows = await ctx.db.kysely
    .selectFrom('publications')
    .select('id')
    .where('sectionId', '=', s?.id ?? 0)
    .orderBy('publishedAt', 'desc')
    .execute();
  const out: PublicationRecord[] = [];
  for (const r of rows) {
    const p = await ctx.repos.publications.findById(r.id);
    if (p) out.push(p);
  }
  return out;
}

async function byline(ctx: WiredContext, p: PublicationRecord) {
  const people = await ctx.repos.people.findByIds(p.contributions.map((c) => c.personId));
  return p.contributions.map((c) => ({
    name: people.find((x) => x.id === c.personId)?.name,
    affiliation: c.affiliationLabel,
    credit: c.credit,
  }));
}

describeEachDatabase('HTML site import with the seed-listing profile', (db) => {
  let site = '';

  it('reads listing pages, follows "next", drops the disclaimer and reads detail pages', async () => {
    site = mkdtempSync(join(tmpdir(), 'dossier-site-'));
    cpSync(join(ROOT, 'test/fixtures/import/site'), site, { recursive: true });
    mkdirSync(join(site, 'files'));
    writeFileSync(
      join(site, 'files/gershman-2016.pdf'),
      await writeTextPdf({
        title: 'Why Human Rights Must Come First',
        pages: ['Carl Gershman\n\nFeb 19, 2016'],
      }),
    );
    const ctx = await testContext(db());
    const summary = await importSite(ctx, site);
    expect(summary.counts.publications).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(summary.skipped).toEqual([
      {
        reason: 'PDF not saved beside the pages',
        count: 1,
        examples: ['Must UN Agencies Also Fail in North Korea?: files/missing.pdf'],
      },
    ]);
    const articles = await inSection(ctx, 'articles');
    expect(articles.map((p) => p.title)).toEqual([
      'North Korea: Why Human Rights Must Come First',
      'Empty marching in Korea',
      'Must UN Agencies Also Fail in North Korea?',
      'A Human Rights Dialogue with North Korea: Real or Illusory?',
    ]);
    const [first, second] = articles;
    expect(first?.publishedAt).toBe('2016-02-19T00:00:00.000Z');
    expect(first?.summary).toBe(
      'The second anniversary of the Commission of Inquiry report came soon after a rocket launch.',
    );
    expect(first?.body).toContain('## Two components');
    expect(first?.body).toContain('1.  Contain the regime.');
    expect(first?.body).toContain('> In the end, democracy');
    expect(first?.body).not.toContain('views expressed');
    expect(second?.externalUrl).toBe('https://example.org/empty-marching');
    const files = await ctx.repos.files.attachmentsOf([first?.id ?? 0]);
    expect(files.map((f) => [f.fileName, f.role])).toEqual([['gershman-2016.pdf', 'main-pdf']]);
    const jobs = await ctx.repos.jobs.list({ kind: PDF_EXTRACT_JOB });
    expect(jobs.some((j) => JSON.parse(j.payload).storedFileId === files[0]?.storedFileId)).toBe(
      true,
    );

    const reports = await inSection(ctx, 'reports');
    expect(await byline(ctx, reports[0] as PublicationRecord)).toEqual([
      { name: 'David Hawk', affiliation: null, credit: 'primary' },
      { name: 'Amanda Mortwedt Oh', affiliation: null, credit: 'secondary' },
    ]);
    expect((await byline(ctx, reports[1] as PublicationRecord)).map((b) => b.name)).toEqual([
      'Joseph S. Bermudez Jr.',
      'Andy Dinville',
      'Mike Eley',
    ]);
  });

  it('recognizes the same person across entries, with the affiliation printed on each', async () => {
    const ctx = await testContext(db());
    const cohen = await ctx.repos.people.findBySlug('roberta-cohen');
    expect(cohen?.name).toBe('Roberta Cohen');
    const pieces = await ctx.repos.people.publicationIds(cohen?.id ?? 0);
    expect(pieces).toHaveLength(2);
    for (const id of pieces) {
      const p = await ctx.repos.publications.findById(id);
      expect(p?.contributions[0]?.affiliationLabel).toBe('HRNK Co-Chair');
    }
  });

  it('imports again without duplicates, and a dry run writes nothing', async () => {
    const ctx = await testContext(db());
    const dry = await importSite(ctx, site, true);
    expect(dry.counts.publications).toEqual({ created: 0, updated: 0, unchanged: 6 });
    const again = await importSite(ctx, site);
    expect(again.counts.publications).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(again.counts.files).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await ctx.repos.publications.count()).toBe(6);
    expect(await ctx.repos.audit.list({ action: 'import.run' })).toHaveLength(2);
  });
});

describeEachDatabase('The plain-text seed page against the demo archive', (db) => {
  /** The demo's public entries of the seed page: its two listings, in English, with a date. */
  const demoEntries = demoArchive.publications.filter(
    (p) =>
      (p.section === 'articles' || p.section === 'reports') &&
      p.language === 'en' &&
      p.status !== 'draft' &&
      p.publishedAt,
  );

  it.skipIf(!haveSeed)(
    'finds all 14 entries with the demo’s titles, dates, people and affiliations',
    async () => {
      expect(demoEntries).toHaveLength(14);
      const ctx = await testContext(db());
      const summary = await importSite(ctx, SEED_PAGE);
      expect(summary.counts.publications?.created).toBe(14);
      expect(summary.skipped).toEqual([]);
      const imported = [
        ...(await inSection(ctx, 'articles')),
        ...(await inSection(ctx, 'reports')),
      ];
      expect(imported).toHaveLength(14);
      for (const demo of demoEntries) {
        const day = `${demo.publishedAt}T00:00:00.000Z`;
        const section = await ctx.repos.sections.findBySlug(demo.section);
        const match = imported.find((p) => p.publishedAt === day && p.sectionId === section?.id);
        expect(match, demo.slug).toBeDefined();
        if (!match) continue;
        // The demo marks a title cut off on the page with "…"; the page itself prints no ellipsis.
        expect(match.title, demo.slug).toBe(demo.title.replace(/…$/, ''));
        const printed = demo.contributors
          .filter((c) => c.role !== 'interviewer')
          .map((c) => ({
            name: demoArchive.people.find((p) => p.slug === c.person)?.name,
            affiliation: c.affiliation ?? null,
            credit: c.credit ?? 'primary',
          }));
        expect(await byline(ctx, match), demo.slug).toEqual(printed);
      }
    },
  );

  it.skipIf(!haveSeed)('makes one person of each name, with the demo’s slugs', async () => {
    const ctx = await testContext(db());
    const people = await ctx.repos.people.list();
    const demoSlugs = new Set(demoArchive.people.map((p) => p.slug));
    expect(people.map((p) => p.slug).filter((s) => !demoSlugs.has(s))).toEqual([]);
    const count = async (slug: string) =>
      (await ctx.repos.people.publicationIds((await ctx.repos.people.findBySlug(slug))?.id ?? 0))
        .length;
    expect(await count('roberta-cohen')).toBe(6);
    expect(await count('carl-gershman')).toBe(3);
    expect(await count('joseph-s-bermudez-jr')).toBe(2);
    expect(await count('amanda-mortwedt-oh')).toBe(2);
    expect(await count('greg-scarlatoiu')).toBe(2);
  });

  it.skipIf(!haveSeed)(
    'keeps the untitled entry with a note, and the references as footnotes',
    async () => {
      const ctx = await testContext(db());
      const [untitled] = await ctx.repos.publications.findAllBySlug('untitled-2014-07-02');
      const full = await ctx.repos.publications.findById(untitled?.id ?? 0);
      expect(full?.title).toBe('Untitled — 2 July 2014');
      expect(full?.needsAttention).toMatch(/without a title/);
      const [dialogue] = await ctx.repos.publications.findAllBySlug(
        'a-human-rights-dialogue-with-north-korea-real-or-illusory',
      );
      const body = (await ctx.repos.publications.findById(dialogue?.id ?? 0))?.body ?? '';
      expect(body).toContain('[^17]: See Carl Gershman, Hearing before the Commission');
      expect(body).not.toContain('The views expressed');
      const [update] = await ctx.repos.publications.findAllBySlug(
        'north-korea-camp-no-25-update-2',
      );
      const summary = (await ctx.repos.publications.findById(update?.id ?? 0))?.summary ?? '';
      expect(summary.startsWith('As part of a joint undertaking')).toBe(true);
    },
  );
});
