import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { cliActor } from '../../src/core/actor.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { parseHtmlProfile } from '../../src/features/import/html-profile.ts';
import { importHtmlSite } from '../../src/features/import/import-html.ts';
import { entriesFailure, type ImportSummary } from '../../src/features/import/import-summary.ts';
import { PDF_EXTRACT_JOB } from '../../src/features/publishing/files/attach-file.ts';
import { detectLanguage } from '../../src/infra/pdf/detect-language.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase, type TestDatabase } from '../support/databases.ts';
import { editPublication, testContext } from '../support/factories.ts';
import {
  cardAndDetailSite,
  type GeneratedSite,
  koreanSite,
  pdf,
  seedLikeSite,
  wordpressLikeSite,
} from './generated-sites.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function profileOf(site: GeneratedSite) {
  const raw =
    typeof site.profile === 'string'
      ? JSON.parse(readFileSync(join(ROOT, site.profile), 'utf8'))
      : site.profile;
  return parseHtmlProfile(raw);
}

const run = (
  ctx: WiredContext,
  site: GeneratedSite,
  options: { dryRun?: boolean; overwrite?: boolean; profile?: unknown } = {},
) =>
  importHtmlSite(ctx, {
    path: site.dir,
    profile: options.profile ? parseHtmlProfile(options.profile) : profileOf(site),
    dryRun: options.dryRun ?? false,
    overwrite: options.overwrite,
    detectLanguage,
    actor: cliActor(),
  });

async function byTitle(ctx: WiredContext, title: string): Promise<PublicationRecord> {
  const row = await ctx.db.kysely
    .selectFrom('publications')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirst();
  const p = row ? await ctx.repos.publications.findById(row.id) : undefined;
  if (!p) throw new Error(`no publication titled ${title}`);
  return p;
}

/** Every entry of the ground truth, compared field by field with what the archive holds. */
async function expectTruth(ctx: WiredContext, site: GeneratedSite) {
  for (const t of site.truth) {
    const p = await byTitle(ctx, t.title);
    const section = await ctx.repos.sections.findBySlug(t.section);
    const at = t.title;
    expect(p.sectionId, at).toBe(section?.id);
    if (t.slug !== undefined) expect(p.slug, at).toBe(t.slug);
    expect(p.slug, at).not.toMatch(/^(item|person|\d{4})$/);
    if (t.subtitle !== undefined) expect(p.subtitle, at).toBe(t.subtitle);
    expect(p.publishedAt, at).toBe(t.publishedAt);
    expect(p.publishedPrecision, at).toBe(t.precision ?? 'day');
    expect(p.status, at).toBe(t.status);
    expect(p.language, at).toBe(t.language);
    expect(p.type, at).toBe(t.type);
    if (t.summary !== undefined) expect(p.summary, at).toBe(t.summary);
    for (const s of t.bodyHas) expect(p.body, at).toContain(s);
    for (const s of t.bodyLacks) expect(p.body, at).not.toContain(s);
    if (t.externalUrl !== undefined) expect(p.externalUrl, at).toBe(t.externalUrl);
    if (t.attention) expect(p.needsAttention, at).toMatch(t.attention);
    else expect(p.needsAttention, at).toBeNull();
    const files = await ctx.repos.files.attachmentsOf([p.id]);
    expect(
      files.map((f) => [f.fileName, f.role]),
      at,
    ).toEqual(t.files);
    if (t.authors) {
      const people = await ctx.repos.people.findByIds(p.contributions.map((c) => c.personId));
      expect(
        p.contributions.map((c) => ({
          name: people.find((x) => x.id === c.personId)?.name,
          credit: c.credit,
          affiliation: c.affiliationLabel,
        })),
        at,
      ).toEqual(t.authors);
    }
    if (t.topics) {
      const topics = await Promise.all(p.topicIds.map((id) => ctx.repos.topics.findById(id)));
      expect(topics.map((x) => x?.name).sort(), at).toEqual([...t.topics].sort());
    }
  }
}

function expectReport(summary: ImportSummary, site: GeneratedSite) {
  const imported = summary.entries.filter((e) => e.outcome === 'created');
  expect(imported.map((e) => e.title).sort()).toEqual(site.truth.map((t) => t.title).sort());
  const skipped = summary.entries.filter((e) => e.outcome === 'skipped');
  expect(skipped.map((e) => e.title)).toEqual(site.skipped.map((s) => s.title));
  for (const [i, e] of skipped.entries()) expect(e.reason).toMatch(site.skipped[i]?.reason ?? /./);
  expect(summary.counts.publications?.created ?? 0).toBe(site.truth.length);
}

function siteSuite(name: string, make: () => Promise<GeneratedSite>) {
  describeEachDatabase(`A generated ${name}, imported and compared with its ground truth`, (db) => {
    let site: GeneratedSite;

    it('imports every entry with every field as the site shows it', async () => {
      site = await make();
      made.push(site.dir);
      const ctx = await testContext(db());
      const dry = await run(ctx, site, { dryRun: true });
      expect(await ctx.repos.publications.count()).toBe(0);
      expect(dry.entries.map((e) => e.outcome)).toEqual(
        (await run(ctx, site, { dryRun: true })).entries.map((e) => e.outcome),
      );
      const summary = await run(ctx, site);
      expectReport(summary, site);
      expect(dry.entries.map((e) => [e.title, e.date, e.language, e.files])).toEqual(
        summary.entries.map((e) => [e.title, e.date, e.language, e.files]),
      );
      await expectTruth(ctx, site);
      expect(entriesFailure(summary) === null).toBe(site.skipped.length === 0);
    });

    it('imports again with every entry unchanged and nothing duplicated', async () => {
      const ctx = await testContext(db());
      const before = await ctx.repos.publications.count();
      const again = await run(ctx, site);
      expect(again.counts.publications).toEqual({
        created: 0,
        updated: 0,
        unchanged: site.truth.length,
      });
      expect(again.counts.files?.created ?? 0).toBe(0);
      expect(await ctx.repos.publications.count()).toBe(before);
    });
  });
}

siteSuite('seed-like listing', seedLikeSite);
siteSuite('card-and-detail site with three listing pages', cardAndDetailSite);
siteSuite('WordPress-theme-like site', wordpressLikeSite);
siteSuite('Korean-language site', koreanSite);

/** The example in docs/examples, made by hand (not by this suite), and what a reader lists. */
const EXAMPLE: GeneratedSite = {
  dir: join(ROOT, 'docs/examples/harbour-institute/site'),
  profile: 'docs/examples/harbour-institute/profile.json',
  skipped: [],
  truth: [
    {
      section: 'research',
      title: 'Coastal Fishing Quotas and Forced Labour',
      slug: 'coastal-fishing-quotas-and-forced-labour',
      subtitle: 'How quota systems push crews into debt',
      publishedAt: '2018-02-03T00:00:00.000Z',
      status: 'published',
      language: 'en',
      type: 'article',
      authors: [{ name: 'Mira Holm', credit: 'primary', affiliation: 'Senior Fellow' }],
      bodyHas: [
        'Quotas were cut by a third in 2016.',
        'Debts are recorded in the harbour offices.',
      ],
      bodyLacks: ['p.p1', 'Helvetica', 'The Harbour Institute'],
      files: [['coastal-quotas.pdf', 'main-pdf']],
      attention: null,
    },
    {
      section: 'research',
      title: 'Testimony on Port Inspections',
      publishedAt: '2018-11-30T00:00:00.000Z',
      status: 'published',
      language: 'en',
      type: 'testimony',
      authors: [{ name: 'Tomas Vik', credit: 'primary', affiliation: null }],
      bodyHas: ['speak to crews alone'],
      bodyLacks: [],
      files: [],
      externalUrl: 'https://records.example.net/hearing-2018-11-30',
      attention: null,
    },
    {
      section: 'research',
      title: '원양어선 선원 인권 실태',
      slug: 'seafarers-ko',
      publishedAt: '2019-11-01T00:00:00.000Z',
      status: 'published',
      language: 'ko',
      type: 'article',
      authors: [],
      bodyHas: ['외국인 선원들은'],
      bodyLacks: [],
      files: [['seafarers-ko.pdf', 'main-pdf']],
      precision: 'month',
      attention: null,
    },
    {
      section: 'research',
      title: 'Field Notes from the Northern Harbours',
      publishedAt: null,
      status: 'draft',
      language: 'en',
      type: 'article',
      authors: [
        { name: 'Mira Holm', credit: 'primary', affiliation: null },
        { name: 'Tomas Vik', credit: 'primary', affiliation: null },
      ],
      bodyHas: [
        '![The northern harbour at dawn](/research/field-notes-from-the-northern-harbours/harbour.png)',
      ],
      bodyLacks: [],
      files: [['harbour.png', 'image']],
      attention: /^The source gives no date; imported as a draft\.$/,
    },
    {
      section: 'research',
      title: 'Annual Report 2016',
      publishedAt: '2016-07-01T00:00:00.000Z',
      status: 'published',
      language: 'en',
      type: 'report',
      authors: [
        { name: 'Tomas Vik', credit: 'primary', affiliation: null },
        { name: 'Ana Ruiz', credit: 'secondary', affiliation: null },
      ],
      bodyHas: ['The year of the first harbour survey.'],
      bodyLacks: [],
      files: [
        ['annual-2016.pdf', 'main-pdf'],
        ['annual-2016-figures.pdf', 'supplement'],
      ],
      precision: 'month',
      attention: null,
    },
  ],
};

describeEachDatabase('The hand-made example site in docs/examples', (db) => {
  it('imports with every entry as a reader of the site would list it', async () => {
    const ctx = await testContext(db());
    const summary = await run(ctx, EXAMPLE);
    expectReport(summary, EXAMPLE);
    expect(entriesFailure(summary)).toBeNull();
    await expectTruth(ctx, EXAMPLE);
    const notes = await byTitle(ctx, 'Coastal Fishing Quotas and Forced Labour');
    expect(notes.body).toMatch(/\[\^\d+\]:/);
  });

  it('leads the old site’s address of each published piece to its new page', async () => {
    const ctx = await testContext(db());
    await run(ctx, EXAMPLE);
    const app = createApp(ctx);
    const p = await byTitle(ctx, 'Coastal Fishing Quotas and Forced Labour');
    const section = await ctx.repos.sections.findById(p.sectionId);
    const res = await app.request('http://localhost/research/coastal-quotas.htm');
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location') ?? '', 'http://localhost').pathname).toBe(
      `/${section?.slug}/${p.slug}/`,
    );
    // A piece that came in as a draft (it has no date) gets no public way in.
    const draft = await app.request('http://localhost/research/field-notes.htm');
    expect(draft.status).toBe(404);
  });
});

describeEachDatabase('A site whose entries change at the source', (db) => {
  let site: GeneratedSite;
  let ctx: WiredContext;
  const detail = (slug: string) => join(site.dir, 'publications', slug, 'index.html');
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };

  it('keeps footnotes from the notes list as Markdown footnotes with their definitions', async () => {
    site = await cardAndDetailSite();
    made.push(site.dir);
    ctx = await testContext(db());
    await run(ctx, site);
    const p = await byTitle(ctx, 'Food Prices in the Northern Provinces');
    expect(p.body).toMatch(/\[\^\d+\]:/);
  });

  it('updates the same publication when its title changes at the source', async () => {
    const before = await byTitle(ctx, 'Border Trade After the Closure');
    edit(
      detail('border-trade'),
      'Border Trade After the Closure</h1>',
      'Border Trade, Two Years On</h1>',
    );
    const summary = await run(ctx, site);
    expect(summary.counts.publications?.updated).toBe(1);
    expect(summary.counts.publications?.created).toBe(0);
    const after = await byTitle(ctx, 'Border Trade, Two Years On');
    expect(after.id).toBe(before.id);
    expect(after.slug).toBe(before.slug);
  });

  it('updates a piece with files when its text changes at the source, not calling it a conflict', async () => {
    const p = await byTitle(ctx, 'Food Prices in the Northern Provinces');
    edit(detail('food-prices'), 'nearly doubled in a year', 'doubled in a year');
    const summary = await run(ctx, site);
    expect(summary.entries.find((e) => e.title === p.title)?.outcome).toBe('updated');
    expect((await ctx.repos.publications.findById(p.id))?.body).toContain('Prices of rice doubled');
    expect(summary.counts.files).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });

  it('reads a replaced PDF again instead of calling it unchanged', async () => {
    const p = await byTitle(ctx, 'Satellite Imagery of Camp 16');
    const [old] = await ctx.repos.files.attachmentsOf([p.id]);
    writeFileSync(
      join(site.dir, 'publications/camp-16/camp-16.pdf'),
      await pdf('Camp 16, corrected', 'Four new buildings.'),
    );
    const summary = await run(ctx, site);
    expect(summary.counts.files?.updated).toBe(1);
    const [now] = await ctx.repos.files.attachmentsOf([p.id]);
    expect(now?.id).toBe(old?.id);
    expect(now?.storedFileId).not.toBe(old?.storedFileId);
    const jobs = await ctx.repos.jobs.list({ kind: PDF_EXTRACT_JOB });
    expect(jobs.some((j) => JSON.parse(j.payload).storedFileId === now?.storedFileId)).toBe(true);
    const [audit] = await ctx.repos.audit.list({ action: 'attachment.replace' });
    expect(audit?.subjectId).toBe(String(p.id));
  });

  it('leaves a piece edited in Dossier alone as a conflict, unless told to overwrite', async () => {
    const p = await byTitle(ctx, 'Notes on the Detention System');
    await editPublication(ctx, p.id, { summary: 'Edited in Dossier.' });
    edit(detail('detention-notes'), 'four kinds of facility', 'five kinds of facility');
    const summary = await run(ctx, site);
    const report = summary.entries.find((e) => e.title === 'Notes on the Detention System');
    expect(report?.outcome).toBe('conflict');
    expect(report?.reason).toMatch(/edited in Dossier/);
    expect(entriesFailure(summary)).not.toBeNull();
    const kept = await ctx.repos.publications.findById(p.id);
    expect(kept?.summary).toBe('Edited in Dossier.');
    expect(kept?.body).toContain('four kinds');
    const forced = await run(ctx, site, { overwrite: true });
    expect(forced.entries.find((e) => e.title === p.title)?.outcome).toBe('updated');
    expect((await ctx.repos.publications.findById(p.id))?.body).toContain('five kinds');
  });

  it('serves the Korean entries under lang="ko"', async () => {
    const app = createApp(ctx);
    const p = await byTitle(ctx, '북한 식량 가격 동향');
    const section = await ctx.repos.sections.findById(p.sectionId);
    const res = await app.request(`http://localhost/ko/${section?.slug}/${p.slug}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<!DOCTYPE html><html lang="ko"/);
    // Under the English interface, the text itself is still marked as Korean.
    const en = await (await app.request(`http://localhost/${section?.slug}/${p.slug}/`)).text();
    expect(en).toContain('<div class="body" lang="ko">');
  });
});

describeEachDatabase('A site with a listing page missing', (db) => {
  it('reports the page it could not follow and fails the run, keeping what it could read', async () => {
    const site = await cardAndDetailSite();
    made.push(site.dir);
    rmSync(join(site.dir, 'page/3'), { recursive: true });
    const ctx = await testContext(db());
    const summary = await run(ctx, site);
    const lost = summary.entries.find((e) => e.title === 'listing page page/3/index.html');
    expect(lost?.outcome).toBe('skipped');
    expect(lost?.reason).toMatch(/not saved in the folder \(linked from page\/2\/index.html\)/);
    expect(summary.counts.publications?.created).toBe(5);
    expect(entriesFailure(summary)).toBe('2 of 7 entries were not imported');
  });
});

describeEachDatabase('Keys from an earlier import', (db: () => TestDatabase) => {
  it('maps an entry keyed by date and title to its detail page, duplicating nothing', async () => {
    const site = await seedLikeSite();
    made.push(site.dir);
    const ctx = await testContext(db());
    const raw = JSON.parse(readFileSync(join(ROOT, 'profiles/seed-listing.json'), 'utf8'));
    const { detailLink: _, ...withoutDetail } = raw;
    // Without detail pages, entries are known by section, date and title, as earlier runs knew them.
    const first = await run(ctx, site, { profile: withoutDetail });
    expect(first.counts.publications?.created).toBe(5);
    const second = await run(ctx, site);
    expect(second.counts.publications?.created).toBe(0);
    expect(await ctx.repos.publications.count()).toBe(5);
    const moved = second.entries.find((e) => e.title === 'Hidden Gulag Update');
    expect(moved?.key).toBe('page:summaries/hidden-gulag.html');
    expect(moved?.outcome).toBe('updated');
    const third = await run(ctx, site);
    expect(third.counts.publications).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });
});
